// Runs in real Chromium on real IndexedDB (Vitest browser mode).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '@core/document.ts';
import type { HostFile } from '@core/host-contract.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import { timeLimitReason } from '@core/import/prepare-queue.ts';
import { MAX_HTML_DEPTH } from '@core/limits.ts';
import { articleQueue } from '../corpus/article-queue.ts';
import { importFiles, setTextSource } from './documents.ts';

// Articles are read in a module Web Worker; under the test server its first
// start loads linkedom unbundled and takes seconds. Start it once, untimed.
beforeAll(async () => {
  await articleQueue().prepare({ name: 'warm-up.txt', bytes: new TextEncoder().encode('نص') });
}, 120_000);

let db: WorkbenchDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

function fresh(): WorkbenchDb {
  db = createDb(`t-${crypto.randomUUID()}`);
  return db;
}

const enc = new TextEncoder();
function article(i: number): HostFile {
  const text = [
    `عنوان الخبر رقم ${i} عن الحوار بين بغداد وواشنطن`,
    'الأحد 25/07/2021',
    'A+ A-',
    `قال مسؤول عراقي في التصريح رقم ${i} إن الحوار الاستراتيجي مع الولايات المتحدة سيحدد موعد انسحاب القوات القتالية من البلاد خلال الأشهر المقبلة.`,
  ].join('\n');
  return { name: `article-${i}.txt`, bytes: enc.encode(text) };
}

describe('importFiles on IndexedDB', () => {
  it('imports 47 good files of a batch of 50 and reports the 3 bad ones by name', async () => {
    const d = fresh();
    const files = Array.from({ length: 47 }, (_, i) => article(i));
    files.splice(10, 0, { name: 'empty.txt', bytes: new Uint8Array() });
    files.splice(20, 0, { name: 'scan.txt', bytes: Uint8Array.from([0x89, 0x50, 0, 0, 1, 2]) });
    files.splice(30, 0, { name: 'french.txt', bytes: Uint8Array.from([0x63, 0x61, 0x66, 0xe9]) });
    const out = await importFiles(d, files);
    expect(out).toHaveLength(50);
    expect(out.filter((o) => o.status === 'imported')).toHaveLength(47);
    expect(out.filter((o) => o.status === 'error')).toMatchObject([
      { file: 'empty.txt', status: 'error', reason: 'the file is empty' },
      { file: 'scan.txt', status: 'error', reason: 'the file is binary, not text' },
      { file: 'french.txt', status: 'error', reason: expect.stringMatching(/not valid UTF-8/) },
    ]);
    expect(await d.documents.count()).toBe(47);
    const doc = await d.documents
      .filter((x) => x.title === 'عنوان الخبر رقم 3 عن الحوار بين بغداد وواشنطن')
      .first();
    expect(doc).toMatchObject({ date: '2021-07-25', file: 'article-3.txt', textSource: 'clean' });
    expect(doc!.id).toBe(await sha256Hex(doc!.text));
    expect(doc!.removed.map((r) => r.rule)).toEqual(['date-line', 'page-chrome']);
  });

  it('says so when the same article comes again, and stores it once', async () => {
    const d = fresh();
    const [first] = await importFiles(d, [article(1)]);
    const again = await importFiles(d, [{ ...article(1), name: 'copy.txt' }]);
    expect(first!.status).toBe('imported');
    expect(again).toEqual([
      {
        file: 'copy.txt',
        status: 'duplicate',
        id: first!.status === 'imported' ? first!.id : '',
        title: 'عنوان الخبر رقم 1 عن الحوار بين بغداد وواشنطن',
      },
    ]);
    expect(await d.documents.count()).toBe(1);
  });

  it('imports HTML without running its scripts or loading its images', async () => {
    const d = fresh();
    const imagesBefore = document.images.length;
    const html = `<!doctype html><html><head>
      <meta property="og:title" content="الكاظمي في واشنطن">
      <meta property="article:published_time" content="2021-07-26T09:00:00Z">
      <script>window.__stanceRan = true;</script></head><body>
      <article><p>${'وصل رئيس الوزراء العراقي إلى واشنطن في زيارة رسمية لبحث مستقبل القوات الأميركية. '.repeat(4)}</p>
      <img src="https://example.invalid/p.jpg" onerror="window.__stanceRan = true"></article></body></html>`;
    const [out] = await importFiles(d, [{ name: 'page.html', bytes: enc.encode(html) }]);
    expect(out).toMatchObject({ status: 'imported', title: 'الكاظمي في واشنطن' });
    // A handler or load the import set off would run later, not during it.
    // Wait two frames, then for a control image on the same unreachable host,
    // started after the import, to fail: had the page's image been loading,
    // its onerror would have fired by then.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const control = new Image();
    const failed = new Promise((resolve) => control.addEventListener('error', resolve));
    control.src = `https://example.invalid/control-${crypto.randomUUID()}.jpg`;
    await failed;
    expect((window as { __stanceRan?: boolean }).__stanceRan).toBeUndefined();
    expect(document.images.length).toBe(imagesBefore);
    const requested = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.startsWith('https://example.invalid/p.jpg'));
    expect(requested).toEqual([]);
    const doc = await d.documents.toCollection().first();
    expect(doc?.date).toBe('2021-07-26T09:00:00Z');
    const bare = await importFiles(d, [
      { name: 'login.html', bytes: enc.encode('<html><body><form></form></body></html>') },
    ]);
    expect(bare).toEqual([
      {
        file: 'login.html',
        status: 'error',
        reason: 'the HTML page has no article text',
        problem: { code: 'html.noArticle' },
      },
    ]);
  });

  it('reads pages off the main thread: one over the time limit is stopped, the next imports', async () => {
    const d = fresh();
    const P = 'قال رئيس الوزراء العراقي إن بلاده لم تعد بحاجة إلى قوات قتالية أميركية. ';
    // Within the depth and element limits, yet seconds of Readability's work
    // on any machine; the limit is 10 ms. Only a worker can be stopped.
    const branch = `${'<div>'.repeat(120)}<p>${P}</p>${'</div>'.repeat(120)}`;
    const slow = `<!doctype html><html><body>${branch.repeat(300)}</body></html>`;
    const deep = `<!doctype html><html><body>${'<div>'.repeat(2000)}<article><p>${P.repeat(5)}</p></article>${'</div>'.repeat(2000)}</body></html>`;
    const stopped = await importFiles(d, [{ name: 'slow.html', bytes: enc.encode(slow) }], {
      timeLimitMs: 10,
    });
    expect(stopped).toEqual([
      {
        file: 'slow.html',
        status: 'error',
        reason: timeLimitReason(10),
        problem: { code: 'article.timeLimit', values: { limit: { ms: 10 } } },
      },
    ]);
    // A new worker reads the next files, with the usual limit: 2,000 nested
    // <div>s (which took Readability 16 s) are refused by their depth.
    const refused = await importFiles(d, [{ name: 'deep.html', bytes: enc.encode(deep) }]);
    expect(refused).toEqual([
      {
        file: 'deep.html',
        status: 'error',
        reason: `the page nests elements more than ${MAX_HTML_DEPTH} deep (the limit is ${MAX_HTML_DEPTH}); save the article as text and import that`,
        problem: { code: 'html.tooDeep', values: { limit: MAX_HTML_DEPTH } },
      },
    ]);
    const [next] = await importFiles(d, [article(9)]);
    expect(next).toMatchObject({ status: 'imported' });
    expect(await d.documents.count()).toBe(1);
    // (Restarting the worker reloads linkedom: seconds under the test server.)
  }, 120_000);

  it('stores no dataset file: the window sends those to the dataset import dialog', async () => {
    const d = fresh();
    const line = JSON.stringify({ text: 'قال الكاظمي', spans: [], _annotator_id: 'Karwan' });
    const out = await importFiles(d, [
      { name: 'karwan.jsonl', bytes: enc.encode(`${line}\n`) },
      article(3),
    ]);
    expect(out[0]).toMatchObject({
      file: 'karwan.jsonl',
      status: 'error',
      reason: 'this is a dataset file; import it as a dataset',
    });
    expect(out[1]).toMatchObject({ file: 'article-3.txt', status: 'imported' });
    expect(await d.documents.count()).toBe(1);
    expect(await d.spans.count()).toBe(0);
  });
});

