// The derived tables on real IndexedDB in Chromium: after any mix of span
// writes through any Dexie API and of documents stored and deleted, they
// equal what is recomputed from the source tables; the start-up check
// rebuilds them only when the marker names another version.
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { ATTRIBUTION_KINDS, type DocumentRecord, type SpanRecord } from '@core/model.ts';
import { buildDocumentRecord } from '@core/document.ts';
import { TOKENIZER_VERSION, unpackTokens } from '@core/token-pack.ts';
import { tokenize } from '@core/tokenize.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import { CountDeltas, docMetaOf, type SpanCountRecord } from './derived.ts';
import { currentDerivedMarker, ensureDerived } from './derived-check.ts';
import { deleteDocuments, storeDocuments } from './store-documents.ts';
import { storedTokensIn } from './tokens.ts';
import {
  factOf,
  packFacts,
  unpackFacts,
  type SpanFact,
  type SpanFactsRecord,
} from './span-facts.ts';
import { backupText, restoreBackup } from './backup.ts';
import { BackupReader } from '@core/formats/backup.ts';
import { splitJsonl } from '@core/jsonl.ts';
import { testSpan } from '../test/db.ts';

let db: WorkbenchDb | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
  db = null;
});

// Label keys come from files: `constructor` and `__proto__` must count too.
const LABELS = ['pro-withdrawal', 'pro-coalition', 'constructor', '__proto__'];
const span = (id: number, annotatorId: string, docId: string, label: string): SpanRecord =>
  testSpan(`s${id}`, { annotatorId, docId, label });

/** The counts recomputed from the spans table. */
async function expectedCounts(d: WorkbenchDb): Promise<SpanCountRecord[]> {
  const deltas = new CountDeltas();
  for (const s of await d.spans.toArray()) deltas.add(s, +1);
  return deltas
    .merged([])
    .filter((r) => r !== null)
    .sort((a, b) => (a.annotatorId + a.docId).localeCompare(b.annotatorId + b.docId));
}
/** The span facts recomputed from the spans table: one row per document, sorted by span id. */
async function expectedFacts(d: WorkbenchDb): Promise<SpanFactsRecord[]> {
  const byDoc = new Map<string, SpanFact[]>();
  for (const s of await d.spans.toArray()) {
    const list = byDoc.get(s.docId) ?? [];
    list.push(factOf(s));
    byDoc.set(s.docId, list);
  }
  return [...byDoc.keys()].sort().map((docId) => packFacts(docId, byDoc.get(docId)!));
}
async function storedFacts(d: WorkbenchDb): Promise<SpanFactsRecord[]> {
  return d.spanFacts.orderBy(':id').toArray();
}
async function storedCounts(d: WorkbenchDb): Promise<SpanCountRecord[]> {
  const rows = await d.spanCounts.toArray();
  return rows.sort((a, b) => (a.annotatorId + a.docId).localeCompare(b.annotatorId + b.docId));
}

const arbSpan = fc
  .record({
    id: fc.integer({ min: 0, max: 12 }),
    a: fc.constantFrom('laila', 'karwan'),
    d: fc.constantFrom('d1', 'd2', 'd3'),
    l: fc.constantFrom(...LABELS),
    // What the span facts carry besides: extent, holder, actor, target, attribution.
    at: fc.integer({ min: 0, max: 4 }),
    holder: fc.option(fc.constantFrom('الكاظمي', 'بايدن'), { nil: null }),
    actor: fc.option(fc.constantFrom('a1', 'a2'), { nil: undefined }),
    target: fc.option(fc.constantFrom('القوات'), { nil: undefined }),
    how: fc.option(fc.constantFrom(...ATTRIBUTION_KINDS), { nil: undefined }),
  })
  .map(({ id, a, d, l, at, holder, actor, target, how }) => ({
    ...span(id, a, d, l),
    start: at,
    end: at + 3,
    holder,
    ...(actor !== undefined && { holderActorId: actor }),
    ...(target !== undefined && { target }),
    ...(how !== undefined && { attribution: how }),
  }));

