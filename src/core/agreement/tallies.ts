/**
 * Token-level agreement counted per document, so that figures can be
 * recomputed for any weighting of the documents: the bootstrap
 * (bootstrap.ts) resamples documents and only re-adds these counts. With
 * every weight 1 they give exactly the kappa and alpha of compute.ts
 * (tested), and they also say how many units each figure rests on and
 * which tokens those units are (token-basis.ts).
 */
import { dedupeSpans } from './compute.ts';
import { OverlapIndex } from './overlap.ts';
import { cohenKappa } from './stats.ts';
import {
  annotatorPairs,
  spanKey,
  type AgreementSpan,
  dict,
  pairFigure,
  pairMap,
  type AgreementDoc,
  type PairFigures,
  type PairMap,
} from './types.ts';

/** Per-document counts behind kappa and alpha; see `tally`. */
export interface Tallies {
  annotators: string[];
  labels: string[];
  pairs: [string, string][];
  /** The documents at least two annotators annotated (the others count for nothing). */
  docIds: string[];
  basis: ('dataset' | 'workbench')[];
  /** Tokens of each document. */
  tokens: Float64Array;
  /** present[d * A + a]: annotator a annotated document d. */
  present: Uint8Array;
  /** Per document, pair and label, at (d * P + p) * L + l: the 2×2 table's cells. */
  n11: Float64Array;
  n10: Float64Array;
  n01: Float64Array;
  /** Spans (deduplicated) of label l of both annotators of pair p on document d. */
  spans: Float64Array;
  /** Spans of A with an exact twin in B (same extent and label), per document, pair and label. */
  exact: Float64Array;
  /** Spans of A overlapping one of B's of the label, plus the same of B's: overlap F1's numerator. */
  matched: Float64Array;
  /** Per document and label, at d * L + l: alpha's o_01, n_0 and n_1. */
  o01: Float64Array;
  m0: Float64Array;
  m1: Float64Array;
}

/** How many units a figure rests on, and which tokens they are. */
export interface Units {
  documents: number;
  tokens: number;
  /** Documents whose tokens are the dataset's, and the workbench tokenizer's. */
  token_source: { dataset: number; workbench: number };
}

