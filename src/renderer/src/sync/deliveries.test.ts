// The puller taking the replicator's batches during a first sync
// (deliveries.ts), on real IndexedDB: a real PouchDB local copy written the
// way PouchDB's replicator writes it (new_edits: false, then its 'change'
// event's documents handed over) and a real Dexie profile. What matters to
// the analyst: every document arrives, a colleague's conflicting versions
// end as the copy's winner, and a write between batches loses nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import type { DocumentRecord, SpanRecord } from '@core/model.ts';
import { cpSlice } from '@core/offsets.ts';
import { annotatorDocId, articleDocId, spanDocId } from '@core/team/ids.ts';
import { documentToBody, spanToBody } from '@core/team/wire.ts';
import { createProfile } from '../db/profile.ts';
import { createDb, type WorkbenchDb } from '../db/schema.ts';
import { makeSpan } from '../db/spans.ts';
import type { RawDoc } from './check.ts';
import { Deliveries } from './deliveries.ts';
import { openLocal, type Pouch } from './pouch.ts';
import { pullBatch } from './pull.ts';

const TEXT = 'قال رئيس الوزراء إن لا حاجة لوجود قوات قتالية أجنبية على الأراضي العراقية';

let n = 0;
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function setup(): Promise<{ db: WorkbenchDb; local: Pouch; doc: DocumentRecord }> {
  const db = createDb(`deliveries-${Date.now()}-${n++}`);
  await db.open();
  await createProfile(db, 'huda');
  const local = openLocal(`deliveries-copy-${Date.now()}-${n++}`);
  cleanup.push(
    () => db.delete(),
    () => local.destroy(),
  );
  const doc = await buildDocumentRecord({ text: TEXT, title: 'الحوار الاستراتيجي' });
  return { db, local, doc };
}

/** A revision as CouchDB writes one: generation and 32 hex digits. */
function rev(gen: number, hash: string): { _rev: string; _revisions: object } {
  const h = hash.padEnd(32, '0');
  return { _rev: `${gen}-${h}`, _revisions: { start: gen, ids: [h] } };
}

function spanDoc(s: SpanRecord, hash: string): RawDoc {
  return { _id: spanDocId(s.annotatorId, s.id), ...rev(1, hash), ...spanToBody(s) };
}

function spanOf(docId: string, start: number, end: number, label = 'pro-withdrawal'): SpanRecord {
  return makeSpan({
    docId,
    annotatorId: 'omar',
    label,
    start,
    end,
    quote: cpSlice(TEXT, start, end),
  });
}

/** Writes `docs` into the copy as the replicator does, and hands them over as its event does. */
async function replicate(local: Pouch, deliveries: Deliveries, docs: RawDoc[]): Promise<void> {
  await local.bulkDocs(docs as never[], { new_edits: false });
  deliveries.add(docs.map((d) => ({ ...d })));
  await deliveries.settled();
}

