/**
 * The one way documents enter the store: the sample corpus, file import,
 * dataset import and restore all call storeDocuments. Documents never
 * change (the id is the SHA-256 of the text), so each is written once,
 * with its list row and its packed tokens (derived.ts), in one
 * transaction; a document already stored is left as it is. Nothing is read
 * before writing: an add of a stored id fails on its own and is skipped,
 * so the cost per document does not depend on how many are stored.
 */
import Dexie, { type Table } from 'dexie';
import type { DocumentRecord } from '@core/model.ts';
import { docMetaOf, docTokensOf } from './derived.ts';
import type { WorkbenchDb } from './schema.ts';

/** Documents per transaction when many are stored (file import, benchmarks). */
export const STORE_BATCH = 250;

/** The tables storeDocuments writes: a caller's transaction must include them. */
export function documentTables(db: WorkbenchDb): Table[] {
  return [db.documents, db.docMeta, db.docTokens];
}

/**
 * Stores the documents of `docs` that are not stored yet, with their list
 * rows and tokens, in the caller's transaction (which must include
 * `documentTables(db)`) or in one of its own. Resolves to the ids added;
 * a document whose id is already stored (or repeated in `docs`) is not.
 */
export async function storeDocuments(
  db: WorkbenchDb,
  docs: readonly DocumentRecord[],
): Promise<Set<string>> {
  if (docs.length === 0) return new Set();
  // Pure work first, so the transaction only writes.
  const meta = docs.map(docMetaOf);
  const tokens = docs.map(docTokensOf);
  return db.transaction('rw', documentTables(db), async () => {
    // Dexie's core add reports each failed add instead of throwing (and
    // tracing) a BulkError for the expected case of a document stored before.
    const res = await db.documents.core.mutate({
      trans: Dexie.currentTransaction.idbtrans,
      type: 'add',
      values: docs,
    });
    const skipped = new Set<number>();
    for (const [pos, failure] of Object.entries(res.failures)) {
      // Only "already stored" is expected; anything else fails the write.
      if (failure.name !== 'ConstraintError') throw failure;
      skipped.add(Number(pos));
    }
    const added = (_: unknown, i: number): boolean => !skipped.has(i);
    await db.docMeta.bulkPut(meta.filter(added));
    await db.docTokens.bulkPut(tokens.filter(added));
    return new Set(docs.filter(added).map((d) => d.id));
  });
}

/**
 * Deletes documents and their derived rows, in the caller's transaction
 * (which must include `documentTables(db)`) or in one of its own.
 */
export async function deleteDocuments(db: WorkbenchDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', documentTables(db), async () => {
    await db.documents.bulkDelete(ids as string[]);
    await db.docMeta.bulkDelete(ids as string[]);
    await db.docTokens.bulkDelete(ids as string[]);
  });
}
