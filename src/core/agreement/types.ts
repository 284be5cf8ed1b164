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
}

/**
 * One pairwise figure for every pair of annotators: `figures[a][b]` for A
 * before B in the report's annotator order. Ids are keys of two levels, not
 * joined into one string, so no id (`a|b`, `__proto__`) can collide with
 * another pair; both levels are null-prototype objects.
 */
export type PairFigures = Record<string, Record<string, number | null>>;

/** Every figure for one label, or the macro averages over labels. */
export interface LabelFigures {
  /** Token-level Cohen's kappa per pair; null where undefined (see docs). */
  kappa: PairFigures;
  /** Token-level Krippendorff's alpha (nominal) over all annotators. */
  alpha: number | null;
  /** Exact span F1 per pair. */
  f1_exact: PairFigures;
  /** Overlap span F1 per pair. */
  f1_overlap: PairFigures;
}

/** The agreement report: what the dashboard shows and `--json` prints. */
export interface AgreementReport {
  annotators: string[];
  /** Documents annotated by at least one of the annotators. */
  documents: number;
  /** Label → figures; a null-prototype object, so a label may be called `__proto__`. */
  labels: Record<string, LabelFigures>;
  macro: LabelFigures;
}

/** An empty object with no prototype: any string is a safe key of it. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Sets the figure of the pair (a, b), a before b in report order. */
export function setPairFigure(f: PairFigures, a: string, b: string, v: number | null): void {
  const row = Object.hasOwn(f, a) ? f[a]! : (f[a] = dict<number | null>());
  row[b] = v;
}

/**
 * The figure of the pair of `a` and `b` in either order; undefined when the
 * report has no such pair.
 */
export function pairFigure(f: PairFigures, a: string, b: string): number | null | undefined {
  if (Object.hasOwn(f, a) && Object.hasOwn(f[a]!, b)) return f[a]![b];
  if (Object.hasOwn(f, b) && Object.hasOwn(f[b]!, a)) return f[b]![a];
  return undefined;
}

/** Every pair's figure, in report order. */
export function pairFigureValues(f: PairFigures): (number | null)[] {
  const out: (number | null)[] = [];
  for (const a of Object.keys(f)) for (const b of Object.keys(f[a]!)) out.push(f[a]![b]!);
  return out;
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
