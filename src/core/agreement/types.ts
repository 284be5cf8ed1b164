/**
 * The input and output shapes of agreement, shared by the app (which builds
 * them from IndexedDB), the `stance agreement` CLI (which builds them from
 * spans JSONL) and the adjudication helpers. Offsets are code points.
 */

/** A span as agreement sees it: an extent and a label. */
export interface AgreementSpan {
  start: number;
  end: number;
  label: string;
}

/** A token extent (code points, `end` exclusive). */
export interface TokenExtent {
  start: number;
  end: number;
}

/** One document: its tokens and the spans of every annotator who annotated it. */
export interface AgreementDoc {
  id: string;
  /** The document's tokens, sorted by offset (see src/core/tokenize.ts). */
  tokens: readonly TokenExtent[];
  /**
   * annotatorId → that annotator's spans on this document. An annotator is a
   * key of this map exactly when they annotated the document (see
   * docs/agreement.md), so an empty array means "annotated, no spans".
   */
  annotations: ReadonlyMap<string, readonly AgreementSpan[]>;
  /** Where `tokens` come from (token-basis.ts); workbench when not said. */
  basis?: 'dataset' | 'workbench';
  /**
   * The tokens packed as [start0, end0, start1, …], sorted, used instead of
   * `tokens` when present (the app reads them so, without making objects).
   */
  bounds?: ArrayLike<number>;
}

/** `"A|B"`: a pair of annotators, A before B in the report's annotator order. */
export type PairKey = string;

/** Every figure for one label, or the macro averages over labels. */
export interface LabelFigures {
  /** Token-level Cohen's kappa per pair; null where undefined (see docs). */
  kappa: Record<PairKey, number | null>;
  /** Token-level Krippendorff's alpha (nominal) over all annotators. */
  alpha: number | null;
  /** Exact span F1 per pair. */
  f1_exact: Record<PairKey, number | null>;
  /** Overlap span F1 per pair. */
  f1_overlap: Record<PairKey, number | null>;
}

/** The agreement report: what the dashboard shows and `--json` prints. */
export interface AgreementReport {
  annotators: string[];
  /** Documents annotated by at least one of the annotators. */
  documents: number;
  labels: Record<string, LabelFigures>;
  macro: LabelFigures;
}

/** The key of a pair of annotators. */
export function pairKey(a: string, b: string): PairKey {
  return `${a}|${b}`;
}

/** Every unordered pair of `annotators`, in report order. */
export function annotatorPairs(annotators: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < annotators.length; i++)
    for (let j = i + 1; j < annotators.length; j++) out.push([annotators[i]!, annotators[j]!]);
  return out;
}

/** The identity of a span for exact matching: start, end and label. */
export function spanKey(s: AgreementSpan): string {
  return `${s.start}:${s.end}:${s.label}`;
}

/** True when two spans share at least one code point. */
export function overlaps(
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  return a.start < b.end && b.start < a.end;
}
