/**
 * The Analysis view as plain JSON (snake_case keys, fixed key order): what
 * `stance actors --json` prints, so scripts see exactly the table the app
 * shows, with the evidence behind every count.
 */
import type { AnalysisDoc, AnalysisView, Counts, StanceUnit } from './analysis.ts';

/** One statement behind a count. */
export interface EvidenceJson {
  doc_id: string | null;
  title: string | null;
  start: number;
  end: number;
  annotators: string[];
  /** `label` and/or `holder` when annotators disagree here. */
  disagreements: string[];
  /** Other holders annotators gave this text (holder keys). */
  other_holders: string[];
  spans: {
    annotator: string;
    label: string;
    start: number;
    end: number;
    quote: string;
    target: string | null;
    attribution: string | null;
  }[];
}

/** A row of the table. */
export interface RowJson {
  holder: {
    type: string;
    id: string | null;
    name: string;
    name_en: string;
    kind: string | null;
    affiliation: string | null;
  };
  counts: Record<string, number>;
  total: number;
  evidence: Record<string, EvidenceJson[]>;
}

/** The whole view. */
export interface AnalysisJson {
  annotators: string[];
  documents: number;
  spans: number;
  columns: string[];
  rows: RowJson[];
  totals: Counts;
  over_time: (Counts & { bucket: string })[];
  undated: Counts;
  by_outlet: (Counts & { outlet: string | null })[];
  disagreements: { label: number; holder: number };
}

/**
 * The view as JSON. `docs` gives titles; `docIdOf` maps the view's document
 * keys to the ids to print (null for documents a file gave no id).
 */
export function analysisJson(
  view: AnalysisView,
  docs: ReadonlyMap<string, AnalysisDoc>,
  docIdOf: (key: string) => string | null = (k) => k,
): AnalysisJson {
  const evidence = (u: StanceUnit): EvidenceJson => ({
    doc_id: docIdOf(u.docId),
    title: docs.get(u.docId)?.title ?? null,
    start: u.start,
    end: u.end,
    annotators: u.annotators,
    disagreements: [...u.disagreements],
    other_holders: [...u.otherHolders],
    spans: u.spans.map((s) => ({
      annotator: s.annotatorId,
      label: s.label,
      start: s.start,
      end: s.end,
      quote: s.quote,
      target: s.target ?? null,
      attribution: s.attribution ?? null,
    })),
  });
  return {
    annotators: view.annotators,
    documents: view.documents,
    spans: view.spans,
    columns: view.columns,
    rows: view.rows.map((r) => ({
      holder: {
        type: r.holder.kind,
        id: r.holder.actorId,
        name: r.holder.name,
        name_en: r.holder.nameEn,
        kind: r.holder.actorKind,
        affiliation: r.holder.affiliation,
      },
      counts: Object.fromEntries(view.columns.map((c) => [c, r.counts[c] ?? 0])),
      total: r.total,
      evidence: Object.fromEntries(
        view.columns
          .filter((c) => r.units[c])
          .map((c) => [c, r.units[c]!.map((i) => evidence(view.units[i]!))]),
      ),
    })),
    totals: view.totals,
    over_time: view.overTime,
    undated: view.undated,
    by_outlet: view.byOutlet,
    disagreements: view.disagreements,
  };
}
