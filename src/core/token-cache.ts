/**
 * Where the exporters get a document's tokens: tokenized on the spot (the
 * CLI, which has nothing stored), or read back from the tokens stored with
 * the document (the app), falling back to tokenizing when none are stored
 * or they were packed by another tokenizer version. Either way the tokens
 * are exactly `tokenize(text)`, so the exported bytes do not depend on
 * which was used.
 */
import { unpackTokens, type PackedTokens } from './token-pack.ts';
import { tokenize, type Token } from './tokenize.ts';

/**
 * The tokens of a record's text (`docId` names its document when known).
 * Writers call it once per record, in record order, and write the returned
 * tokens as they are: they must be `tokenize(text)`'s plain
 * `{ text, start, end, id }` objects.
 */
export type TokenCache = (text: string, docId?: string) => Token[];

/**
 * A token cache that tokenizes, keeping the last text's tokens (the records
 * of one document's annotators come one after another).
 */
export function lastTextTokenCache(): TokenCache {
  let lastText: string | null = null;
  let last: Token[] = [];
  return (text) => {
    if (text !== lastText) {
      last = tokenize(text);
      lastText = text;
    }
    return last;
  };
}

/**
 * The tokens of `text` from the tokens stored with its document, unpacked;
 * tokenized instead when none are stored or they are refused (another
 * tokenizer version, or not fitting the text). Exactly `tokenize(text)`
 * either way: the one rule every reader of stored tokens follows.
 */
export function storedOrTokenized(text: string, stored: PackedTokens | undefined): Token[] {
  return (stored && unpackTokens(text, stored)) ?? tokenize(text);
}

/**
 * A token cache that reads each document's stored tokens through
 * `storedOf(docId)` and unpacks them; it tokenizes instead when the record
 * has no document id, nothing is stored for it, or the stored tokens are
 * refused (another tokenizer version, or not fitting the text). The last
 * document's tokens are kept, as in `lastTextTokenCache`.
 */
export function storedTokenCache(
  storedOf: (docId: string) => PackedTokens | undefined,
): TokenCache {
  let lastText: string | null = null;
  let lastDocId: string | undefined;
  let last: Token[] = [];
  return (text, docId) => {
    if (text === lastText && docId === lastDocId) return last;
    last = storedOrTokenized(text, docId === undefined ? undefined : storedOf(docId));
    lastText = text;
    lastDocId = docId;
    return last;
  };
}
