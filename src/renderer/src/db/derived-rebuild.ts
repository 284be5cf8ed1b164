/**
 * Recomputes the derived tables (see derived.ts) from documents and spans:
 * by the version-3 upgrade, and at start when a cheap check finds them out
 * of step with their sources (something wrote IndexedDB without the app's
 * middleware, e.g. a tool or a test working on the raw database, or tokens
 * were packed by an older tokenizer). Only the parts found wrong are rebuilt.
 */
import type { Table } from 'dexie';
import type { DocumentRecord, SpanRecord } from '@core/model.ts';
import { TOKENIZER_VERSION } from '@core/token-pack.ts';
import { CountDeltas, docMetaOf, docTokensOf, type SpanCountRecord } from './derived.ts';
import type { WorkbenchDb } from './schema.ts';

/** Documents read at once while rebuilding. */
const CHUNK = 200;

type TableOf = (name: string) => Table;

/** Refills docMeta from the documents, within the caller's transaction. */
async function rebuildDocMeta(table: TableOf): Promise<void> {
  await table('docMeta').clear();
  const ids = (await table('documents').toCollection().primaryKeys()) as string[];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const docs = (await table('documents').bulkGet(ids.slice(i, i + CHUNK))) as DocumentRecord[];
    await table('docMeta').bulkPut(docs.map(docMetaOf));
  }
}

/** Repacks the tokens of `ids` (all documents when omitted), within the caller's transaction. */
async function rebuildDocTokens(table: TableOf, ids?: string[]): Promise<void> {
  if (!ids) {
    await table('docTokens').clear();
    ids = (await table('documents').toCollection().primaryKeys()) as string[];
  }
  for (let i = 0; i < ids.length; i += CHUNK) {
    const docs = (await table('documents').bulkGet(ids.slice(i, i + CHUNK))) as (
      DocumentRecord | undefined
    )[];
    await table('docTokens').bulkPut(docs.filter((d) => d !== undefined).map(docTokensOf));
  }
}

/** Recounts spanCounts from the spans, within the caller's transaction. */
async function rebuildSpanCounts(table: TableOf): Promise<void> {
  await table('spanCounts').clear();
  const deltas = new CountDeltas();
  await table('spans').each((s: SpanRecord) => deltas.add(s, +1));
  const rows = deltas.merged([]).filter((r): r is SpanCountRecord => r !== null);
  await table('spanCounts').bulkPut(rows);
}

/**
 * Refills docMeta, docTokens and spanCounts from the documents and spans
 * tables, within the caller's read-write (or upgrade) transaction.
 */
export async function rebuildDerived(table: TableOf): Promise<void> {
  await rebuildDocMeta(table);
  await rebuildDocTokens(table);
  await rebuildSpanCounts(table);
}

/**
 * Checks that the derived tables hold one row per document, tokens of the
 * current tokenizer, and as many counted spans as there are spans; rebuilds
 * the parts that are not. Tokens, the slow part, are repacked in small
 * transactions so annotation never waits long (readers tokenize where a
 * document's tokens are missing or stale). Returns true when it rebuilt.
 */
export async function healDerived(db: WorkbenchDb): Promise<boolean> {
  const tables = [db.documents, db.docMeta, db.docTokens, db.spans, db.spanCounts];
  const state = await db.transaction('r', tables, async () => {
    const [docs, meta, tokenKeys, spans, counts, someTokens] = await Promise.all([
      db.documents.toCollection().primaryKeys(),
      db.docMeta.toCollection().primaryKeys(),
      db.docTokens.toCollection().primaryKeys(),
      db.spans.count(),
      db.spanCounts.toArray(),
      db.docTokens.toCollection().first(),
    ]);
    const counted = counts.reduce(
      (n, r) => n + Object.values(r.counts).reduce((a, b) => a + b, 0),
      0,
    );
    const sameKeys = (a: readonly string[]): boolean =>
      a.length === docs.length && a.every((id, i) => id === docs[i]);
    return {
      docs,
      metaOk: sameKeys(meta),
      tokensOk:
        sameKeys(tokenKeys) &&
        (someTokens === undefined || someTokens.version === TOKENIZER_VERSION),
      countsOk: counted === spans,
    };
  });
  if (state.metaOk && state.tokensOk && state.countsOk) return false;
  console.warn('The derived tables were out of step with documents and spans: rebuilding them.');
  const table = (name: string): Table => db.table(name);
  if (!state.metaOk)
    await db.transaction('rw', [db.documents, db.docMeta], () => rebuildDocMeta(table));
  if (!state.countsOk)
    await db.transaction('rw', [db.spans, db.spanCounts], () => rebuildSpanCounts(table));
  if (!state.tokensOk) {
    await db.transaction('rw', db.docTokens, () => db.docTokens.clear());
    for (let i = 0; i < state.docs.length; i += CHUNK) {
      const ids = state.docs.slice(i, i + CHUNK);
      await db.transaction('rw', [db.documents, db.docTokens], () => rebuildDocTokens(table, ids));
    }
  }
  return true;
}
