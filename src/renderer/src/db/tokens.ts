/**
 * A document's workbench tokens, from the one place that has them: the
 * tokens stored with it (the docTokens table, written when the document was
 * stored), unpacked; the text is tokenized only where none are stored or
 * they came from another tokenizer version (core's storedOrTokenized, the
 * rule export's storedTokenCache follows too). Either way they are exactly
 * `tokenize(text)`. Review and agreement read them with `tokensFor`, the
 * reading pane with `lazyTokensFor` (off the path to its first paint), and
 * export reads the stored rows with `storedTokensIn` and unpacks them one
 * document at a time.
 */
import { storedOrTokenized } from '@core/token-cache.ts';
import type { PackedTokens } from '@core/token-pack.ts';
import type { Token } from '@core/tokenize.ts';
import { db as appDb } from './db.ts';
import type { WorkbenchDb } from './schema.ts';

/** Documents never change (the id is the hash of the text): their tokens are kept for the session. */
const caches = new WeakMap<WorkbenchDb, Map<string, Token[]>>();
const CACHE_LIMIT = 200;

/** The workbench tokens of document `docId`; empty when there is no such document. */
export async function tokensFor(docId: string, db: WorkbenchDb = appDb): Promise<Token[]> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(docId);
  if (hit) return hit;
  const [doc, packed] = await Promise.all([db.documents.get(docId), db.docTokens.get(docId)]);
  if (!doc) return [];
  const tokens = storedOrTokenized(doc.text, packed);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(docId, tokens);
  return tokens;
}

/**
 * Document `docId`'s tokens as a function of its text that unpacks them (or
 * tokenizes) on its first call only: the stored row is read now, alongside
 * the document, and the unpacking waits until tokens are needed (the
 * reading pane's first selection).
 */
export async function lazyTokensFor(
  db: WorkbenchDb,
  docId: string,
): Promise<(text: string) => Token[]> {
  const stored = await db.docTokens.get(docId);
  let tokens: Token[] | null = null;
  let of: string | null = null;
  return (text) => {
    if (tokens === null || of !== text) {
      tokens = storedOrTokenized(text, stored);
      of = text;
    }
    return tokens;
  };
}

/**
 * Reads the tokens stored with documents: one entry per id, in order,
 * undefined where none are stored.
 */
export type StoredTokensLookup = (docIds: string[]) => Promise<(PackedTokens | undefined)[]>;

/** The packed tokens stored with `db`'s documents (export unpacks them one document at a time). */
export function storedTokensIn(db: WorkbenchDb): StoredTokensLookup {
  return (ids) => db.docTokens.bulkGet(ids);
}
