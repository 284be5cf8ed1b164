/**
 * The agreement dashboard's view model: from the live data
 * (useAgreementData) the documents chosen, the report, its intervals and
 * the documents table; and, for the default view (everyone, every
 * document), the summary kept at the last visit (db/view-cache.ts),
 * painted at once while the data is read and computed (seconds at 10,000
 * documents), marked as being updated when something changed since. Each
 * computed default view is kept for the next visit, again once its
 * intervals are done.
 */
import { useEffect, useMemo } from 'react';
import type { AgreementIntervals } from '@core/agreement/bootstrap.ts';
import { classifyDisagreements, type DocDisagreement } from '@core/agreement/disagreements.ts';
import { agreementReport, type FullReport } from '@core/agreement/report.ts';
import { matchesQuery } from '@core/arabic-search.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord, type LabelDef } from '@core/model.ts';
import { useKeptView } from '../hooks/useKeptView.ts';
import { usePaintedAfter } from '../hooks/usePaintedAfter.ts';
import { useTitleText } from '../i18n/useTitleText.ts';
import {
  checkDashboardSummary,
  dashboardKey,
  summarizeDashboard,
  type DocRow,
} from './dashboard-summary.ts';
import { goldStateOf } from './gold-state.ts';
import { useAgreementData, useFoldedKeys, type AgreementData } from './useAgreementData.ts';
import { useIntervals } from './useIntervals.ts';

/** What the dashboard shows. */
export interface DashboardView {
  annotators: AnnotatorRecord[];
  /** Annotators with annotations. */
  active: AnnotatorRecord[];
  /** The annotators compared, in the dashboard's order. */
  ordered: string[];
  report: FullReport;
  ci: AgreementIntervals | null;
  /** Share of the intervals' resamples done. */
  progress: number;
  rows: DocRow[];
  /** False while the figures are from before a change and being recomputed. */
  current: boolean;
}

/** The dashboard's choices that shape the view. */
export interface DashboardChoice {
  /** null: everyone with annotations, gold aside. */
  picked: string[] | null;
  query: string;
  onlyShared: boolean;
  /** Undefined while the labels are read: nothing else is read before them. */
  labels: LabelDef[] | undefined;
}

/** The view, the live data behind it (undefined while read), and a document's disagreements. */
export function useDashboardView(c: DashboardChoice): {
  view: DashboardView | undefined;
  data: AgreementData | undefined;
  docs: AgreementData['docs'];
  disagreementOf: (docId: string) => DocDisagreement | undefined;
} {
  const titleText = useTitleText();
  const isDefault = c.picked === null && c.query.trim() === '' && !c.onlyShared;
  const labelKeys = useMemo(() => (c.labels ?? []).map((l) => l.key), [c.labels]);
  const ready = c.labels !== undefined;
  const { kept, keep } = useKeptView(ready && isDefault ? dashboardKey(labelKeys) : null);
  // The big read (tens of MB at 10,000 documents, unpacked on this thread)
  // starts once the kept view, if any, has been painted, so it cannot delay it.
  const painted = usePaintedAfter(isDefault && kept !== undefined);
  const data = useAgreementData(c.picked, ready && (!isDefault || (kept !== undefined && painted)));
  const folded = useFoldedKeys(c.query.trim() !== '');

  const active = useMemo(() => {
    const ids = new Set<string>();
    for (const byAnn of data?.annotations.values() ?? []) for (const a of byAnn.keys()) ids.add(a);
    return (data?.annotators ?? []).filter((a) => ids.has(a.id));
  }, [data]);
  const ordered = useMemo(() => {
    const chosen = c.picked ?? active.filter((a) => a.id !== GOLD_ANNOTATOR_ID).map((a) => a.id);
    return active.map((a) => a.id).filter((id) => chosen.includes(id));
  }, [c.picked, active]);
  const docs = useMemo(() => {
    if (!data) return [];
    return data.docs.filter((d) => {
      if (c.onlyShared && d.annotations.size < ordered.length) return false;
      if (c.query.trim() === '') return true;
      const key = folded?.get(d.id);
      return key !== undefined && matchesQuery(key, c.query);
    });
  }, [data, ordered, c.onlyShared, c.query, folded]);
  const { report, tallies } = useMemo(
    () => agreementReport(docs, { annotators: ordered, labels: labelKeys }),
    [docs, ordered, labelKeys],
  );
  const { ci, progress } = useIntervals(data && ordered.length >= 2 ? tallies : null);
  const disagreements = useMemo(
    () => new Map(docs.map((d) => [d.id, classifyDisagreements(d.annotations)])),
    [docs],
  );
  const rows: DocRow[] = useMemo(() => {
    if (!data) return [];
    return docs
      .map((d) => ({
        docId: d.id,
        title: data.titles.has(d.id) ? titleText(data.titles.get(d.id)) : d.id,
        annotators: d.annotations.size,
        d: disagreements.get(d.id)!,
        gold: goldStateOf(
          data.annotations.get(d.id) ?? new Map(),
          data.gold.get(d.id),
          data.rejected.get(d.id),
        ),
      }))
      .sort(
        (x, y) =>
          y.d.score - x.d.score || y.annotators - x.annotators || x.title.localeCompare(y.title),
      );
  }, [docs, data, titleText, disagreements]);

  // Checked once per read, not per render (10,000 rows at scale).
  const summary = useMemo(
    () => (isDefault && kept ? checkDashboardSummary(kept.value) : undefined),
    [isDefault, kept],
  );

  // Keep the default view once computed, and again with its intervals.
  useEffect(() => {
    if (!data || !isDefault) return;
    keep(
      data.gen,
      summarizeDashboard({
        annotators: data.annotators,
        active: active.map((a) => a.id),
        ordered,
        report,
        ci,
        rows,
      }),
    );
    // The view is a function of these; keep runs when any is recomputed.
  }, [data, isDefault, rows, report, ci, active, ordered, keep]);

  const disagreementOf = (docId: string): DocDisagreement | undefined => disagreements.get(docId);
  if (data)
    return {
      view: {
        annotators: data.annotators,
        active,
        ordered,
        report,
        ci,
        progress,
        rows,
        current: true,
      },
      data,
      docs,
      disagreementOf,
    };
  if (!summary || !kept) return { view: undefined, data, docs, disagreementOf };
  const byId = new Map(summary.annotators.map((a) => [a.id, a]));
  return {
    view: {
      annotators: summary.annotators,
      active: summary.active.flatMap((id) => byId.get(id) ?? []),
      ordered: summary.ordered,
      report: summary.report,
      ci: summary.ci,
      progress: summary.ci ? 1 : 0,
      rows: summary.rows,
      current: kept.current,
    },
    data,
    docs,
    disagreementOf,
  };
}
