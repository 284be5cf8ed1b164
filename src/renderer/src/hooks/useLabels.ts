/** The label set in display order, live from IndexedDB. */
import { useLiveQuery } from './useLiveQuery.ts';
import type { LabelDef } from '@core/model.ts';
import { db } from '../db/db.ts';
import { readLabels } from '../db/labels.ts';

const NONE: LabelDef[] = [];

/** The labels ordered by `order`; undefined until they are first read. */
export function useLoadedLabels(): LabelDef[] | undefined {
  return useLiveQuery(() => readLabels(db), []);
}

/** The labels ordered by `order`; [] while loading. */
export function useLabels(): LabelDef[] {
  return useLoadedLabels() ?? NONE;
}
