// The outbox on real IndexedDB: while a project is connected, every change
// of something the project shares leaves a row in the same transaction, by
// whatever API it is made; colleagues' records, incoming writes and
// unconnected profiles leave none; an aborted change leaves neither.
import { afterEach, describe, expect, it } from 'vitest';
import { GOLD_ANNOTATOR_ID, type SpanRecord } from '@core/model.ts';
import { acceptIntoGold } from '../db/gold.ts';
import { deleteLabel, saveLabel } from '../db/labels.ts';
import { createProfile } from '../db/profile.ts';
import { createDb, type WorkbenchDb } from '../db/schema.ts';
import { applyChanges, makeSpan } from '../db/spans.ts';
import { buildDocumentRecord } from '@core/document.ts';
import { CONFIG_KEY, type TeamConfig } from './meta.ts';
import { markIncoming } from './outbox.ts';
import { OUTBOX } from './tables.ts';

let db: WorkbenchDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

const TEXT = 'قال رئيس الوزراء إن لا حاجة لوجود قوات قتالية أجنبية';

async function profile(connected: boolean): Promise<WorkbenchDb> {
  db = createDb(`outbox-test-${crypto.randomUUID()}`);
  await db.open();
  await createProfile(db, 'omar');
  if (connected) {
    const config: TeamConfig = {
      server: 'http://127.0.0.1:1',
      project: 'p',
      user: 'omar',
      roles: ['analyst', 'adjudicator', 'lead'],
      localName: 'unused',
      connectedAt: 0,
    };
    await db.syncMeta.put({ key: CONFIG_KEY, value: config });
  }
  return db;
}

function span(docId: string, annotatorId: string): SpanRecord {
  return makeSpan({ docId, annotatorId, label: 'pro-withdrawal', start: 0, end: 3, quote: 'قال' });
}

const ids = async (d: WorkbenchDb) => (await d.outbox.toArray()).map((r) => r.id).sort();

describe('the outbox', () => {
  it('records the project documents each change touches, in the same transaction', async () => {
    const d = await profile(true);
    const doc = await buildDocumentRecord({ text: TEXT });
    await d.documents.add(doc);
    const mine = span(doc.id, 'omar');
    await applyChanges(d, [{ table: 'spans', before: null, after: mine }]);
    expect(await ids(d)).toEqual(
      [`article:${doc.id}`, `span:omar:${mine.id}`, `status:omar:${doc.id}`].sort(),
    );
    const rows = await d.outbox.toArray();
    expect(rows.every((r) => r.state === OUTBOX.pending && r.stamp.length > 0)).toBe(true);

    // A later change of the same span is one row with a new stamp.
    const stamp = (await d.outbox.get(`span:omar:${mine.id}`))!.stamp;
    await applyChanges(d, [
      { table: 'spans', before: mine, after: { ...mine, label: 'pro-coalition' } },
    ]);
    expect((await d.outbox.get(`span:omar:${mine.id}`))!.stamp).not.toBe(stamp);

    // Deleting it (a where-clause delete, as label deletion does) too.
    await d.outbox.clear();
    await deleteLabel(d, 'pro-coalition');
    expect(await ids(d)).toEqual(['project:labels', `span:omar:${mine.id}`]);

    // Gold goes to the document's gold; a label edit to the label set.
    await d.outbox.clear();
    await acceptIntoGold(d, doc.id, { start: 0, end: 3, label: 'pro-withdrawal' });
    expect(await ids(d)).toEqual([`gold:${doc.id}`]);
    expect(await d.spans.where('annotatorId').equals(GOLD_ANNOTATOR_ID).count()).toBe(1);
    await d.outbox.clear();
    const label = (await d.labels.get('pro-withdrawal'))!;
    await saveLabel(d, 'pro-withdrawal', { ...label, definition: 'changed' });
    expect(await ids(d)).toEqual(['project:labels']);
  });

  it('leaves no row for colleagues’ records, incoming writes, or an unconnected profile', async () => {
    const d = await profile(true);
    await d.spans.add(span('d1', 'sara'));
    await d.statuses.put({
      docId: 'd1',
      annotatorId: 'sara',
      status: 'done',
      docStance: null,
      updatedAt: 1,
    });
    await d.transaction('rw', d.spans, async (tx) => {
      markIncoming(tx);
      await d.spans.add(span('d1', 'omar'));
    });
    expect(await d.outbox.count()).toBe(0);

    const solo = createDb(`outbox-test-${crypto.randomUUID()}`);
    await solo.open();
    try {
      await createProfile(solo, 'omar');
      await applyChanges(solo, [{ table: 'spans', before: null, after: span('d1', 'omar') }]);
      expect(await solo.outbox.count()).toBe(0);
    } finally {
      await solo.delete();
    }
  });

  it('keeps neither the change nor its row when the transaction fails', async () => {
    const d = await profile(true);
    const s = span('d1', 'omar');
    await expect(
      d.transaction('rw', d.spans, async () => {
        await d.spans.add(s);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await d.spans.get(s.id)).toBeUndefined();
    expect(await d.outbox.count()).toBe(0);
  });
});
