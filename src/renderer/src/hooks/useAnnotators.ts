/** The annotators this profile knows (self, colleagues, gold), live from IndexedDB. */
import { useLiveQuery } from './useLiveQuery.ts';
import type { AnnotatorRecord } from '@core/model.ts';
import { db } from '../db/db.ts';

/** Every annotator record, in id order; [] while loading. */
export function useAnnotators(): AnnotatorRecord[] {
  return useLiveQuery(() => db.annotators.toArray(), [], []);
}
