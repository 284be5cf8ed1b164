/**
 * A document's workbench tokens, from the one place that has them: the
 * tokens stored with it (docTokens), else the tokenizer. Documents never
 * change (the id is the hash of the text), so each is kept for the session.
 */
import { unpackTokens } from '@core/token-pack.ts';
import { tokenize, type Token } from '@core/tokenize.ts';
import { db } from './db.ts';

const cache = new Map<string, Token[]>();
const CACHE_LIMIT = 200;

/** The workbench tokens of document `docId`; empty when there is no such document. */
export async function tokensFor(docId: string): Promise<Token[]> {
  const hit = cache.get(docId);
  if (hit) return hit;
  const [doc, packed] = await Promise.all([db.documents.get(docId), db.docTokens.get(docId)]);
  if (!doc) return [];
  const tokens = (packed && unpackTokens(doc.text, packed)) || tokenize(doc.text);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(docId, tokens);
  return tokens;
}
