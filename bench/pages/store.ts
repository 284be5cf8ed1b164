/**
 * Store benchmark page: writes new spans into IndexedDB through the
 * workbench data layer (createDb, bulkAdd in chunks inside transactions, as
 * the dataset import adds new spans; strict durability) and, as the floor,
 * through raw IndexedDB batched puts into an identically indexed store with
 * the same durability; and loads one document's spans from a 500,000-span
 * database. bench/main.ts calls the functions on `window.storeBench`.
 */
import Dexie from 'dexie';
import type { SpanRecord } from '@core/model.ts';
import { createDb } from '../../src/renderer/src/db/schema.ts';
import { benchDocId, generateArticle, generateSpans, tokenizeByLine } from '../lib/corpus.ts';
import type { BenchGlobals } from '../lib/page-api.ts';
import { mulberry32 } from '../lib/prng.ts';
import { vocabulary } from './bench-vocab.ts';

/** Articles the span quotes are drawn from (documents reuse them). */
const POOL = 20;
const pool = Array.from({ length: POOL }, (_, i) => {
  const text = generateArticle(vocabulary, mulberry32(1000 + i), 1500);
  return { text, tokens: tokenizeByLine(text) };
});

/** `docs × annotators × perDoc` spans, deterministic for a seed. */
function makeSpans(
  seed: number,
  docs: number,
  annotators: number,
  perDoc: number,
  firstDoc = 0,
): SpanRecord[] {
  const rng = mulberry32(seed);
  const out: SpanRecord[] = [];
  for (let d = firstDoc; d < firstDoc + docs; d++) {
    const { text, tokens } = pool[d % POOL]!;
    for (let a = 0; a < annotators; a++) {
      const spans = generateSpans(
        text,
        rng,
        perDoc,
        { docId: benchDocId(d), annotatorId: `annotator-${a}`, idPrefix: `${d}-${a}` },
        tokens,
      );
      for (const s of spans) out.push(s);
    }
  }
  return out;
}

let cached: { key: string; spans: SpanRecord[] } | null = null;
function spansFor(count: number): SpanRecord[] {
  const key = String(count);
  if (cached?.key !== key) cached = { key, spans: makeSpans(7, count / 100, 1, 100) };
  return cached.spans;
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`deleting ${name} failed`));
  });
}

/** Writes `count` spans with the data layer; milliseconds of the writes. */
async function dexieWrite(count: number, chunk: number): Promise<number> {
  const spans = spansFor(count);
  const name = `bench-dexie-${crypto.randomUUID()}`;
  const db = createDb(name);
  await db.open();
  const t0 = performance.now();
  for (let i = 0; i < spans.length; i += chunk) {
    const part = spans.slice(i, i + chunk);
    await db.transaction('rw', db.spans, () => db.spans.bulkAdd(part));
  }
  const ms = performance.now() - t0;
  if ((await db.spans.count()) !== spans.length) throw new Error('dexie: span count differs');
  db.close();
  await Dexie.delete(name);
  return ms;
}

/**
 * Opens a raw database whose span store is indexed like the schema's, or,
 * `bare`, has no index at all.
 */
function openRaw(name: string, bare: boolean): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('spans', { keyPath: 'id' });
      if (bare) return;
      // The schema's (version 4) indexes of the spans table.
      store.createIndex('docId', 'docId');
      store.createIndex('[docId+annotatorId]', ['docId', 'annotatorId']);
      store.createIndex('label', 'label');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`opening ${name} failed`));
  });
}

/**
 * Writes `count` spans with raw batched puts; milliseconds of the writes.
 * `bare`: into a store without indexes, with relaxed durability, i.e. the
 * most IndexedDB can take on this machine.
 */
async function rawWrite(count: number, chunk: number, bare = false): Promise<number> {
  const spans = spansFor(count);
  const name = `bench-raw-${crypto.randomUUID()}`;
  const db = await openRaw(name, bare);
  const t0 = performance.now();
  for (let i = 0; i < spans.length; i += chunk) {
    const part = spans.slice(i, i + chunk);
    await new Promise<void>((resolve, reject) => {
      const durability = bare ? 'relaxed' : 'strict';
      const tx = db.transaction('spans', 'readwrite', { durability });
      const store = tx.objectStore('spans');
      for (const s of part) store.put(s);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('raw put failed'));
      tx.onabort = () => reject(tx.error ?? new Error('raw put aborted'));
    });
  }
  const ms = performance.now() - t0;
  const n = await new Promise<number>((resolve) => {
    const req = db.transaction('spans').objectStore('spans').count();
    req.onsuccess = () => resolve(req.result);
  });
  if (n !== spans.length) throw new Error('raw: span count differs');
  db.close();
  await deleteDb(name);
  return ms;
}

const BIG_DB = 'bench-500k';

/**
 * Fills a database with `docs × annotators × perDoc` spans through the
 * data layer, chunk by chunk so the page never holds them all.
 */
async function fillBig(docs: number, annotators: number, perDoc: number): Promise<number> {
  await Dexie.delete(BIG_DB);
  const db = createDb(BIG_DB);
  await db.open();
  const t0 = performance.now();
  const docsPerChunk = 20;
  for (let d = 0; d < docs; d += docsPerChunk) {
    const part = makeSpans(100 + d, docsPerChunk, annotators, perDoc, d);
    await db.transaction('rw', db.spans, () => db.spans.bulkAdd(part));
  }
  const ms = performance.now() - t0;
  const n = await db.spans.count();
  db.close();
  if (n !== docs * annotators * perDoc) throw new Error(`500k database holds ${n} spans`);
  return ms;
}

/**
 * Loads one document's spans of one annotator, the reading pane's query,
 * from a fresh connection to the big database: milliseconds per load.
 */
async function loadOne(docs: number, samples: number): Promise<{ ms: number[]; spans: number }> {
  const db = createDb(BIG_DB);
  await db.open();
  const rng = mulberry32(99);
  const ms: number[] = [];
  let spans = 0;
  for (let i = 0; i < samples; i++) {
    const docId = benchDocId(rng.int(0, docs - 1));
    const t0 = performance.now();
    const rows = await db.spans
      .where('[docId+annotatorId]')
      .equals([docId, 'annotator-0'])
      .toArray();
    ms.push(performance.now() - t0);
    spans = rows.length;
  }
  db.close();
  return { ms, spans };
}

(window as unknown as BenchGlobals).storeBench = {
  prepare: (count) => spansFor(count).length,
  dexieWrite,
  rawWrite,
  fillBig,
  loadOne,
  dropBig: () => Dexie.delete(BIG_DB),
};
