// Runs in real Chromium on real IndexedDB.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '@core/labels.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import { applyChanges, invertChanges, makeSpan, spansOf } from './spans.ts';
import { deleteLabel, labelUsage, saveLabel } from './labels.ts';

let db: WorkbenchDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

const fields = {
  docId: 'd1',
  annotatorId: 'laila',
  label: 'pro-withdrawal',
  start: 4,
  end: 11,
  quote: 'الكاظمي',
};

describe('span edits on IndexedDB', () => {
  it('adds a span, marks the document in progress, and undoes by applying the inverse', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    const span = makeSpan(fields);
    const add = [{ table: 'spans' as const, before: null, after: span }];
    await applyChanges(db, add);
    expect(await spansOf(db, 'd1', 'laila')).toEqual([span]);
    expect((await db.statuses.get(['d1', 'laila']))?.status).toBe('in-progress');

    const relabel = [
      { table: 'spans' as const, before: span, after: { ...span, label: 'pro-coalition' } },
    ];
    await applyChanges(db, relabel);
    await applyChanges(db, invertChanges(relabel));
    expect((await db.spans.get(span.id))?.label).toBe('pro-withdrawal');
    await applyChanges(db, invertChanges(add));
    expect(await spansOf(db, 'd1', 'laila')).toEqual([]);
  });

  it('undoing the first span restores the status the document had (or its absence)', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    const span = makeSpan(fields);
    const made = await applyChanges(db, [{ table: 'spans', before: null, after: span }]);
    expect((await db.statuses.get(['d1', 'laila']))?.status).toBe('in-progress');
    await applyChanges(db, invertChanges(made));
    expect(await spansOf(db, 'd1', 'laila')).toEqual([]);
    expect(await db.statuses.get(['d1', 'laila'])).toBeUndefined();
    // Redo brings both back.
    await applyChanges(db, made);
    expect((await db.statuses.get(['d1', 'laila']))?.status).toBe('in-progress');

    // A stored not-started status (with a stance) comes back as it was.
    const notStarted = {
      docId: 'd2',
      annotatorId: 'laila',
      status: 'not-started' as const,
      docStance: 'pro-coalition',
      updatedAt: 1,
    };
    await db.statuses.put(notStarted);
    const other = makeSpan({ ...fields, docId: 'd2' });
    const made2 = await applyChanges(db, [{ table: 'spans', before: null, after: other }]);
    expect(await db.statuses.get(['d2', 'laila'])).toMatchObject({
      status: 'in-progress',
      docStance: 'pro-coalition',
    });
    await applyChanges(db, invertChanges(made2));
    expect(await db.statuses.get(['d2', 'laila'])).toEqual(notStarted);

    // A later span in an in-progress document adds no status change.
    const more = await applyChanges(db, [
      { table: 'spans', before: null, after: makeSpan({ ...fields, start: 20, end: 25 }) },
    ]);
    expect(more).toHaveLength(1);
  });

  it('writes nothing when a write in the edit fails', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    const good = makeSpan(fields);
    const bad = { ...makeSpan(fields), id: undefined as unknown as string };
    await expect(
      applyChanges(db, [
        { table: 'spans', before: null, after: good },
        { table: 'spans', before: null, after: bad },
      ]),
    ).rejects.toThrow();
    expect(await db.spans.count()).toBe(0);
    expect(await db.statuses.count()).toBe(0);
  });

  it('renaming a label relabels its spans and stances; deleting removes its spans', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    await db.labels.bulkAdd(DEFAULT_LABELS.map((l) => ({ ...l })));
    await db.spans.bulkAdd([
      makeSpan(fields),
      makeSpan(fields),
      makeSpan({ ...fields, label: 'pro-coalition' }),
    ]);
    await db.statuses.put({
      docId: 'd1',
      annotatorId: 'laila',
      status: 'in-progress',
      docStance: 'pro-withdrawal',
      updatedAt: 1,
    });
    const old = DEFAULT_LABELS[0]!;
    const saved = await saveLabel(db, old.key, { ...old, name: 'Withdrawal now' });
    expect(saved.key).toBe('withdrawal-now');
    expect((await labelUsage(db, 'withdrawal-now')).total).toBe(2);
    expect(await db.spans.filter((s) => s.label === 'withdrawal-now').count()).toBe(2);
    expect((await labelUsage(db, old.key)).total).toBe(0);
    expect((await db.statuses.get(['d1', 'laila']))?.docStance).toBe('withdrawal-now');
    expect(await db.labels.get(old.key)).toBeUndefined();

    await expect(
      saveLabel(db, 'withdrawal-now', { ...saved, name: 'Pro-coalition' }),
    ).rejects.toThrow(/already called/);
    await deleteLabel(db, 'withdrawal-now');
    expect(await db.spans.count()).toBe(1);
    expect((await db.statuses.get(['d1', 'laila']))?.docStance).toBeNull();
  });
});
