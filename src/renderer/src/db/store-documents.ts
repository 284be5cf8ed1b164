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

/** How storeDocuments stores. */
export interface StoreOptions {
  /**
   * False: the tokens are left for later (db/token-backfill.ts fills them
   * at a quiet moment; readers tokenize a document without them). A team
   * project's first sync stores thousands of articles on the path the
   * analyst waits on; their tokens are a cache, not data.
   */
  tokens?: boolean;
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
  opts: StoreOptions = {},
): Promise<Set<string>> {
  if (docs.length === 0) return new Set();
  // Pure work first, so the transaction only writes.
  const meta = docs.map(docMetaOf);
  const tokens = opts.tokens === false ? [] : docs.map(docTokensOf);
  return db.transaction('rw', documentTables(db), async () => {
    const trans = Dexie.currentTransaction.idbtrans;
    // The three writes are issued at once (IndexedDB runs them in order,
    // with no round trip between them). Documents and list rows are adds:
    // a document stored before keeps its record and its row. Its tokens are
    // the same for the same text, so they are simply put. Dexie's core API
    // reports each failed add instead of throwing (and tracing) a BulkError
    // for this expected case.
    const [docRes, metaRes, tokenRes] = await Promise.all([
      db.documents.core.mutate({ trans, type: 'add', values: docs }),
      db.docMeta.core.mutate({ trans, type: 'add', values: meta }),
      tokens.length > 0
        ? db.docTokens.core.mutate({ trans, type: 'put', values: tokens })
        : { numFailures: 0, failures: {} },
    ]);
    const skipped = alreadyStored(docRes.failures);
    const rowThere = alreadyStored(metaRes.failures);
    const tokenFailure = Object.values(tokenRes.failures)[0];
    if (tokenFailure) throw tokenFailure;
    // A new document whose list row was somehow there gets its own.
    const stale = meta.filter((_, i) => !skipped.has(i) && rowThere.has(i));
    if (stale.length > 0) await db.docMeta.bulkPut(stale);
    return new Set(docs.filter((_, i) => !skipped.has(i)).map((d) => d.id));
  });
}

/**
 * Replaces the list fields (title, date, outlet) of documents already
 * stored, with their list rows, in the caller's transaction (which must
 * include `documentTables(db)`). The text, and so the id and the tokens,
 * stay: a team project's version of an article's details wins over the
 * one imported locally (sync/apply.ts).
 */
export async function replaceDocumentDetails(
  db: WorkbenchDb,
  docs: readonly DocumentRecord[],
): Promise<void> {
  if (docs.length === 0) return;
  await db.transaction('rw', documentTables(db), async () => {
    await db.documents.bulkPut(docs as DocumentRecord[]);
    await db.docMeta.bulkPut(docs.map(docMetaOf));
  });
}

/**
 * The positions of adds that failed because the key was stored already;
 * any other failure is thrown (it aborts the transaction).
 */
function alreadyStored(failures: Record<number, Error>): Set<number> {
  const out = new Set<number>();
  for (const [pos, failure] of Object.entries(failures)) {
    if (failure.name !== 'ConstraintError') throw failure;
    out.add(Number(pos));
  }
  return out;
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
