/**
 * The document the reading pane shows, with its tokens (db/tokens.ts: for
 * snapping selections and resizing spans by words), read together and live
 * from IndexedDB. The stored tokens are read alongside the document and
 * unpacked only when first needed, so they add nothing to the first paint.
 */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import type { DocumentRecord } from '@core/model.ts';
import type { Token } from '@core/tokenize.ts';
import { db } from '../db/db.ts';
import { lazyTokensFor } from '../db/tokens.ts';

/** A document with its tokens. */
export interface Article {
  doc: DocumentRecord;
  /** The document's tokens, unpacked on the first call. */
  tokens: () => readonly Token[];
}

/**
 * Document `docId` with its tokens; undefined while loading, when `docId`
 * is null or when no such document is stored.
 */
export function useArticle(docId: string | null): Article | undefined {
  return useLiveQuery(async () => {
    if (!docId) return undefined;
    const [doc, tokensOf] = await Promise.all([db.documents.get(docId), lazyTokensFor(db, docId)]);
    return doc ? { doc, tokens: () => tokensOf(doc.text) } : undefined;
  }, [docId]);
}