type Op = (d: WorkbenchDb) => Promise<unknown>;
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  arbSpan.map((s) => (d: WorkbenchDb) => d.spans.put(s)),
  arbSpan.map((s) => (d: WorkbenchDb) => d.spans.add(s).catch(() => undefined)),
  fc.array(arbSpan, { maxLength: 6 }).map((ss) => (d: WorkbenchDb) => d.spans.bulkPut(ss)),
  // bulkAdd with keys already stored: some adds fail, the others land.
  fc
    .array(arbSpan, { maxLength: 6 })
    .map((ss) => (d: WorkbenchDb) => d.spans.bulkAdd(ss).catch(() => undefined)),
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom(...LABELS)).map(
    ([id, label]) =>
      (d: WorkbenchDb) =>
        d.spans.update(`s${id}`, { label }),
  ),
  fc.tuple(fc.constantFrom(...LABELS), fc.constantFrom(...LABELS)).map(
    ([from, to]) =>
      (d: WorkbenchDb) =>
        d.spans.filter((s) => s.label === from).modify({ label: to }),
  ),
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('a1', 'a2', null)).map(
    ([id, holderActorId]) =>
      (d: WorkbenchDb) =>
        d.spans.update(`s${id}`, { holderActorId }),
  ),
  // A span moved to another document.
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('d1', 'd2', 'd3')).map(
    ([id, docId]) =>
      (d: WorkbenchDb) =>
        d.spans.update(`s${id}`, { docId }),
  ),
  fc.integer({ min: 0, max: 12 }).map((id) => (d: WorkbenchDb) => d.spans.delete(`s${id}`)),
  fc
    .constantFrom('d1', 'd2', 'd3')
    .map((doc) => (d: WorkbenchDb) => d.spans.where('docId').equals(doc).delete()),
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })).map(
    ([a, b]) =>
      (d: WorkbenchDb) =>
        d.spans
          .where(':id')
          .between(`s${Math.min(a, b)}`, `s${Math.max(a, b)}`)
          .delete(),
  ),
  fc.constant((d: WorkbenchDb) => d.spans.clear()),
  // Writes not awaited one after another, inside one transaction.
  fc
    .array(arbSpan, { minLength: 2, maxLength: 4 })
    .map(
      (ss) => (d: WorkbenchDb) =>
        d.transaction('rw', d.spans, () =>
          Promise.all([
            d.spans.put(ss[0]!),
            d.spans.delete(ss[1]!.id),
            ...ss.slice(2).map((x) => d.spans.put(x)),
          ]),
        ),
    ),
  // A transaction that writes and then fails leaves the counts as they were.
  arbSpan.map(
    (s) => (d: WorkbenchDb) =>
      d
        .transaction('rw', d.spans, async () => {
          await d.spans.put(s);
          throw new Error('abort on purpose');
        })
        .catch(() => undefined),
  ),
);

function doc(n: number, text: string): Promise<DocumentRecord> {
  return buildDocumentRecord({
    text,
    title: `عنوان ${n}`,
    date: n % 2 ? '2021-07-26' : null,
    outlet: n % 3 ? 'rudaw' : null,
    importedAt: 1000 + n,
  });
}

/** The list rows and tokens recomputed from the documents table. */
async function expectDocumentRows(d: WorkbenchDb): Promise<void> {
  const docs = await d.documents.orderBy(':id').toArray();
  expect(await d.docMeta.orderBy(':id').toArray()).toEqual(docs.map(docMetaOf));
  expect(await d.docTokens.count()).toBe(docs.length);
  for (const doc of docs)
    expect(unpackTokens(doc.text, (await d.docTokens.get(doc.id))!)).toEqual(tokenize(doc.text));
}

const TEXTS = ['قمة مرتقبة بين بايدن والكاظمي.', 'انسحاب القوات 🇮🇶 من العراق', 'نص ثالث'];