describe('setTextSource', () => {
  it('switches to the raw text under a new id, moving statuses, and back', async () => {
    const d = fresh();
    const [out] = await importFiles(d, [article(7)]);
    const id = out!.status === 'imported' ? out!.id : '';
    await d.statuses.add({
      docId: id,
      annotatorId: 'Laila',
      status: 'in-progress',
      docStance: null,
      updatedAt: 1,
    });
    const rawId = await setTextSource(d, id, 'raw');
    const raw = await d.documents.get(rawId);
    expect(raw!.textSource).toBe('raw');
    expect(raw!.text).toBe(new TextDecoder().decode(article(7).bytes));
    expect(rawId).toBe(await sha256Hex(raw!.text));
    expect(await d.documents.get(id)).toBeUndefined();
    expect(await d.statuses.where('docId').equals(rawId).count()).toBe(1);
    expect(await setTextSource(d, rawId, 'clean')).toBe(id);
    expect(await d.documents.count()).toBe(1);
  });

  it('refuses once the document has spans, and changes nothing', async () => {
    const d = fresh();
    const [out] = await importFiles(d, [article(8)]);
    const id = out!.status === 'imported' ? out!.id : '';
    await d.spans.add({
      id: 's1',
      docId: id,
      annotatorId: 'Laila',
      label: 'pro-withdrawal',
      start: 0,
      end: 5,
      quote: 'عنوان',
      holder: null,
      note: null,
      createdAt: 1,
      updatedAt: 1,
    });
    await expect(setTextSource(d, id, 'raw')).rejects.toThrow(/already has 1 span/);
    expect((await d.documents.get(id))!.textSource).toBe('clean');
  });
});
