/**
 * Article import scaling page: stores N generated articles into a fresh
 * on-disk database through the workbench data layer (storeDocuments, the
 * one path every import takes) and, side by side, through raw IndexedDB
 * into identically indexed stores with the same durability, batch by batch,
 * timing each batch so the cost per document can be followed as the table
 * grows. bench/sections/articles.ts calls `window.articlesBench`.
 */
import Dexie from 'dexie';
import { buildDocumentRecord } from '@core/document.ts';
import type { DocumentRecord } from '@core/model.ts';
import { packedTokensOf } from '@core/token-pack.ts';
import { createDb } from '../../src/renderer/src/db/schema.ts';
import { docMetaOf } from '../../src/renderer/src/db/derived.ts';
import { storeDocuments } from '../../src/renderer/src/db/store-documents.ts';
import { generateArticle } from '../lib/corpus.ts';
import type { ArticleRun, BenchGlobals } from '../lib/page-api.ts';
import { mulberry32 } from '../lib/prng.ts';
import { vocabulary } from './bench-vocab.ts';

const OUTLETS = ['الشرق الأوسط', 'روداو', 'الجزيرة نت', 'العربي الجديد', 'شفق نيوز'];

/** Article `i` of the benchmark corpus: the same for every writer and run. */
async function article(i: number): Promise<DocumentRecord> {
  const rng = mulberry32(41_000 + i);
  const text = generateArticle(vocabulary, rng, rng.int(150, 450));
  return buildDocumentRecord({
    text,
    title: text.split(' ').slice(0, 8).join(' '),
    date: `2021-0${1 + (i % 9)}-1${i % 10}`,
    outlet: OUTLETS[i % OUTLETS.length]!,
    file: `article-${i}.txt`,
    importedAt: 1_700_000_000_000 + i,
  });
}

/** Articles [from, to), built (hashed) before any timing. */
function articles(from: number, to: number): Promise<DocumentRecord[]> {
  return Promise.all(Array.from({ length: to - from }, (_, k) => article(from + k)));
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`deleting ${name} failed`));
  });
}

/** Runs `write` over `count` articles in batches, timing each batch. */
async function timed(
  count: number,
  batch: number,
  write: (records: DocumentRecord[]) => Promise<void>,
): Promise<ArticleRun> {
  const batchMs: number[] = [];
  for (let from = 0; from < count; from += batch) {
    const records = await articles(from, Math.min(count, from + batch));
    const t0 = performance.now();
    await write(records);
    batchMs.push(performance.now() - t0);
  }
  return { ms: batchMs.reduce((a, b) => a + b, 0), batchMs };
}

/** `count` articles through the data layer, into a fresh database. */
async function dataLayer(count: number, batch: number): Promise<ArticleRun> {
  const name = `bench-articles-${crypto.randomUUID()}`;
  const db = createDb(name);
  await db.open();
  try {
    const run = await timed(count, batch, async (records) => {
      await storeDocuments(db, records);
    });
    const [docs, meta, tokens] = await Promise.all([
      db.documents.count(),
      db.docMeta.count(),
      db.docTokens.count(),
    ]);
    if (docs !== count || meta !== count || tokens !== count)
      throw new Error(
        `data layer stored ${docs} documents, ${meta} list rows, ${tokens} token rows`,
      );
    return run;
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

/**
 * Opens a raw database with the schema's stores for documents: `documents`
 * with its four indexes, and (unless `docsOnly`) `docMeta` with its index
 * and `docTokens`.
 */
function openRaw(name: string, docsOnly: boolean): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const docs = req.result.createObjectStore('documents', { keyPath: 'id' });
      for (const i of ['title', 'outlet', 'date', 'importedAt']) docs.createIndex(i, i);
      if (docsOnly) return;
      req.result
        .createObjectStore('docMeta', { keyPath: 'id' })
        .createIndex('importedAt', 'importedAt');
      req.result.createObjectStore('docTokens', { keyPath: 'docId' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`opening ${name} failed`));
  });
}

/**
 * `count` articles with raw IndexedDB adds, one strict transaction per
 * batch: the same three rows per article as the data layer (tokenizing
 * each text in the timed loop, as the data layer does), or, `docsOnly`,
 * the document records alone.
 */
async function raw(count: number, batch: number, docsOnly: boolean): Promise<ArticleRun> {
  const name = `bench-articles-raw-${crypto.randomUUID()}`;
  const idb = await openRaw(name, docsOnly);
  try {
    const stores = docsOnly ? ['documents'] : ['documents', 'docMeta', 'docTokens'];
    const run = await timed(count, batch, (records) => {
      return new Promise<void>((resolve, reject) => {
        const tx = idb.transaction(stores, 'readwrite', { durability: 'strict' });
        const docs = tx.objectStore('documents');
        for (const r of records) docs.add(r);
        if (!docsOnly) {
          const meta = tx.objectStore('docMeta');
          const tokens = tx.objectStore('docTokens');
          for (const r of records) {
            meta.add(docMetaOf(r));
            tokens.add({ docId: r.id, ...packedTokensOf(r.text) });
          }
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('raw add failed'));
        tx.onabort = () => reject(tx.error ?? new Error('raw add aborted'));
      });
    });
    const n = await new Promise<number>((resolve) => {
      const req = idb.transaction('documents').objectStore('documents').count();
      req.onsuccess = () => resolve(req.result);
    });
    if (n !== count) throw new Error(`raw stored ${n} documents`);
    return run;
  } finally {
    idb.close();
    await deleteDb(name);
  }
}

(window as unknown as BenchGlobals).articlesBench = {
  dataLayer,
  raw: (count, batch) => raw(count, batch, false),
  rawDocsOnly: (count, batch) => raw(count, batch, true),
};
