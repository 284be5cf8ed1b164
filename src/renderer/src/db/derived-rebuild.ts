/**
 * Recomputes the derived tables (see derived.ts) from documents and spans,
 * table by table, within the caller's transaction: for the version-3
 * upgrade, and for the start-up check when the marker says the rows follow
 * another version (derived-check.ts). Works on tables by name, so the
 * schema module can use it without an import cycle.
 */
import type { Table } from 'dexie';
import type { DocumentRecord, SpanRecord } from '@core/model.ts';
import { CountDeltas, docMetaOf, docTokensOf, type SpanCountRecord } from './derived.ts';
import { factOf, packFacts, type SpanFact } from './span-facts.ts';

/** Documents read at once while rebuilding. */
export const REBUILD_CHUNK = 200;

/** The transaction's table of that name. */
export type TableOf = (name: string) => Table;

/** Refills docMeta from the documents, within the caller's transaction. */
export async function rebuildDocMeta(table: TableOf): Promise<void> {
  await table('docMeta').clear();
  const ids = (await table('documents').toCollection().primaryKeys()) as string[];
  for (let i = 0; i < ids.length; i += REBUILD_CHUNK) {
    const docs = (await table('documents').bulkGet(
      ids.slice(i, i + REBUILD_CHUNK),
    )) as DocumentRecord[];
    await table('docMeta').bulkPut(docs.map(docMetaOf));
  }
}

/** Repacks the tokens of `ids` (all documents when omitted), within the caller's transaction. */
export async function rebuildDocTokens(table: TableOf, ids?: string[]): Promise<void> {
  if (!ids) {
    await table('docTokens').clear();
    ids = (await table('documents').toCollection().primaryKeys()) as string[];
  }
  for (let i = 0; i < ids.length; i += REBUILD_CHUNK) {
    const docs = (await table('documents').bulkGet(ids.slice(i, i + REBUILD_CHUNK))) as (
      DocumentRecord | undefined
    )[];
    await table('docTokens').bulkPut(docs.filter((d) => d !== undefined).map(docTokensOf));
  }
}

/** Recounts spanCounts from the spans, within the caller's transaction. */
export async function rebuildSpanCounts(table: TableOf): Promise<void> {
  await table('spanCounts').clear();
  const deltas = new CountDeltas();
  await table('spans').each((s: SpanRecord) => deltas.add(s, +1));
  const rows = deltas.merged([]).filter((r): r is SpanCountRecord => r !== null);
  await table('spanCounts').bulkPut(rows);
}

/** Refills spanFacts from the spans, within the caller's transaction (one row per document). */
export async function rebuildSpanFacts(table: TableOf): Promise<void> {
  await table('spanFacts').clear();
  const byDoc = new Map<string, SpanFact[]>();
  await table('spans').each((s: SpanRecord) => {
    let list = byDoc.get(s.docId);
    if (!list) byDoc.set(s.docId, (list = []));
    list.push(factOf(s));
  });
  await table('spanFacts').bulkPut([...byDoc].map(([docId, facts]) => packFacts(docId, facts)));
}

/**
 * Refills docMeta, docTokens and spanCounts from the documents and spans
 * tables, within the caller's read-write (or upgrade) transaction: version
 * 3's upgrade. (Version 10's upgrade fills spanFacts, which 3 has not.)
 */
export async function rebuildDerived(table: TableOf): Promise<void> {
  await rebuildDocMeta(table);
  await rebuildDocTokens(table);
  await rebuildSpanCounts(table);
}
