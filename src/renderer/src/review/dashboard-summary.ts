/**
 * What the agreement dashboard paints first, kept between visits
 * (db/view-cache.ts): its figures (the report and, once computed, their
 * intervals), the annotators, and the documents table's rows without the
 * disagreements' spans. Read back, a kept summary is checked (a profile's
 * rows may come from another build or a damaged disk); anything else is
 * recomputed.
 */
import { z } from 'zod';
import type { AgreementIntervals } from '@core/agreement/bootstrap.ts';
import type { DocDisagreement } from '@core/agreement/disagreements.ts';
import type { FullReport } from '@core/agreement/report.ts';
import type { AnnotatorRecord } from '@core/model.ts';
import type { DocGold } from './gold-state.ts';

/** A row of the documents table: a document, its disagreement counts and gold state. */
export interface DocRow {
  docId: string;
  title: string;
  annotators: number;
  d: Pick<DocDisagreement, 'score' | 'counts'>;
  gold: DocGold;
}

/** The dashboard's default view (everyone, every document), as painted first. */
export interface DashboardSummary {
  /** Bumped when the shape changes: older summaries are recomputed. */
  format: typeof FORMAT;
  annotators: AnnotatorRecord[];
  /** Annotators with annotations, in the dashboard's order. */
  active: string[];
  /** The annotators compared (active, gold aside). */
  ordered: string[];
  report: FullReport;
  ci: AgreementIntervals | null;
  rows: DocRow[];
}

const FORMAT = 1;

/** The key the default view is kept under, for these label keys. */
export function dashboardKey(labels: readonly string[]): string {
  return `agreement:${JSON.stringify(labels)}`;
}

/** The summary of the default view (rows lose their disagreements' spans). */
export function summarizeDashboard(
  view: Omit<DashboardSummary, 'format' | 'rows'> & { rows: readonly DocRow[] },
): DashboardSummary {
  return {
    format: FORMAT,
    annotators: view.annotators,
    active: view.active,
    ordered: view.ordered,
    report: view.report,
    ci: view.ci,
    rows: view.rows.map((r) => ({
      docId: r.docId,
      title: r.title,
      annotators: r.annotators,
      d: { score: r.d.score, counts: r.d.counts },
      gold: r.gold,
    })),
  };
}

const count = z.number().int().nonnegative();

/** A documents table row as kept (agreement-kept.ts keeps its rows with the title unworded). */
export const docRowShape = z.object({
  docId: z.string(),
  title: z.string(),
  annotators: count,
  d: z.object({ score: z.number(), counts: z.record(z.string(), count) }),
  gold: z.object({
    state: z.enum(['not-started', 'pending', 'adjudicated']),
    pending: count,
    proposals: count,
  }),
});
const figureMap = z.record(z.string(), z.unknown());
const shape = z.object({
  format: z.literal(FORMAT),
  annotators: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string() }).passthrough(),
  ),
  active: z.array(z.string()),
  ordered: z.array(z.string()),
  report: z
    .object({
      annotators: z.array(z.string()),
      documents: count,
      labels: figureMap,
      macro: figureMap,
      units: figureMap,
      reliability: figureMap,
    })
    .passthrough(),
  ci: z
    .object({ resamples: count, seed: z.number(), documents: count, labels: figureMap })
    .passthrough()
    .nullable(),
  rows: z.array(docRowShape),
});

/**
 * A kept summary read back, or undefined when it is not one this build
 * wrote. The figures' inner shape is the report's, as this build computes
 * it (the format number changes with it).
 */
export function checkDashboardSummary(value: unknown): DashboardSummary | undefined {
  const r = shape.safeParse(value);
  return r.success ? (value as DashboardSummary) : undefined;
}
