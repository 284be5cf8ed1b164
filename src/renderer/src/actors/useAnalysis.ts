/** The Analysis view's data, live from IndexedDB (db/analysis.ts). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AnalysisFilter, AnalysisOptions } from '@core/actors/analysis.ts';
import { db } from '../db/db.ts';
import { loadAnalysis } from '../db/analysis.ts';

/** The computed view with what it was computed from; undefined while loading. */
export type AnalysisData = Awaited<ReturnType<typeof loadAnalysis>>;

/**
 * The Analysis view for `filter`, recomputed when spans, documents or
 * actors change. Null options (the labels are not read yet) read nothing,
 * so the view is not computed twice on opening.
 */
export function useAnalysis(
  filter: AnalysisFilter,
  options: AnalysisOptions | null,
): AnalysisData | undefined {
  const key = JSON.stringify([filter, options]);
  return useLiveQuery(async () => (options ? loadAnalysis(db, filter, options) : undefined), [key]);
}