describe('a first sync taking the replicator’s batches', { timeout: 60_000 }, () => {
  it('applies batches that continue the checkpoint without reading the copy’s feed', async () => {
    const { db, local, doc } = await setup();
    const deliveries = new Deliveries(local, 'huda');
    const feed = vi.spyOn(local, 'changes');
    const spans = [spanOf(doc.id, 0, 3), spanOf(doc.id, 4, 8), spanOf(doc.id, 9, 17)];
    await replicate(local, deliveries, [
      { _id: articleDocId(doc.id), ...rev(1, 'a1'), ...documentToBody(doc) },
      spanDoc(spans[0]!, 'b1'),
    ]);
    await replicate(local, deliveries, [spanDoc(spans[1]!, 'b2'), spanDoc(spans[2]!, 'b3')]);

    const r = await pullBatch(db, local, 'huda', deliveries);
    expect(r.read).toBe(4);
    expect(feed).not.toHaveBeenCalled();
    expect(await db.documents.get(doc.id)).toMatchObject({ text: TEXT, title: doc.title });
    for (const s of spans) expect(await db.spans.get(s.id)).toEqual(s);
    expect(await db.spanCounts.get(['omar', doc.id])).toMatchObject({
      counts: { 'pro-withdrawal': 3 },
    });
    // Nothing is left to read: the checkpoint is the copy's sequence.
    deliveries.close();
    expect((await pullBatch(db, local, 'huda', deliveries)).read).toBe(0);
  });

  it('a colleague’s conflicting versions end as the copy’s winner, whichever came last', async () => {
    const { db, local, doc } = await setup();
    const deliveries = new Deliveries(local, 'huda');
    const first = spanOf(doc.id, 0, 3, 'pro-withdrawal');
    const sibling = { ...first, label: 'anti-withdrawal' };
    // The winning version (higher revision hash) arrives first, a losing
    // sibling from the colleague's other machine in a later batch.
    await replicate(local, deliveries, [
      { _id: articleDocId(doc.id), ...rev(1, 'a1'), ...documentToBody(doc) },
      spanDoc(first, 'ff'),
    ]);
    await pullBatch(db, local, 'huda', deliveries);
    await replicate(local, deliveries, [spanDoc(sibling, '11')]);
    const r = await pullBatch(db, local, 'huda', deliveries);
    expect(r.read).toBe(1);
    expect((await local.get(spanDocId('omar', first.id), { conflicts: true }))._conflicts).toEqual([
      `1-${'11'.padEnd(32, '0')}`,
    ]);
    expect(await db.spans.get(first.id)).toMatchObject({ label: 'pro-withdrawal' });
  });

  it('an article is applied as it came; a later version of it is read with its conflict', async () => {
    const { db, local, doc } = await setup();
    const deliveries = new Deliveries(local, 'huda');
    const read = vi.spyOn(local, 'allDocs');
    const body = documentToBody(doc);
    await replicate(local, deliveries, [
      { _id: articleDocId(doc.id), ...rev(1, 'aa'), ...body },
      spanDoc(spanOf(doc.id, 0, 3), 'b1'),
    ]);
    await pullBatch(db, local, 'huda', deliveries);
    expect(read).not.toHaveBeenCalled();
    expect(await db.documents.get(doc.id)).toMatchObject({ text: TEXT, title: doc.title });
    // A colleague imported the same text with another title: a sibling
    // version, which wins (higher revision hash). It is read from the copy.
    await replicate(local, deliveries, [
      { _id: articleDocId(doc.id), ...rev(1, 'ff'), ...body, title: 'عنوان آخر' },
    ]);
    const r = await pullBatch(db, local, 'huda', deliveries);
    expect(read).toHaveBeenCalledTimes(1);
    expect(r.conflicted.map((c) => c.id)).toEqual([articleDocId(doc.id)]);
    expect(await db.documents.get(doc.id)).toMatchObject({ text: TEXT, title: 'عنوان آخر' });
  });

  it('a write into the copy between two batches: the feed is read and nothing is lost', async () => {
    const { db, local, doc } = await setup();
    const deliveries = new Deliveries(local, 'huda');
    const spans = [spanOf(doc.id, 0, 3), spanOf(doc.id, 4, 8), spanOf(doc.id, 9, 17)];
    await replicate(local, deliveries, [
      { _id: articleDocId(doc.id), ...rev(1, 'a1'), ...documentToBody(doc) },
      spanDoc(spans[0]!, 'b1'),
    ]);
    // The pusher writes this analyst's name between two batches.
    await local.put({ _id: annotatorDocId('huda'), name: 'هدى' });
    await replicate(local, deliveries, [spanDoc(spans[1]!, 'b2'), spanDoc(spans[2]!, 'b3')]);
    const feed = vi.spyOn(local, 'changes');

    const a = await pullBatch(db, local, 'huda', deliveries);
    expect(a.read).toBe(2);
    expect(feed).not.toHaveBeenCalled();
    const b = await pullBatch(db, local, 'huda', deliveries);
    expect(feed).toHaveBeenCalledTimes(1);
    expect(b.read).toBe(3);
    for (const s of spans) expect(await db.spans.get(s.id)).toEqual(s);
    expect(await db.annotators.get('huda')).toMatchObject({ name: 'هدى' });
    // Later batches continue from the feed's end.
    const later = spanOf(doc.id, 18, 22);
    await replicate(local, deliveries, [spanDoc(later, 'b4')]);
    expect((await pullBatch(db, local, 'huda', deliveries)).read).toBe(1);
    expect(feed).toHaveBeenCalledTimes(1);
    expect(await db.spans.get(later.id)).toEqual(later);
  });

  it('a copy that is not empty at the start is read from its feed only', async () => {
    const { db, local, doc } = await setup();
    await local.put({ _id: annotatorDocId('huda'), name: 'هدى' });
    const deliveries = new Deliveries(local, 'huda');
    const span = spanOf(doc.id, 0, 3);
    await replicate(local, deliveries, [
      { _id: articleDocId(doc.id), ...rev(1, 'a1'), ...documentToBody(doc) },
      spanDoc(span, 'b1'),
    ]);
    expect(deliveries.active).toBe(false);
    const feed = vi.spyOn(local, 'changes');
    expect((await pullBatch(db, local, 'huda', deliveries)).read).toBe(3);
    expect(feed).toHaveBeenCalledTimes(1);
    expect(await db.spans.get(span.id)).toEqual(span);
  });
});