/** Counts every document of `docs` for `annotators` and `labels` (the report's order). */
export function tally(
  docs: readonly AgreementDoc[],
  annotators: readonly string[],
  labels: readonly string[],
): Tallies {
  const A = annotators.length;
  const L = labels.length;
  const pairs = annotatorPairs(annotators);
  const P = pairs.length;
  const pairIdx = pairs.map(([a, b]) => [annotators.indexOf(a), annotators.indexOf(b)] as const);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  // In document id order, whatever order the documents came in: the sums
  // and the bootstrap's resamples then follow the documents, not the order
  // they were read (and a tally merged from parts, tally-merge.ts, equals
  // a fresh one).
  const kept = docs
    .filter((d) => annotators.filter((a) => d.annotations.has(a)).length >= 2)
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const D = kept.length;
  const t: Tallies = {
    annotators: [...annotators],
    labels: [...labels],
    pairs,
    docIds: kept.map((d) => d.id),
    basis: kept.map((d) => d.basis ?? 'workbench'),
    tokens: new Float64Array(D),
    present: new Uint8Array(D * A),
    n11: new Float64Array(D * P * L),
    n10: new Float64Array(D * P * L),
    n01: new Float64Array(D * P * L),
    spans: new Float64Array(D * P * L),
    exact: new Float64Array(D * P * L),
    matched: new Float64Array(D * P * L),
    o01: new Float64Array(D * L),
    m0: new Float64Array(D * L),
    m1: new Float64Array(D * L),
  };
  kept.forEach((doc, d) => {
    const { starts, ends } = boundsOf(doc);
    const n = starts.length;
    t.tokens[d] = n;
    // Only tokens some span covers need counting: a token nobody covers is
    // a 0 for everyone present (alpha's m0 = present, m1 = 0, no
    // disagreement; kappa's n00, which is the rest of the tokens). So each
    // label keeps the covered tokens only, token → which annotators cover
    // it, and the cost of a document follows its spans, not its length.
    const cover: Map<number, Uint8Array>[] = Array.from({ length: L }, () => new Map());
    const sizes: (Float64Array | null)[] = [];
    const deduped: (AgreementSpan[] | null)[] = [];
    let present = 0;
    annotators.forEach((a, ai) => {
      const spans = doc.annotations.get(a);
      if (!spans) {
        sizes.push(null);
        deduped.push(null);
        return;
      }
      present++;
      t.present[d * A + ai] = 1;
      const size = new Float64Array(L);
      const own = dedupeSpans(spans);
      deduped.push(own);
      for (const s of own) {
        const l = labelIndex.get(s.label);
        if (l === undefined) continue;
        size[l]!++;
        // The first token starting at or after the span, then on while inside.
        let lo = 0;
        let hi = n;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (starts[mid]! < s.start) lo = mid + 1;
          else hi = mid;
        }
        const byTok = cover[l]!;
        for (let k = lo; k < n && starts[k]! < s.end; k++)
          if (ends[k]! <= s.end) {
            let who = byTok.get(k);
            if (!who) byTok.set(k, (who = new Uint8Array(A)));
            who[ai] = 1;
          }
      }
      sizes.push(size);
    });
    // Covered tokens in text order, so alpha's sum adds its terms in the
    // order a pass over every token would (the others add 0).
    const order = cover.map((byTok) => [...byTok.keys()].sort((x, y) => x - y));
    for (let l = 0; l < L; l++) {
      const byTok = cover[l]!;
      let o = 0;
      let one = 0;
      for (const k of order[l]!) {
        const who = byTok.get(k)!;
        let m1 = 0;
        for (let ai = 0; ai < A; ai++) m1 += who[ai]!;
        o += ((present - m1) * m1) / (present - 1);
        one += m1;
      }
      t.o01[d * L + l] = o;
      t.m0[d * L + l] = present * n - one;
      t.m1[d * L + l] = one;
    }
    // Span F1's counts (compute.ts's, per document): exact twins and overlaps.
    const keys = deduped.map((s) => (s ? new Set(s.map(spanKey)) : null));
    const index = deduped.map((s) => (s ? new OverlapIndex(s) : null));
    pairIdx.forEach(([ia, ib], p) => {
      if (!sizes[ia] || !sizes[ib]) return;
      const base = (d * P + p) * L;
      for (const s of deduped[ia]!) {
        const l = labelIndex.get(s.label);
        if (l === undefined) continue;
        if (keys[ib]!.has(spanKey(s))) t.exact[base + l]!++;
        if (index[ib]!.overlapsAny(s)) t.matched[base + l]!++;
      }
      for (const s of deduped[ib]!) {
        const l = labelIndex.get(s.label);
        if (l !== undefined && index[ia]!.overlapsAny(s)) t.matched[base + l]!++;
      }
      for (let l = 0; l < L; l++) {
        let x11 = 0;
        let x10 = 0;
        let x01 = 0;
        for (const who of cover[l]!.values()) {
          const va = who[ia];
          const vb = who[ib];
          if (va && vb) x11++;
          else if (va) x10++;
          else if (vb) x01++;
        }
        const i = (d * P + p) * L + l;
        t.n11[i] = x11;
        t.n10[i] = x10;
        t.n01[i] = x01;
        t.spans[i] = sizes[ia]![l]! + sizes[ib]![l]!;
      }
    });
  });
  return t;
}

/** A document's token starts and ends, sorted by start. */
function boundsOf(doc: AgreementDoc): { starts: Int32Array; ends: Int32Array } {
  if (doc.bounds) {
    const b = doc.bounds;
    const n = b.length >> 1;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      starts[i] = b[2 * i]!;
      ends[i] = b[2 * i + 1]!;
    }
    return { starts, ends };
  }
  const tokens = [...doc.tokens].sort((x, y) => x.start - y.start);
  return {
    starts: Int32Array.from(tokens, (t) => t.start),
    ends: Int32Array.from(tokens, (t) => t.end),
  };
}

/**
 * Kappa per label and pair, alpha per label, and their macro means. Label
 * keys are of null-prototype objects (a label may be called `__proto__`).
 */
export interface TokenFigures {
  kappa: Record<string, PairFigures>;
  alpha: Record<string, number | null>;
  macroKappa: PairFigures;
  macroAlpha: number | null;
}

function mean(xs: readonly (number | null)[]): number | null {
  const d = xs.filter((x): x is number => x !== null);
  return d.length === 0 ? null : d.reduce((a, b) => a + b, 0) / d.length;
}

/**
 * The sums of a tally column over documents, each document counted
 * `weights[d]` times (every weight 1 when omitted).
 */
