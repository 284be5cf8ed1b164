// Which documents changed since a generation, on real IndexedDB in real
// Chromium: every write to what views are computed from names the
// documents it touched (a span delete by its document's facts row, gold's
// rejected proposals by theirs), in the same transaction as the write; a
// generation that is current has no changes; one the table no longer
// reaches (pruned, or from before it) cannot be told, and says so.
import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '@core/model.ts';
import { freshDb, testSpan } from '../test/db.ts';
import type { WorkbenchDb } from './schema.ts';
import { untrackedGeneration } from './view-cache.ts';
import { changesSince, KEPT_CHANGES } from './view-changes.ts';

const open = (): Promise<WorkbenchDb> => freshDb('changes');
const span = (id: string, docId: string): SpanRecord => testSpan(id, { docId });

/** The documents the changes since `gen` name, and whether any could not be told. */
async function docsSince(db: WorkbenchDb, gen: string): Promise<string[] | null> {
  const r = await changesSince(db, gen);
  if (!r) return null;
  if (r.changes.some((c) => c.docs === null)) return null;
  return [...new Set(r.changes.flatMap((c) => c.docs!))].sort();
}

describe('changes since a generation', () => {
  it('name the documents of span, status and gold writes, a span delete included', async () => {
    const db = await open();
    await db.spans.bulkPut([span('s1', 'd1'), span('s2', 'd2')]);
    const g0 = await untrackedGeneration(db);
    expect(await docsSince(db, g0)).toEqual([]);

    await db.spans.delete('s2');
    expect(await docsSince(db, g0)).toEqual(['d2']);
    await db.statuses.put({
      docId: 'd3',
      annotatorId: 'laila',
      status: 'done',
      docStance: null,
      updatedAt: 1,
    });
    await db.settings.put({ key: 'goldRejected:d4', value: ['k'] });
    // Other settings are about no view, and make no generation.
    await db.settings.put({ key: 'fontSize', value: 18 });
    expect(await docsSince(db, g0)).toEqual(['d2', 'd3', 'd4']);

    const g1 = await untrackedGeneration(db);
    await db.spans.put({ ...span('s1', 'd1'), label: 'pro-coalition' });
    expect(await docsSince(db, g1)).toEqual(['d1']);
    // A write to a table about no document names none, but is listed.
    const g2 = await untrackedGeneration(db);
    await db.annotators.put({ id: 'omar', name: 'Omar', kind: 'colleague', createdAt: 1 });
    expect(await changesSince(db, g2)).toMatchObject({
      changes: [{ table: 'annotators', docs: [] }],
    });
  });

  it('cannot tell a clear apart, nor a generation it no longer reaches', async () => {
    const db = await open();
    expect(await changesSince(db, 'initial')).toEqual({ gen: 'initial', changes: [] });
    await db.spans.put(span('s1', 'd1'));
    expect(await changesSince(db, 'initial')).toBeNull();
    const g = await untrackedGeneration(db);
    await db.spans.clear();
    expect(await docsSince(db, g)).toBeNull();
  });

  // A few thousand writes: given time on a loaded machine (their verdict is not about speed).
  it(
    'keep only the last writes: an older generation cannot be told',
    { timeout: 180_000 },
    async () => {
      const db = await open();
      // Only the last KEPT_CHANGES writes are kept: older generations are not told.
      const before = await untrackedGeneration(db);
      await db.transaction('rw', db.statuses, async () => {
        for (let i = 0; i <= KEPT_CHANGES + 256; i++)
          await db.statuses.put({
            docId: `d${i}`,
            annotatorId: 'laila',
            status: 'done',
            docStance: null,
            updatedAt: 1,
          });
      });
      expect(await changesSince(db, before)).toBeNull();
      expect(await db.viewChanges.count()).toBeLessThanOrEqual(KEPT_CHANGES + 256);
    },
  );

  it('roll back with an aborted write', async () => {
    const db = await open();
    await db.spans.put(span('s1', 'd1'));
    const g = await untrackedGeneration(db);
    await expect(
      db.transaction('rw', db.spans, async () => {
        await db.spans.put(span('s2', 'd2'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await changesSince(db, g)).toEqual({ gen: g, changes: [] });
  });
});
