/**
 * What the Analysis view paints first: the view without its statements
 * (the table's counts and disputed marks, the totals, both charts and the
 * filter's outlets), small enough to keep between visits (a few hundred
 * rows, where the whole view holds every statement and its spans). The
 * renderer stores one per filter and shows it at once while the whole view,
 * with the evidence behind each count, is computed (docs/actors.md).
 */
import { z } from 'zod';
import { ACTOR_KINDS } from '../model.ts';
import type { AnalysisDoc, AnalysisView, HolderInfo } from './analysis-types.ts';

/** One row of the table, without the statements behind its counts. */
export interface SummaryRow {
  key: string;
  holder: HolderInfo;
  /** Column → statements counted there. */
  counts: Record<string, number>;
  /** Column → how many of them annotators disagree on. */
  disputed: Record<string, number>;
  total: number;
}

/** The Analysis view without its statements (its fields, rows summarized). */
export type AnalysisSummary = Omit<AnalysisView, 'rows' | 'units'> & {
  rows: SummaryRow[];
  /** Every outlet of the corpus (the filter's choices), not only those counted. */
  outlets: (string | null)[];
};

/** The summary of `view`, computed over `docs`. Linear in the statements. */
export function summarizeAnalysis(
  view: AnalysisView,
  docs: ReadonlyMap<string, AnalysisDoc> | Iterable<AnalysisDoc>,
): AnalysisSummary {
  const all = docs instanceof Map ? [...docs.values()] : [...(docs as Iterable<AnalysisDoc>)];
  const rows = view.rows.map((r): SummaryRow => {
    const disputed: Record<string, number> = {};
    for (const [column, units] of Object.entries(r.units)) {
      let n = 0;
      for (const i of units) if (view.units[i]!.disagreements.length > 0) n++;
      if (n > 0) disputed[column] = n;
    }
    return { key: r.key, holder: r.holder, counts: r.counts, disputed, total: r.total };
  });
  return {
    annotators: view.annotators,
    columns: view.columns,
    rows,
    totals: view.totals,
    overTime: view.overTime,
    undated: view.undated,
    byOutlet: view.byOutlet,
    disagreements: view.disagreements,
    documents: view.documents,
    spans: view.spans,
    outlets: [...new Set(all.map((d) => d.outlet))],
  };
}

const count = z.number().int().nonnegative();
const counts = z.object({ counts: z.record(z.string(), count), total: count });

/**
 * A stored summary as read back: checked, since a profile's rows may come
 * from an older or damaged build; anything else is recomputed.
 */
export const analysisSummarySchema: z.ZodType<AnalysisSummary> = z.object({
  annotators: z.array(z.string()),
  columns: z.array(z.string()),
  rows: z.array(
    z.object({
      key: z.string(),
      holder: z.object({
        kind: z.enum(['actor', 'text', 'outlet', 'none', 'disputed']),
        actorId: z.string().nullable(),
        name: z.string(),
        nameEn: z.string(),
        actorKind: z.enum(ACTOR_KINDS).nullable(),
        affiliation: z.string().nullable(),
      }),
      counts: z.record(z.string(), count),
      disputed: z.record(z.string(), count),
      total: count,
    }),
  ),
  totals: counts,
  overTime: z.array(counts.extend({ bucket: z.string() })),
  undated: counts,
  byOutlet: z.array(counts.extend({ outlet: z.string().nullable() })),
  disagreements: z.object({ label: count, holder: count }),
  documents: count,
  spans: count,
  outlets: z.array(z.string().nullable()),
});