export function weightedSums(t: Tallies, weights?: ArrayLike<number>): Sums {
  const D = t.docIds.length;
  const A = t.annotators.length;
  const P = t.pairs.length;
  const L = t.labels.length;
  const s: Sums = {
    n11: new Float64Array(P * L),
    n10: new Float64Array(P * L),
    n01: new Float64Array(P * L),
    pairN: new Float64Array(P),
    spans: new Float64Array(P * L),
    exact: new Float64Array(P * L),
    matched: new Float64Array(P * L),
    o01: new Float64Array(L),
    m0: new Float64Array(L),
    m1: new Float64Array(L),
  };
  const pairIdx = t.pairs.map(([a, b]) => [t.annotators.indexOf(a), t.annotators.indexOf(b)]);
  // Span F1's counts only for the report's own sums: the bootstrap's
  // replicates resample kappa and alpha, and skip them.
  const spanF1 = !weights;
  for (let d = 0; d < D; d++) {
    const w = weights ? weights[d]! : 1;
    if (w === 0) continue;
    for (let p = 0; p < P; p++) {
      const [ia, ib] = pairIdx[p]!;
      if (!t.present[d * A + ia!] || !t.present[d * A + ib!]) continue;
      s.pairN[p]! += w * t.tokens[d]!;
      for (let l = 0; l < L; l++) {
        const i = (d * P + p) * L + l;
        const j = p * L + l;
        s.n11[j]! += w * t.n11[i]!;
        s.n10[j]! += w * t.n10[i]!;
        s.n01[j]! += w * t.n01[i]!;
        s.spans[j]! += w * t.spans[i]!;
        if (spanF1) {
          s.exact[j]! += t.exact[i]!;
          s.matched[j]! += t.matched[i]!;
        }
      }
    }
    for (let l = 0; l < L; l++) {
      s.o01[l]! += w * t.o01[d * L + l]!;
      s.m0[l]! += w * t.m0[d * L + l]!;
      s.m1[l]! += w * t.m1[d * L + l]!;
    }
  }
  return s;
}

/** Column sums over documents (see weightedSums; exact and matched only without weights). */
export interface Sums {
  n11: Float64Array;
  n10: Float64Array;
  n01: Float64Array;
  pairN: Float64Array;
  spans: Float64Array;
  exact: Float64Array;
  matched: Float64Array;
  o01: Float64Array;
  m0: Float64Array;
  m1: Float64Array;
}

/** Alpha from its sums: 1 − (n − 1)·o_01 / (n_0·n_1), null when undefined. */
export function alphaFrom(o01: number, n0: number, n1: number): number | null {
  const n = n0 + n1;
  if (n === 0 || n0 === 0 || n1 === 0) return null;
  return 1 - ((n - 1) * o01) / (n0 * n1);
}

/** Every token-level figure from column sums. */
export function figuresFrom(t: Tallies, s: Sums): TokenFigures {
  const L = t.labels.length;
  const out: TokenFigures = { kappa: dict(), alpha: dict(), macroKappa: dict(), macroAlpha: null };
  t.labels.forEach((label, l) => {
    out.alpha[label] = alphaFrom(s.o01[l]!, s.m0[l]!, s.m1[l]!);
    out.kappa[label] = pairMap(t.pairs, (_a, _b, p) => {
      const j = p * L + l;
      return cohenKappa({
        n11: s.n11[j]!,
        n10: s.n10[j]!,
        n01: s.n01[j]!,
        n00: s.pairN[p]! - s.n11[j]! - s.n10[j]! - s.n01[j]!,
      });
    });
  });
  out.macroKappa = pairMap(t.pairs, (a, b, p) => {
    const used = t.labels.filter((_, l) => s.spans[p * L + l]! > 0);
    return mean(used.map((l) => pairFigure(out.kappa[l]!, a, b) ?? null));
  });
  out.macroAlpha = mean(t.labels.map((l) => out.alpha[l]!));
  return out;
}

/** The units behind alpha (all documents counted) and behind each pair's kappa. */
export function unitsOf(t: Tallies): { alpha: Units; pairs: PairMap<Units> } {
  const A = t.annotators.length;
  const count = (keep: (d: number) => boolean): Units => {
    const u: Units = { documents: 0, tokens: 0, token_source: { dataset: 0, workbench: 0 } };
    t.docIds.forEach((_, d) => {
      if (!keep(d)) return;
      u.documents++;
      u.tokens += t.tokens[d]!;
      u.token_source[t.basis[d]!]++;
    });
    return u;
  };
  const pairs = pairMap(t.pairs, (a, b) => {
    const ia = t.annotators.indexOf(a);
    const ib = t.annotators.indexOf(b);
    return count((d) => !!t.present[d * A + ia] && !!t.present[d * A + ib]);
  });
  return { alpha: count(() => true), pairs };
}
