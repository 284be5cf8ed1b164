/**
 * The document the reading pane shows, with its tokens (db/tokens.ts: for
 * snapping selections and resizing spans by words), read together and live
 * from IndexedDB, so both are there when the article first paints.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { DocumentRecord } from '@core/model.ts';
import type { Token } from '@core/tokenize.ts';
import { db } from '../db/db.ts';
import { tokensFor } from '../db/tokens.ts';

/** A document with its tokens. */
export interface Article {
  doc: DocumentRecord;
  tokens: Token[];
}

/**
 * Document `docId` with its tokens; undefined while loading, when `docId`
 * is null or when no such document is stored.
 */
export function useArticle(docId: string | null): Article | undefined {
  return useLiveQuery(async () => {
    if (!docId) return undefined;
    const doc = await db.documents.get(docId);
    const tokens = doc && (await tokensFor(db, doc.id, doc.text));
    return doc && tokens ? { doc, tokens } : undefined;
  }, [docId]);
}
