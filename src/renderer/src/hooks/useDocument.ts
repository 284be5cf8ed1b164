/** One document of the corpus, live from IndexedDB. */
import { useLiveQuery } from './useLiveQuery.ts';
import type { DocumentRecord } from '@core/model.ts';
import { db } from '../db/db.ts';

/**
 * The document `docId`; undefined while loading, when `docId` is null or
 * when no such document is stored.
 */
export function useDocument(docId: string | null): DocumentRecord | undefined {
  return useLiveQuery(async () => (docId ? db.documents.get(docId) : undefined), [docId]);
}
