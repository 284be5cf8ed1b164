/**
 * Fills the tokens of documents stored without them. A team project's
 * first sync stores its articles without their tokens (store-documents.ts,
 * `tokens: false`) so that the analyst does not wait on a cache while
 * thousands of articles come in; readers tokenize a document whose tokens
 * are missing (tokens.ts, agreement's readTokens), and this fills the rows
 * afterwards, a small transaction at a time, so nothing else waits long.
 */
import { REBUILD_CHUNK, rebuildDocTokens } from './derived-rebuild.ts';
import type { WorkbenchDb } from './schema.ts';

/** Documents whose tokens one transaction fills. */
export const BACKFILL_CHUNK = REBUILD_CHUNK;

/**
 * The ids of `db`'s documents without a stored tokens row: two reads of
 * keys alone, no record read.
 */
export async function documentsWithoutTokens(db: WorkbenchDb): Promise<string[]> {
  return db.transaction('r', [db.documents, db.docTokens], async () => {
    const [docs, have] = await Promise.all([
      db.documents.toCollection().primaryKeys(),
      db.docTokens.toCollection().primaryKeys(),
    ]);
    const stored = new Set(have as string[]);
    return (docs as string[]).filter((id) => !stored.has(id));
  });
}

/** What one fill did. */
export interface FillResult {
  /** Documents whose tokens were stored. */
  filled: number;
  /** Documents still without them (the fill was asked to stop). */
  left: number;
}

/**
 * Stores the tokens of every document without them, BACKFILL_CHUNK
 * documents per transaction. `more` is asked before each chunk: false stops
 * (the caller has more urgent work; what is left is found again next time).
 */
export async function fillMissingTokens(
  db: WorkbenchDb,
  more: () => boolean = () => true,
): Promise<FillResult> {
  const ids = await documentsWithoutTokens(db);
  let filled = 0;
  for (let i = 0; i < ids.length && more(); i += BACKFILL_CHUNK) {
    const chunk = ids.slice(i, i + BACKFILL_CHUNK);
    await db.transaction('rw', [db.documents, db.docTokens], () =>
      rebuildDocTokens((name) => db.table(name), chunk),
    );
    filled += chunk.length;
  }
  return { filled, left: ids.length - filled };
}
