/**
 * The agreement dashboard's view model. The default view (everyone, every
 * document) comes from per-document counts brought up to date by the
 * documents each write touched (useDefaultAgreement), painted first from
 * the summary kept at the last visit (db/view-cache.ts), marked as being
 * updated while a change is counted. Other choices (some annotators, a
 * search, shared documents only) are computed from the live data
 * (useAgreementData), which also backs the spans behind a mark, feedback
 * and accepting what agrees. Each computed default view is kept for the
 * next visit, again once its intervals are done.
 */
import { useEffect, useMemo } from 'react';
import type { AgreementIntervals } from '@core/agreement/bootstrap.ts';
import { classifyDisagreements, type DocDisagreement } from '@core/agreement/disagreements.ts';
import { agreementReport, reportFromTallies, type FullReport } from '@core/agreement/report.ts';
import type { Tallies } from '@core/agreement/tallies.ts';
import { matchesQuery } from '@core/arabic-search.ts';
import type { AnnotatorRecord, LabelDef } from '@core/model.ts';
import { useKeptView } from '../hooks/useKeptView.ts';
import { usePaintedAfter } from '../hooks/usePaintedAfter.ts';
import { useTitleText } from '../i18n/useTitleText.ts';
import {
  checkDashboardSummary,
  dashboardKey,
  summarizeDashboard,
  type DocRow,
} from './dashboard-summary.ts';
import { activeOf, type AgreementState, type StateRow } from './agreement-state.ts';
import { goldStateOf } from './gold-state.ts';
import { useAgreementData, useFoldedKeys, type AgreementData } from './useAgreementData.ts';
import { useDefaultAgreement } from './useDefaultAgreement.ts';
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
  const { kept, gen, keep } = useKeptView(ready && isDefault ? dashboardKey(labelKeys) : null);
  // The counts start once the kept view, if any, has been painted, so they cannot delay it.
  const painted = usePaintedAfter(isDefault && kept !== undefined);
  // The default view is counted per document and brought up to date by the
  // documents that changed (useDefaultAgreement); the others from the data.
  const { state, stale } = useDefaultAgreement(
    ready && isDefault ? labelKeys : null,
    kept !== undefined && painted,
  );
  // The whole data (the spans behind a mark, feedback, accepting what
  // agrees) is read after the default view's figures.
  const data = useAgreementData(c.picked, ready && (!isDefault || state !== undefined));
  const folded = useFoldedKeys(c.query.trim() !== '');

  const fromData = useMemo(() => {
    if (!data) return { active: [], ordered: [] };
    const present = [...data.annotations.values()].map((byAnn) => byAnn.keys());
    const { active, ordered } = activeOf(data.annotators, present);
    const chosen = c.picked ?? ordered;
    return { active, ordered: active.map((a) => a.id).filter((id) => chosen.includes(id)) };
  }, [data, c.picked]);
  const docs = useMemo(() => {
    if (!data) return [];
    return data.docs.filter((d) => {
      if (c.onlyShared && d.annotations.size < fromData.ordered.length) return false;
      if (c.query.trim() === '') return true;
      const key = folded?.get(d.id);
      return key !== undefined && matchesQuery(key, c.query);
    });
  }, [data, fromData, c.onlyShared, c.query, folded]);
  const disagreements = useMemo(
    () => new Map(docs.map((d) => [d.id, classifyDisagreements(d.annotations)])),
    [docs],
  );
  const counted = useMemo((): Counted | null => {
    if (isDefault)
      return state ? measured('stance:agreement-view-report', () => countedFromState(state)) : null;
    if (!data) return null;
    const { report, tallies } = agreementReport(docs, {
      annotators: fromData.ordered,
      labels: labelKeys,
    });
    const rows = docs.map((d) => ({
      docId: d.id,
      title: data.titles.get(d.id) ?? null,
      annotators: d.annotations.size,
      d: disagreements.get(d.id)!,
      gold: goldStateOf(
        data.annotations.get(d.id) ?? new Map(),
        data.gold.get(d.id),
        data.rejected.get(d.id),
      ),
    }));
    return { ...fromData, annotators: data.annotators, report, tallies, rows, gen: data.gen };
  }, [isDefault, state, data, docs, fromData, labelKeys, disagreements]);
  const { ci, progress } = useIntervals(
    counted && counted.ordered.length >= 2 ? counted.tallies : null,
  );
  const rows: DocRow[] = useMemo(
    () =>
      measured('stance:agreement-view-rows', () =>
        (counted?.rows ?? [])
          .map((r) => ({ ...r, title: r.title === null ? r.docId : titleText(r.title) }))
          .sort(
            (x, y) =>
              y.d.score - x.d.score ||
              y.annotators - x.annotators ||
              x.title.localeCompare(y.title) ||
              (x.docId < y.docId ? -1 : x.docId > y.docId ? 1 : 0),
          ),
      ),
    [counted, titleText],
  );

  // Checked once per read, not per render (10,000 rows at scale).
  const summary = useMemo(
    () =>
      isDefault && kept
        ? measured('stance:agreement-view-check', () => checkDashboardSummary(kept.value))
        : undefined,
    [isDefault, kept],
  );

  // Keep the default view once computed, and again with its intervals.
  useEffect(() => {
    if (!counted || !isDefault) return;
    keep(
      counted.gen,
      summarizeDashboard({
        annotators: counted.annotators,
        active: counted.active.map((a) => a.id),
        ordered: counted.ordered,
        report: counted.report,
        ci,
        rows,
      }),
    );
    // The view is a function of these; keep runs when any is recomputed.
  }, [counted, isDefault, rows, ci, keep]);

  const disagreementOf = (docId: string): DocDisagreement | undefined => disagreements.get(docId);
  if (counted)
    return {
      view: {
        annotators: counted.annotators,
        active: counted.active,
        ordered: counted.ordered,
        report: counted.report,
        ci,
        progress,
        rows,
        // A state read before the last write (e.g. held while a filtered
        // view was shown) is marked until it is brought up to date.
        current: !isDefault || (!stale && (gen === undefined || counted.gen === gen)),
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

/** The figures and rows of a view, before the rows' titles are worded. */
interface Counted {
  annotators: AnnotatorRecord[];
  active: AnnotatorRecord[];
  ordered: string[];
  report: FullReport;
  tallies: Tallies;
  rows: StateRow[];
  gen: string;
}

/** `f()`, measured under `name` for the bench. */
function measured<T>(name: string, f: () => T): T {
  const t = performance.now();
  const v = f();
  performance.measure(name, { start: t });
  return v;
}

/** The default view's figures from its per-document counts. */
function countedFromState(s: AgreementState): Counted {
  return {
    annotators: s.annotators,
    active: activeOf(s.annotators, s.who.values()).active,
    ordered: s.ordered,
    report: reportFromTallies(s.tallies, s.rows.size),
    tallies: s.tallies,
    rows: [...s.rows.values()],
    gen: s.gen,
  };
}
