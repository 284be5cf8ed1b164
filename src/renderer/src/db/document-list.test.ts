// The document list kept between starts, on real IndexedDB in real
// Chromium: kept from the database, it reads back as the same rows the
// three live reads give (titles, untitled leads, missing outlets and
// dates, statuses, span counts), and as current until something it comes
// from changes; after a span or status is written it reads back as not
// current, and keeping it again brings the change. A damaged kept value is
// not taken for a list.
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import type { AnnotatorRecord } from '@core/model.ts';
import {
  decodeRows,
  documentListKey,
  encodeRows,
  keepDocumentList,
  readDocMeta,
  readKeptDocumentList,
  readSpanCounts,
  readStatuses,
  toRows,
  type DocumentRow,
} from './document-list.ts';
import { createProfile } from './profile.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import { makeSpan } from './spans.ts';
import { storeDocuments } from './store-documents.ts';
import { putStatus } from './statuses.ts';

const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function setUp(): Promise<{ db: WorkbenchDb; self: AnnotatorRecord; ids: string[] }> {
  const db = createDb(`doc-list-${crypto.randomUUID()}`);
  await db.open();
  opened.push(db);
  const self = await createProfile(db, 'Laila');
  const docs = await Promise.all([
    buildDocumentRecord({
      text: 'قال الوزير إن المفاوضات مستمرة.',
      title: 'المفاوضات',
      outlet: 'الجزيرة',
      date: '2024-03-01',
      file: 'a.txt',
      importedAt: 1,
    }),
    // No title, outlet or date: the list shows its opening words.
    buildDocumentRecord({ text: 'رفضت الحكومة الاقتراح بشدة.', file: 'b.txt', importedAt: 2 }),
    buildDocumentRecord({
      text: 'أعلنت الشركة أرباحها.',
      title: 'الأرباح',
      file: 'c.txt',
      importedAt: 3,
    }),
  ]);
  await storeDocuments(db, docs);
  return { db, self, ids: docs.map((d) => d.id) };
}

async function liveRows(db: WorkbenchDb, annotatorId: string): Promise<DocumentRow[]> {
  const [docs, statuses, spans] = await Promise.all([
    readDocMeta(db),
    readStatuses(db, annotatorId),
    readSpanCounts(db, annotatorId),
  ]);
  return toRows(docs, statuses, spans);
}

function addSpan(db: WorkbenchDb, docId: string, annotatorId: string, label: string) {
  return db.spans.add(makeSpan({ docId, annotatorId, label, start: 0, end: 3, quote: 'قال' }));
}

describe('the kept document list', () => {
  it('reads back as the rows the database holds, current until a change', async () => {
    const { db, self, ids } = await setUp();
    await addSpan(db, ids[0]!, self.id, 'support');
    await addSpan(db, ids[0]!, self.id, 'support');
    await putStatus(db, {
      docId: ids[2]!,
      annotatorId: self.id,
      status: 'done',
      docStance: null,
      updatedAt: 1,
    });
    expect(await readKeptDocumentList(db, self.id)).toBeNull();

    expect(await keepDocumentList(db, self.id)).toBe(true);
    const kept = await readKeptDocumentList(db, self.id);
    const live = await liveRows(db, self.id);
    expect(kept?.current).toBe(true);
    expect(kept?.rows).toEqual(live);
    expect(kept?.rows.map((r) => [r.title, r.status, r.spanTotal])).toEqual([
      ['المفاوضات', 'in-progress', 2],
      ['', 'not-started', 0],
      ['الأرباح', 'done', 0],
    ]);
    expect(kept?.rows[1]).toMatchObject({ lead: 'رفضت الحكومة الاقتراح بشدة.', outlet: null });
    // Nothing changed: nothing is kept again.
    expect(await keepDocumentList(db, self.id)).toBe(false);
  });

  it('reads back as not current after a span or a status is written, and is kept again', async () => {
    const { db, self, ids } = await setUp();
    await keepDocumentList(db, self.id);

    await addSpan(db, ids[1]!, self.id, 'oppose');
    expect((await readKeptDocumentList(db, self.id))?.current).toBe(false);
    expect(await keepDocumentList(db, self.id)).toBe(true);
    const after = await readKeptDocumentList(db, self.id);
    expect(after?.current).toBe(true);
    expect(after?.rows[1]).toMatchObject({ status: 'in-progress', spanTotal: 1 });
    expect(after?.rows[1]?.counts).toEqual({ oppose: 1 });

    await putStatus(db, {
      docId: ids[1]!,
      annotatorId: self.id,
      status: 'done',
      docStance: null,
      updatedAt: 2,
    });
    expect((await readKeptDocumentList(db, self.id))?.current).toBe(false);
  });

  it('keeps each analyst their own counts', async () => {
    const { db, self, ids } = await setUp();
    await addSpan(db, ids[0]!, 'omar', 'support');
    await keepDocumentList(db, self.id);
    await keepDocumentList(db, 'omar');
    expect((await readKeptDocumentList(db, self.id))?.rows[0]?.spanTotal).toBe(0);
    expect((await readKeptDocumentList(db, 'omar'))?.rows[0]?.spanTotal).toBe(1);
  });

  it('does not take a damaged or older kept value for a list', async () => {
    const { db, self } = await setUp();
    await keepDocumentList(db, self.id);
    const row = await db.viewCache.get(documentListKey(self.id));
    const value = row!.value as ReturnType<typeof encodeRows>;
    for (const bad of [
      { ...value, format: 'doc-list/0' },
      { ...value, titles: value.titles.slice(1) },
      { ...value, statuses: value.statuses.map(() => 7) },
      { ...value, counts: value.counts.map(() => ({ support: -1 })) },
      'not a list',
    ]) {
      await db.viewCache.put({ ...row!, value: bad });
      expect(await readKeptDocumentList(db, self.id)).toBeNull();
    }
    expect(decodeRows(encodeRows([]))).toEqual([]);
  });
});
