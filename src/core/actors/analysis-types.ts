/**
 * The shapes of the Analysis view (see analysis.ts): what it reads (spans,
 * documents, a filter) and what it returns (rows of actors × labels, the
 * statements behind them, charts). The Analysis UI and `stance actors` are
 * written against these.
 */
import type { ActorKind, SpanRecord } from '../model.ts';
import type { HolderKey } from './holder.ts';

/** A span as analysis reads it. */
export type AnalysisSpan = Pick<
  SpanRecord,
  'id' | 'docId' | 'annotatorId' | 'label' | 'start' | 'end' | 'quote' | 'holder'
> &
  Partial<Pick<SpanRecord, 'holderActorId' | 'target' | 'attribution'>>;

/** A document as analysis reads it (the document list's fields). */
export interface AnalysisDoc {
  id: string;
  title: string;
  /** ISO date (YYYY-MM-DD…) or null. */
  date: string | null;
  outlet: string | null;
}

/** Which spans count. Null or absent: no restriction. */
export interface AnalysisFilter {
  /** Annotators whose spans count; default every annotator but gold. `['gold']`: gold only. */
  annotators?: readonly string[] | null;
  /** Outlets whose articles count (null in the list: articles with no outlet). */
  outlets?: readonly (string | null)[] | null;
  /** First and last article date (YYYY-MM-DD, inclusive); undated articles are left out when set. */
  from?: string | null;
  to?: string | null;
  /** Labels that count. */
  labels?: readonly string[] | null;
}

/** How to lay out the view. */
export interface AnalysisOptions {
  /** Column order; labels found but not listed follow, sorted. */
  labels?: readonly string[];
  /** Time buckets of the date chart: a day, a month (YYYY-MM) or a year. Default day. */
  timeBucket?: 'day' | 'month' | 'year';
}

/** The column of units whose spans carry several labels. */
export const SEVERAL_LABELS = '(several labels)';
/** The row of units annotators attribute to different holders, with no majority. */
export const DISPUTED_HOLDER: HolderKey = 'disputed';

/** A span behind a count, as it was given (its holder key is its unit's). */
export type EvidenceSpan = AnalysisSpan;

/** One statement: overlapping spans of one holder in one document. */
export interface StanceUnit {
  /** Index in `AnalysisView.units`. */
  index: number;
  docId: string;
  /** The union of its spans (code points). */
  start: number;
  end: number;
  holder: HolderKey;
  /** The label all its spans carry, or null when they carry several (see `labels`). */
  label: string | null;
  /** Shared between units: never change it. */
  labels: readonly string[];
  annotators: string[];
  /** Its spans, by start, end, annotator and label (exact duplicates left out). */
  spans: EvidenceSpan[];
  /**
   * `label`: its annotators gave it different labels; `holder`: annotators
   * who did not make it attribute overlapping text to another holder.
   */
  disagreements: readonly ('label' | 'holder')[];
  /** The other holders, when there is a holder disagreement. */
  otherHolders: readonly HolderKey[];
  /** The cell it is counted in, or null when another unit of its holder disagreement is. */
  countedIn: { readonly row: HolderKey; readonly column: string } | null;
}

/** Who a row is. */
export interface HolderInfo {
  kind: 'actor' | 'text' | 'outlet' | 'none' | 'disputed';
  actorId: string | null;
  /** Arabic name (or the free text, the outlet, a description). */
  name: string;
  nameEn: string;
  actorKind: ActorKind | null;
  affiliation: string | null;
}

/** One row of the actors × labels table. */
export interface ActorRow {
  key: HolderKey;
  holder: HolderInfo;
  /** Column (label or SEVERAL_LABELS) → count. */
  counts: Record<string, number>;
  /** Column → indexes of the units counted there (the evidence). */
  units: Record<string, number[]>;
  total: number;
}

/** Counts per column, for a chart bar or a totals line. */
export interface Counts {
  counts: Record<string, number>;
  total: number;
}

/** Everything the Analysis view shows. */
export interface AnalysisView {
  /** The annotators whose spans counted. */
  annotators: string[];
  /** Label columns, then SEVERAL_LABELS when some unit has several. */
  columns: string[];
  /**
   * Sorted by total, largest first, then actors before free-text holders
   * before outlets, then by name; the no-holder and disputed rows last.
   */
  rows: ActorRow[];
  units: StanceUnit[];
  totals: Counts;
  /** Per date bucket, in date order. */
  overTime: (Counts & { bucket: string })[];
  /** Units from undated articles (not in `overTime`). */
  undated: Counts;
  /** Per outlet, largest first (null: no outlet). */
  byOutlet: (Counts & { outlet: string | null })[];
  /** Units with each kind of disagreement. */
  disagreements: { label: number; holder: number };
  /** Documents with at least one counted span; spans that passed the filter. */
  documents: number;
  spans: number;
}
