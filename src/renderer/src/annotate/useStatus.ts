/** One analyst's status and document stance for one document, live from IndexedDB. */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import type { StatusRecord } from '@core/model.ts';
import { db } from '../db/db.ts';
import { getStatus } from '../db/statuses.ts';

/** The status of `docId` for `annotatorId` (not-started when none is stored); undefined while loading. */
export function useStatus(docId: string, annotatorId: string): StatusRecord | undefined {
  return useLiveQuery(() => getStatus(db, docId, annotatorId), [docId, annotatorId]);
}
