// Runs in real Chromium on real IndexedDB (Vitest browser mode).
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type WorkbenchDb } from './schema.ts';
import { loadSampleCorpus, sampleArticles, SAMPLE_CORPUS_VERSION } from './sample-corpus.ts';
import { getSetting } from './settings.ts';

let db: WorkbenchDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('sample corpus', () => {
  it('bundles the five articles, byte for byte, with the outlet the manifest names', async () => {
    const articles = sampleArticles();
    expect(articles.map((a) => a.name)).toEqual([
      '000_1657261326c80e5f.txt',
      '001_29400f97fdbec8ff.txt',
      '002_11f411e90ec78642.txt',
      '003_fa21b2dda6de4db5.txt',
      '004_8671c16eaac51af9.txt',
    ]);
    expect(articles.map((a) => a.outlet)).toEqual([
      'الشرق',
      'المدن',
      '26 سبتمبر',
      'رووداو',
      'رووداو',
    ]);
    // The bundle holds the files byte for byte, as the dev server serves them.
    for (const a of articles) {
      const served = new Uint8Array(
        await (await fetch(`/resources/corpus/${a.name}`)).arrayBuffer(),
      );
      expect(a.bytes).toEqual(served);
    }
    // The seed 002 opens with its 3,500-character ticker: shipped unchanged.
    expect(new TextDecoder().decode(articles[2]!.bytes).split('\n')[0]!.length).toBeGreaterThan(
      3500,
    );
  });

  it('loads once, even when first-run loads race, and keeps the raw text', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    const added = await Promise.all([loadSampleCorpus(db), loadSampleCorpus(db)]);
    expect(added.sort()).toEqual([0, 5]);
    expect(await loadSampleCorpus(db)).toBe(0);
    expect(await db.documents.count()).toBe(5);
    expect(await getSetting(db, 'sampleCorpusVersion')).toBe(SAMPLE_CORPUS_VERSION);
    const docs = (await db.documents.toArray()).sort((a, b) => a.importedAt - b.importedAt);
    // Each with its list row, in the same order.
    expect((await db.docMeta.orderBy('importedAt').toArray()).map((m) => m.id)).toEqual(
      docs.map((d) => d.id),
    );
    expect(docs.map((d) => d.date)).toEqual([
      null,
      '2021-07-23',
      '2021-07-25',
      '2021-07-26',
      '2021-07-27',
    ]);
    expect(docs[3]!.author).toBe('شيرين أحمد كيلو');
    // 000's page names no title: it has none (the list says "No title"
    // beside its opening words), while the others keep the page's own.
    expect(docs.map((d) => d.title === '')).toEqual([true, false, false, false, false]);
    const lead = (await db.docMeta.get(docs[0]!.id))!.lead;
    expect(lead).toMatch(/^قال رئيس الوزراء العراقي، مصطفى الكاظمي، .*…$/u);
    expect((await db.docMeta.get(docs[1]!.id))!.lead).toBeUndefined();
    const raw = new TextDecoder().decode(sampleArticles()[1]!.bytes);
    expect(docs[1]!.rawText).toBe(raw);
    expect(docs[1]!.text).not.toContain('increase حجم الخط decrease');
  });
});
