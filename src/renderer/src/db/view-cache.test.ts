// Kept views on real IndexedDB in real Chromium: a view kept at the
// current generation reads back as current; any write to what views are
// computed from (spans, actors, documents…) makes a new generation in the
// same transaction, so after a change the kept view reads back as not
// current (never passed off as current); a view computed before a change
// is not kept; an aborted write changes nothing; only the most recent
// views are kept. Also the Analysis view's summary, kept and read back
// through db/analysis.ts, equal to the one computed from the whole view.
import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '@core/model.ts';
import { summarizeAnalysis } from '@core/actors/analysis-summary.ts';
import { keepAnalysisSummary, loadAnalysis, readAnalysisSummary } from './analysis.ts';
import { freshDb, testSpan } from '../test/db.ts';
import type { WorkbenchDb } from './schema.ts';
import { currentGeneration, keepView, MAX_KEPT_VIEWS, readKeptView } from './view-cache.ts';

const open = (): Promise<WorkbenchDb> => freshDb('views');
const span = (id: string, holderActorId: string | null, label = 'pro-withdrawal'): SpanRecord =>
  testSpan(id, { holderActorId, label });

const gen = (db: WorkbenchDb): Promise<string> =>
  db.transaction('r', db.viewCache, () => currentGeneration(db));
const read = (db: WorkbenchDb, key: string) => readKeptView(db, key).then((r) => r.kept);
const current = (value: unknown) => ({ value, current: true });
const older = (value: unknown) => ({ value, current: false });

describe('kept views', () => {
  it('read back as current until a span, actor or document is written, then as older', async () => {
    const db = await open();
    expect(await read(db, 'v')).toBeUndefined();
    expect(await keepView(db, 'v', await gen(db), { n: 1 })).toBe(true);
    expect(await read(db, 'v')).toEqual(current({ n: 1 }));

    await db.spans.put(span('s1', null));
    expect(await read(db, 'v')).toEqual(older({ n: 1 }));

    expect(await keepView(db, 'v', await gen(db), { n: 2 })).toBe(true);
    expect(await read(db, 'v')).toEqual(current({ n: 2 }));
    await db.actors.put({
      id: 'kadhimi',
      nameAr: 'مصطفى الكاظمي',
      nameEn: 'Mustafa al-Kadhimi',
      kind: 'person',
      affiliation: null,
      aliases: [],
      createdAt: 1,
      updatedAt: 1,
    });
    expect(await read(db, 'v')).toEqual(older({ n: 2 }));

    expect(await keepView(db, 'v', await gen(db), { n: 3 })).toBe(true);
    await db.docMeta.put({ id: 'd1', title: 't', outlet: null, date: null, importedAt: 1 });
    expect(await read(db, 'v')).toEqual(older({ n: 3 }));
    // What the app itself keeps, or settings, are not what views count.
    expect(await keepView(db, 'v', await gen(db), { n: 4 })).toBe(true);
    await db.settings.put({ key: 'fontSize', value: 18 });
    expect(await read(db, 'v')).toEqual(current({ n: 4 }));
  });

  it('does not keep a view computed before a change, and keeps only the most recent views', async () => {
    const db = await open();
    const before = await gen(db);
    await db.spans.put(span('s1', null));
    expect(await keepView(db, 'v', before, { n: 1 })).toBe(false);
    expect(await read(db, 'v')).toBeUndefined();

    for (let i = 0; i <= MAX_KEPT_VIEWS; i++)
      expect(await keepView(db, `v${i}`, await gen(db), { i })).toBe(true);
    const keys = (await db.viewCache.toArray()).map((r) => r.key);
    expect(keys).toHaveLength(MAX_KEPT_VIEWS + 1); // the views and the generation row
    expect(keys).toContain('gen');
    expect(keys).toContain(`v${MAX_KEPT_VIEWS}`);
  });

  it('keeps the view current when a write is aborted: nothing changed', async () => {
    const db = await open();
    await db.spans.put(span('s1', null));
    expect(await keepView(db, 'v', await gen(db), { n: 1 })).toBe(true);
    await expect(
      db.transaction('rw', db.spans, async () => {
        await db.spans.put(span('s2', null));
        throw new Error('the analyst cancelled');
      }),
    ).rejects.toThrow('the analyst cancelled');
    expect(await db.spans.count()).toBe(1);
    expect(await read(db, 'v')).toEqual(current({ n: 1 }));
  });

  it('cannot read or overwrite the generation as a view', async () => {
    const db = await open();
    await expect(keepView(db, 'gen', await gen(db), {})).rejects.toThrow('not a view');
    await db.spans.put(span('s1', null));
    expect(await read(db, 'gen')).toBeUndefined();
  });
});

describe("the Analysis view's kept summary", () => {
  it('reads back as computed, is gone after a change, and a damaged row is ignored', async () => {
    const db = await open();
    await db.spans.bulkPut([span('s1', null), span('s2', null, 'pro-coalition')]);
    const options = { labels: ['pro-withdrawal', 'pro-coalition'], timeBucket: 'day' as const };
    const view = await loadAnalysis(db, {}, options);
    expect(view.totals.total).toBe(1);
    const kept = await keepAnalysisSummary(db, {}, options, view);
    expect(kept).toEqual(summarizeAnalysis(view, view.input.docs));
    const summaryOf = (f = {}) => readAnalysisSummary(db, f, options).then((r) => r.kept);
    expect(await summaryOf()).toEqual({ summary: kept, current: true });
    // Another filter is another view.
    expect(await summaryOf({ annotators: ['laila'] })).toBeUndefined();

    // A damaged row (an older build, a bad disk) is recomputed, never shown.
    const row = (await db.viewCache.toArray()).find((r) => r.key.startsWith('analysis:'))!;
    await db.viewCache.put({ ...row, value: { ...kept, rows: 'oops' } });
    expect(await summaryOf()).toBeUndefined();

    await keepAnalysisSummary(db, {}, options, view);
    await db.spans.delete('s2');
    expect(await summaryOf()).toEqual({ summary: kept, current: false });
    // The whole view computed again counts the change, and is kept as current.
    const again = await loadAnalysis(db, {}, options);
    const next = await keepAnalysisSummary(db, {}, options, again);
    expect(next.spans).toBe(1);
    expect(await summaryOf()).toEqual({ summary: next, current: true });
  });
});