describe('derived tables', () => {
  it('span counts and span facts equal a recount after any sequence of span writes', async () => {
    // Dexie's debug mode traces the bulkAdd failures the sequences provoke.
    vi.spyOn(console, 'trace').mockImplementation(() => undefined);
    await fc.assert(
      fc.asyncProperty(fc.array(arbOp, { minLength: 1, maxLength: 12 }), async (ops) => {
        await db?.delete();
        db = createDb(`t-${crypto.randomUUID()}`);
        for (const op of ops) await op(db);
        expect(await storedCounts(db)).toEqual(await expectedCounts(db));
        expect(await storedFacts(db)).toEqual(await expectedFacts(db));
      }),
      { numRuns: 40 },
    );
  });

  it('document rows and tokens are written once with each document, whatever is stored again', async () => {
    const docs = await Promise.all(TEXTS.map((t, i) => doc(i, t)));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.subarray(docs).map((ds) => ({ store: ds })),
            fc.subarray(docs).map((ds) => ({ drop: ds.map((x) => x.id) })),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async (ops) => {
          await db?.delete();
          db = createDb(`t-${crypto.randomUUID()}`);
          for (const op of ops) {
            if ('store' in op) {
              const before = new Set(await db.documents.toCollection().primaryKeys());
              const added = await storeDocuments(db, [...op.store, ...op.store]);
              // Each new document once; one already stored is left alone.
              expect([...added].sort()).toEqual(
                [...new Set(op.store.map((x) => x.id))].filter((id) => !before.has(id)).sort(),
              );
            } else await deleteDocuments(db, op.drop);
          }
          await expectDocumentRows(db);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('a backup restores the documents with their rows and the span counts', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    const docs = await Promise.all(TEXTS.map((t, i) => doc(i, t)));
    await storeDocuments(db, docs);
    // Export reads exactly these (and tokenizes only where none are stored).
    const lookedUp = await storedTokensIn(db)(docs.map((d) => d.id));
    expect(lookedUp.map((p, i) => unpackTokens(docs[i]!.text, p!))).toEqual(
      docs.map((d) => tokenize(d.text)),
    );
    await db.spans.bulkAdd([
      span(1, 'laila', docs[0]!.id, LABELS[0]!),
      span(2, 'laila', docs[0]!.id, LABELS[0]!),
    ]);
    await db.annotators.add({ id: 'laila', name: 'ليلى', kind: 'self', createdAt: 1 });
    const backup = await backupText(db);
    expect(backup).not.toMatch(/"(docMeta|docTokens|spanCounts|spanFacts|derivedTables)"/);
    await deleteDocuments(
      db,
      docs.map((d) => d.id),
    );
    await db.spans.clear();
    expect(await db.docMeta.count()).toBe(0);
    expect(await db.spanCounts.count()).toBe(0);
    expect(await db.spanFacts.count()).toBe(0);

    const reader = new BackupReader();
    for (const l of splitJsonl(backup)) reader.push(l);
    await restoreBackup(db, reader.finish());
    await expectDocumentRows(db);
    expect(await db.docMeta.count()).toBe(3);
    expect(await db.spanCounts.get(['laila', docs[0]!.id])).toEqual({
      annotatorId: 'laila',
      docId: docs[0]!.id,
      counts: { [LABELS[0]!]: 2 },
    });
    expect(await storedFacts(db)).toEqual(await expectedFacts(db));
    expect((await db.spanFacts.get(docs[0]!.id))!.id).toEqual(['s1', 's2']);
    expect((await db.settings.get('derivedTables'))?.value).toEqual(currentDerivedMarker());
  });
});

describe('derived tables stay in step', () => {
  it('counts writes that were not awaited one after another in one transaction', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    const d = db;
    await d.transaction('rw', d.spans, () =>
      Promise.all([
        d.spans.add(span(1, 'laila', 'd1', 'pro-withdrawal')),
        d.spans.add(span(2, 'laila', 'd1', 'pro-withdrawal')),
        d.spans.add(span(3, 'laila', 'd1', 'constructor')),
      ]),
    );
    expect((await d.spanCounts.get(['laila', 'd1']))?.counts).toEqual({
      'pro-withdrawal': 2,
      constructor: 1,
    });
  });

  it('a document whose tokens cannot be stored is not stored either', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    const good = await doc(1, 'قمة مرتقبة');
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'docTokens')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(storeDocuments(db, [good])).rejects.toThrow(/quota/);
    vi.restoreAllMocks();
    expect(await db.documents.count()).toBe(0);
    expect(await db.docMeta.count()).toBe(0);
  });
});

describe('the start-up check of the derived tables', () => {
  it('does nothing on a profile made by this build', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    await db.open();
    expect((await db.settings.get('derivedTables'))?.value).toEqual(currentDerivedMarker());
    expect(await ensureDerived(db)).toBe(false);
  });

  it('rebuilds every derived table once when the marker is missing, as after an upgrade', async () => {
    const name = `t-${crypto.randomUUID()}`;
    db = createDb(name);
    const kept = await doc(1, 'قمة مرتقبة بين بايدن والكاظمي.');
    await storeDocuments(db, [kept]);
    await db.spans.add(span(1, 'laila', kept.id, LABELS[0]!));
    db.close();

    // An older build's profile: rows it never made, and no marker.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const added = await doc(2, 'انسحاب القوات من العراق');
    const tx = raw.transaction(['documents', 'spans', 'settings'], 'readwrite');
    tx.objectStore('documents').put(added);
    tx.objectStore('spans').put(span(2, 'laila', added.id, LABELS[1]!));
    tx.objectStore('settings').delete('derivedTables');
    await new Promise((resolve) => (tx.oncomplete = resolve));
    raw.close();

    await db.open();
    expect(await ensureDerived(db)).toBe(true);
    await expectDocumentRows(db);
    expect(await storedCounts(db)).toEqual(await expectedCounts(db));
    expect(await storedFacts(db)).toEqual(await expectedFacts(db));
    expect(unpackFacts((await db.spanFacts.get(added.id))!).map((f) => f.label)).toEqual([
      LABELS[1],
    ]);
    expect(await ensureDerived(db)).toBe(false);
  });

  it('repacks tokens when the marker names another tokenizer', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    const kept = await doc(1, 'قمة مرتقبة بين بايدن والكاظمي.');
    await storeDocuments(db, [kept]);
    const stale = (await db.docTokens.get(kept.id))!;
    await db.docTokens.put({ ...stale, version: TOKENIZER_VERSION - 1 });
    await db.settings.put({
      key: 'derivedTables',
      value: { ...currentDerivedMarker(), tokenizer: TOKENIZER_VERSION - 1 },
    });
    expect(await ensureDerived(db)).toBe(true);
    expect((await db.docTokens.get(kept.id))!.version).toBe(TOKENIZER_VERSION);
    await expectDocumentRows(db);
  });
});
