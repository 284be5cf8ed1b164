/** The analyst's own annotator record, live from IndexedDB. */
import { useLiveQuery } from './useLiveQuery.ts';
import type { AnnotatorRecord } from '@core/model.ts';
import { db } from '../db/db.ts';
import { getSelf } from '../db/profile.ts';

/** undefined while loading, null before the first run, else the record. */
export function useSelf(): AnnotatorRecord | null | undefined {
  return useLiveQuery(() => getSelf(db), [], undefined);
}
