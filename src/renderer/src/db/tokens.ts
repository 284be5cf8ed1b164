/**
 * A document's tokens, for everything in the app that needs them: snapping
 * a selection and resizing a span by words in the reading pane, export, and
 * review. They are the tokens stored with the document (the docTokens
 * table, written when the document was stored), unpacked; the text is
 * tokenized only where none are stored or they came from another tokenizer
 * version. Either way they are exactly `tokenize(text)`.
 */
import type { PackedTokens } from '@core/token-pack.ts';
import { storedOrTokenized } from '@core/token-cache.ts';
import type { Token } from '@core/tokenize.ts';
import type { WorkbenchDb } from './schema.ts';

/**
 * Reads the tokens stored with documents: one entry per id, in order,
 * undefined where none are stored.
 */
export type StoredTokensLookup = (docIds: string[]) => Promise<(PackedTokens | undefined)[]>;

/** The packed tokens stored with `db`'s documents (for readers that unpack lazily, like export). */
export function storedTokensIn(db: WorkbenchDb): StoredTokensLookup {
  return (ids) => db.docTokens.bulkGet(ids);
}

/**
 * The tokens of document `docId`, whose text is `text` when the caller has
 * it already (else it is read). Undefined when there is no such document.
 */
export async function tokensFor(
  db: WorkbenchDb,
  docId: string,
  text?: string,
): Promise<Token[] | undefined> {
  const [stored, body] = await Promise.all([
    db.docTokens.get(docId),
    text ?? db.documents.get(docId).then((d) => d?.text),
  ]);
  return body === undefined ? undefined : storedOrTokenized(body, stored);
}

/**
 * Document `docId`'s tokens as a function that unpacks them (or tokenizes
 * `text`) on its first call only: the stored row is read now, alongside
 * the document, and the work of unpacking waits until tokens are needed
 * (the reading pane's first selection), off the path to the first paint.
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

/** The tokens of many documents, in order, with one read of their stored tokens. */
export async function tokensForDocs(
  db: WorkbenchDb,
  docs: readonly { id: string; text: string }[],
): Promise<Token[][]> {
  const stored = await db.docTokens.bulkGet(docs.map((d) => d.id));
  return docs.map((d, i) => storedOrTokenized(d.text, stored[i]));
}
