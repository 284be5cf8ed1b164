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

/**
 * One value for every pair of annotators: `m[a][b]` for A before B in the
 * report's annotator order. Ids are keys of two levels, never joined into
 * one string, so no id (`a|b`, `__proto__`) can collide with another pair;
 * both levels are null-prototype objects (`dict`).
 */
export type PairMap<T> = Record<string, Record<string, T>>;

/** One pairwise figure per pair; null where undefined. */
export type PairFigures = PairMap<number | null>;

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

/** Sets the value of the pair (a, b), a before b in report order. */
export function setPairFigure<T>(m: PairMap<T>, a: string, b: string, v: T): void {
  const row = Object.hasOwn(m, a) ? m[a]! : (m[a] = dict<T>());
  row[b] = v;
}

/** The value of the pair of `a` and `b`, in either order; undefined when there is none. */
export function pairFigure<T>(m: PairMap<T>, a: string, b: string): T | undefined {
  if (Object.hasOwn(m, a) && Object.hasOwn(m[a]!, b)) return m[a]![b];
  if (Object.hasOwn(m, b) && Object.hasOwn(m[b]!, a)) return m[b]![a];
  return undefined;
}

/** Every pair's value, in report order. */
export function pairFigureValues<T>(m: PairMap<T>): T[] {
  const out: T[] = [];
  for (const a of Object.keys(m)) for (const b of Object.keys(m[a]!)) out.push(m[a]![b]!);
  return out;
}

/** A PairMap with `value(a, b)` for every pair of `pairs`. */
export function pairMap<T>(
  pairs: readonly (readonly [string, string])[],
  value: (a: string, b: string, p: number) => T,
): PairMap<T> {
  const m = dict<Record<string, T>>();
  pairs.forEach(([a, b], p) => setPairFigure(m, a, b, value(a, b, p)));
  return m;
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
