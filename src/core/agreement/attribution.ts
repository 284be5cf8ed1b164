/**
 * Agreement on attribution: for the spans two annotators both marked (same
 * document and label, overlapping: the overlap rule of docs/agreement.md,
 * paired one to one), how often they chose the same holder, the same
 * attribution kind and the same target, and Cohen's kappa over holders and
 * over attribution kinds. Definitions in docs/agreement.md ("Attribution").
 */
import { holderKey, type HolderFields } from '../actors/holder.ts';
import { ActorIndex, foldName } from '../actors/model.ts';
import type { ActorRecord, AttributionKind } from '../model.ts';
import { cohenKappaNominal } from './stats.ts';
import { annotatorPairs, overlaps, pairKey, type AgreementSpan, type PairKey } from './types.ts';

/** A span with its attribution, as attribution agreement compares it. */
export interface AttributedSpan extends AgreementSpan {
  /** The holder key (src/core/actors/holder.ts): `actor:<id>`, `text:<folded>` or `none`. */
  holder: string;
  attribution: AttributionKind | null;
  /** The target, folded (null: none). */
  target: string | null;
}

/** One document: annotator → their attributed spans (an annotator is a key iff they annotated it). */
export interface AttributionDoc {
  id: string;
  annotations: ReadonlyMap<string, readonly AttributedSpan[]>;
}

/** The figures of one pair of annotators. */
export interface PairAttribution {
  /** Span pairs matched (same document and label, overlapping, one to one). */
  matched: number;
  /** Matched pairs with the same holder (both `none` included). */
  sameHolder: number;
  /** sameHolder / matched; null when nothing matched. */
  holderAgreement: number | null;
  /** Cohen's kappa over the holders of the matched pairs; null when undefined. */
  holderKappa: number | null;
  sameAttribution: number;
  attributionAgreement: number | null;
  attributionKappa: number | null;
  sameTarget: number;
  targetAgreement: number | null;
}

/** The report: one entry per pair, `A|B` with A before B in `annotators`. */
export interface AttributionReport {
  annotators: string[];
  pairs: Record<PairKey, PairAttribution>;
}

/** The one-to-one pairs of `a` and `b` spans of a label that overlap, best first. */
export function matchSpans<T extends AgreementSpan>(a: readonly T[], b: readonly T[]): [T, T][] {
  const candidates: { i: number; j: number; score: number }[] = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      if (x.label !== y.label || !overlaps(x, y)) return;
      const inter = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      const union = Math.max(x.end, y.end) - Math.min(x.start, y.start);
      // An exact extent first, then the largest share of the two spans in common.
      const exact = x.start === y.start && x.end === y.end ? 1 : 0;
      candidates.push({ i, j, score: exact + inter / union });
    }),
  );
  candidates.sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: [T, T][] = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    out.push([a[c.i]!, b[c.j]!]);
  }
  return out;
}

const share = (k: number, n: number): number | null => (n === 0 ? null : k / n);

/** Attribution agreement over `docs` for every pair of `annotators`. */
export function computeAttributionAgreement(
  docs: readonly AttributionDoc[],
  annotators: readonly string[],
): AttributionReport {
  const pairs: Record<PairKey, PairAttribution> = {};
  for (const [x, y] of annotatorPairs(annotators)) {
    const holders: [string, string][] = [];
    const kinds: [string, string][] = [];
    let sameTarget = 0;
    for (const d of docs) {
      const a = d.annotations.get(x);
      const b = d.annotations.get(y);
      if (!a || !b) continue;
      for (const [p, q] of matchSpans(a, b)) {
        holders.push([p.holder, q.holder]);
        kinds.push([p.attribution ?? 'none', q.attribution ?? 'none']);
        if (p.target === q.target) sameTarget++;
      }
    }
    const n = holders.length;
    const sameHolder = holders.filter(([p, q]) => p === q).length;
    const sameAttribution = kinds.filter(([p, q]) => p === q).length;
    pairs[pairKey(x, y)] = {
      matched: n,
      sameHolder,
      holderAgreement: share(sameHolder, n),
      holderKappa: cohenKappaNominal(holders),
      sameAttribution,
      attributionAgreement: share(sameAttribution, n),
      attributionKappa: cohenKappaNominal(kinds),
      sameTarget,
      targetAgreement: share(sameTarget, n),
    };
  }
  return { annotators: [...annotators], pairs };
}

/** A stored span as attribution agreement reads it. */
export type HolderSpan = AgreementSpan & HolderFields & { target?: string | null };

/**
 * Attribution documents from docId → annotatorId → spans (an annotator is a
 * key when they annotated the document, as the Review view's data holds
 * them): holders keyed against `actors` (a free-text holder that is one
 * actor's name counts as that actor), targets folded.
 */
export function attributionDocs(
  annotations: ReadonlyMap<string, ReadonlyMap<string, readonly HolderSpan[]>>,
  actors: readonly ActorRecord[],
): AttributionDoc[] {
  const index = new ActorIndex(actors);
  const out: AttributionDoc[] = [];
  for (const [id, byAnnotator] of annotations) {
    const ann = new Map<string, AttributedSpan[]>();
    for (const [annotatorId, spans] of byAnnotator)
      ann.set(
        annotatorId,
        spans.map((s) => ({
          start: s.start,
          end: s.end,
          label: s.label,
          holder: holderKey(s, index),
          attribution: s.attribution ?? null,
          target: s.target ? foldName(s.target) || null : null,
        })),
      );
    out.push({ id, annotations: ann });
  }
  return out;
}
