/** How many spans a document has, by anyone, live from IndexedDB. */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { db } from '../db/db.ts';

/** Spans on document `docId` by every annotator; 0 while loading or without a document. */
export function useSpanCount(docId: string | null): number {
  return useLiveQuery(
    async () => (docId ? db.spans.where('docId').equals(docId).count() : 0),
    [docId],
    0,
  );
}
