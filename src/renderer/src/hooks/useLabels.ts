/** The label set in display order, live from IndexedDB. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { LabelDef } from '@core/model.ts';
import { db } from '../db/db.ts';

/** The labels ordered by `order`; [] while loading. */
export function useLabels(): LabelDef[] {
  return useLiveQuery(() => db.labels.orderBy('order').toArray(), [], []);
}
