/**
 * 95 % bootstrap confidence intervals for token-level kappa and alpha,
 * resampling documents (tokens of one document are not independent, so the
 * document is the unit drawn), seeded and reproducible: the same documents,
 * annotators, labels, seed and resample count give the same intervals in
 * the app and in `stance agreement --ci`. The procedure is in
 * docs/agreement.md ("Confidence intervals"):
 *
 * 1. the documents at least two annotators annotated are put in a
 *    canonical order that depends only on their counts (`canonicalOrder`),
 *    so two programs that list them differently still draw the same ones;
 * 2. each of R resamples draws as many documents as there are, with
 *    replacement, from mulberry32(seed) (index = floor(u · D));
 * 3. every figure is recomputed on each resample; the interval is the 2.5th
 *    and 97.5th percentiles of the defined values (linear interpolation,
 *    numpy's default `np.percentile`).
 */
import { figuresFrom, weightedSums, type Tallies, type TokenFigures } from './tallies.ts';
import { pairKey, type PairKey } from './types.ts';

/** A 95 % interval, or null when no resample defines the figure or there are < 2 documents. */
export type Interval = [low: number, high: number] | null;

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  resamples?: number;
  /** The seed of mulberry32 (default 1). */
  seed?: number;
}

export interface AgreementIntervals {
  resamples: number;
  seed: number;
  /** Documents resampled: those at least two annotators annotated. */
  documents: number;
  labels: Record<string, { alpha: Interval; kappa: Record<PairKey, Interval> }>;
  macro: { alpha: Interval; kappa: Record<PairKey, Interval> };
}

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 1;

/** mulberry32: a small, well-known seeded generator of uniform [0, 1) numbers. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile (0 ≤ q ≤ 1) of sorted values, interpolated linearly (numpy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The canonical order of the tallied documents: by their counts, read in an
 * order that does not depend on how the annotators or labels are listed
 * (labels by code point, skipping labels nobody counts; pairs by their two
 * ids in code-point order). Documents with equal keys have equal counts, so
 * which comes first changes nothing.
 */
export function canonicalOrder(t: Tallies): number[] {
  const A = t.annotators.length;
  const P = t.pairs.length;
  const L = t.labels.length;
  const D = t.docIds.length;
  const anyCount = (l: number): boolean => {
    for (let d = 0; d < D; d++) {
      if (t.m1[d * L + l]! > 0) return true;
      for (let p = 0; p < P; p++) if (t.spans[(d * P + p) * L + l]! > 0) return true;
    }
    return false;
  };
  const labels = t.labels
    .map((name, l) => ({ name, l }))
    .filter(({ l }) => anyCount(l))
    .sort((x, y) => cmp(x.name, y.name));
  const ids = [...t.annotators].sort(cmp);
  const pairs = t.pairs
    .map(([a, b], p) => ({
      p,
      flip: cmp(a, b) > 0,
      key: cmp(a, b) > 0 ? `${b}\u0000${a}` : `${a}\u0000${b}`,
    }))
    .sort((x, y) => cmp(x.key, y.key));
  const keys = t.docIds.map((_, d) => {
    const parts: number[] = [t.tokens[d]!];
    for (const id of ids) parts.push(t.present[d * A + t.annotators.indexOf(id)]!);
    for (const { l } of labels) parts.push(t.o01[d * L + l]!, t.m0[d * L + l]!, t.m1[d * L + l]!);
    for (const { p, flip } of pairs)
      for (const { l } of labels) {
        const i = (d * P + p) * L + l;
        parts.push(
          t.n11[i]!,
          flip ? t.n01[i]! : t.n10[i]!,
          flip ? t.n10[i]! : t.n01[i]!,
          t.spans[i]!,
        );
      }
    return parts;
  });
  const order = t.docIds.map((_, d) => d);
  order.sort((x, y) => {
    const a = keys[x]!;
    const b = keys[y]!;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  });
  return order;
}

/**
 * Runs the bootstrap in steps of `chunk` resamples, yielding the share done
 * after each step (so the app can paint between steps), and returns the
 * intervals.
 */
export function* bootstrapSteps(
  t: Tallies,
  options: BootstrapOptions = {},
  chunk = 50,
): Generator<number, AgreementIntervals> {
  const R = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const D = t.docIds.length;
  const order = canonicalOrder(t);
  const random = mulberry32(seed);
  const replicates: TokenFigures[] = [];
  const weights = new Float64Array(D);
  if (D >= 2) {
    for (let r = 0; r < R; r++) {
      weights.fill(0);
      for (let i = 0; i < D; i++) weights[order[Math.floor(random() * D)]!]!++;
      replicates.push(figuresFrom(t, weightedSums(t, weights)));
      if ((r + 1) % chunk === 0 && r + 1 < R) yield (r + 1) / R;
    }
  }
  const interval = (values: (number | null | undefined)[]): Interval => {
    const defined = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
    if (D < 2 || defined.length === 0) return null;
    return [quantile(defined, 0.025), quantile(defined, 0.975)];
  };
  const out: AgreementIntervals = {
    resamples: R,
    seed,
    documents: D,
    labels: {},
    macro: { alpha: interval(replicates.map((f) => f.macroAlpha)), kappa: {} },
  };
  for (const label of t.labels) {
    const kappa: Record<PairKey, Interval> = {};
    for (const key of Object.keys(replicates[0]?.kappa[label] ?? emptyPairs(t)))
      kappa[key] = interval(replicates.map((f) => f.kappa[label]![key]));
    out.labels[label] = { alpha: interval(replicates.map((f) => f.alpha[label])), kappa };
  }
  for (const key of Object.keys(emptyPairs(t)))
    out.macro.kappa[key] = interval(replicates.map((f) => f.macroKappa[key]));
  return out;
}

function emptyPairs(t: Tallies): Record<PairKey, null> {
  return Object.fromEntries(t.pairs.map(([a, b]) => [pairKey(a, b), null]));
}

/** The intervals in one go (see bootstrapSteps). */
export function bootstrapIntervals(t: Tallies, options: BootstrapOptions = {}): AgreementIntervals {
  const steps = bootstrapSteps(t, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
