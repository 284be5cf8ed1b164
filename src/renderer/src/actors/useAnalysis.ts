/**
 * The Analysis view's data, live from IndexedDB (db/analysis.ts). Its
 * table, totals and charts paint at once from the summary kept at the last
 * visit (db/view-cache.ts: one small read), marked as being updated when
 * something changed since, while the whole view, with the statements
 * behind every count, is read and computed behind it; that whole view's
 * summary is then kept for the next visit.
 */
import { useEffect, useMemo, useRef } from 'react';
import { summarizeAnalysis, type AnalysisSummary } from '@core/actors/analysis-summary.ts';
import type { AnalysisFilter, AnalysisOptions } from '@core/actors/analysis.ts';
import { db } from '../db/db.ts';
import { usePaintedAfter } from '../hooks/usePaintedAfter.ts';
import { useCoalescedQuery } from '../hooks/useCoalescedQuery.ts';
import { keepAnalysisSummary, loadAnalysis, readAnalysisSummary } from '../db/analysis.ts';

/** What the whole view is read from (db/analysis.ts): a write to any reads it again. */
const ANALYSIS_TABLES = ['spanFacts', 'docMeta', 'actors'];

/** The whole computed view with what it was computed from. */
export type AnalysisData = Awaited<ReturnType<typeof loadAnalysis>>;

/** What the Analysis view shows. */
export interface AnalysisState {
  /** The table, totals, charts and outlets: of the whole view, or kept from the last visit. */
  summary: AnalysisSummary;
  /**
   * False while the summary is one kept from before a change (spans,
   * actors, documents…) and the view is being computed again.
   */
  current: boolean;
  /** The whole view, with the statements behind each count; undefined while it is computed. */
  full: AnalysisData | undefined;
}

/**
 * The Analysis view for `filter`, recomputed when spans, documents or
 * actors change; undefined until there is something to paint. Null options
 * (the labels are not read yet) read nothing, so the view is not computed
 * twice on opening.
 */
export function useAnalysis(
  filter: AnalysisFilter,
  options: AnalysisOptions | null,
): AnalysisState | undefined {
  const key = JSON.stringify([filter, options]);
  // The kept summary (if any) and the current generation; undefined: not read yet.
  const small = useCoalescedQuery(
    ['viewCache'],
    key,
    options ? () => readAnalysisSummary(db, filter, options) : null,
  ).value;
  // The big read starts once the kept summary (if any) has been painted.
  const painted = usePaintedAfter(small !== undefined);
  const full = useCoalescedQuery(
    ANALYSIS_TABLES,
    key,
    options && painted ? () => loadAnalysis(db, filter, options) : null,
  ).value;
  const fullSummary = useMemo(
    () => (full ? summarizeAnalysis(full, full.input.docs) : undefined),
    [full],
  );
  useEffect(() => {
    if (!full || !options) return;
    // Only an optimization: if it cannot be kept, the next visit computes.
    keepAnalysisSummary(db, filter, options, full).catch(() => undefined);
    // `full` changes whenever the view is recomputed; filter and options with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [full]);
  // The last summary shown: while a new filter's figures are read, the view
  // keeps them on screen marked as not current (never the filters replaced
  // by a loading line, which would also take the keyboard focus away).
  const shown = useRef<AnalysisSummary | undefined>(undefined);
  const kept = small?.kept;
  const state: AnalysisState | undefined =
    fullSummary && full
      ? { summary: fullSummary, current: true, full }
      : kept
        ? { summary: kept.summary, current: kept.current, full }
        : shown.current
          ? { summary: shown.current, current: false, full: undefined }
          : undefined;
  if (state) shown.current = state.summary;
  return state;
}
