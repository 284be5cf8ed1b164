/**
 * Where annotators disagree on one document. Spans of all annotators are
 * grouped into regions (maximal runs of overlapping spans); a region is a
 * disagreement unless every annotator has exactly the same spans in it. A
 * disagreeing region says how: some annotators have no span there
 * (`missing`), the same extent carries different labels (`label`), or
 * extents overlap but differ (`extent`). The count of disagreeing regions is
 * the document's disagreement score, by which the dashboard sorts.
 */
import { dedupeSpans } from './compute.ts';
import { overlaps, spanKey, type AgreementSpan } from './types.ts';

export type DisagreementKind = 'missing' | 'label' | 'extent';

/** One annotator's span inside a region. */
export interface RegionSpan extends AgreementSpan {
  annotatorId: string;
}

/** A maximal run of overlapping spans from any annotators. */
export interface Region {
  start: number;
  end: number;
  spans: RegionSpan[];
  /** Annotators of the document with no span in this region. */
  absent: string[];
  /** Empty when every annotator has the same spans here. */
  kinds: DisagreementKind[];
}

export interface DocDisagreement {
  /** Every region, agreeing or not, in text order. */
  regions: Region[];
  /** Number of regions with a disagreement: the document's score. */
  score: number;
  /** How many disagreeing regions have each kind. */
  counts: Record<DisagreementKind, number>;
}

/**
 * Classifies the disagreements on one document. `annotations` maps each
 * annotator who annotated the document to their spans; with fewer than two
 * annotators nothing can disagree.
 */
export function classifyDisagreements(
  annotations: ReadonlyMap<string, readonly AgreementSpan[]>,
): DocDisagreement {
  const annotators = [...annotations.keys()];
  const all: RegionSpan[] = [];
  for (const [annotatorId, spans] of annotations)
    for (const s of dedupeSpans(spans))
      all.push({ annotatorId, start: s.start, end: s.end, label: s.label });
  all.sort((a, b) => a.start - b.start || a.end - b.end);

  const regions: Region[] = [];
  let cur: RegionSpan[] = [];
  let curEnd = -Infinity;
  const flush = (): void => {
    if (cur.length > 0) regions.push(makeRegion(cur, annotators));
    cur = [];
  };
  for (const s of all) {
    if (s.start >= curEnd) {
      flush();
      curEnd = s.end;
    } else curEnd = Math.max(curEnd, s.end);
    cur.push(s);
  }
  flush();

  const counts: Record<DisagreementKind, number> = { missing: 0, label: 0, extent: 0 };
  let score = 0;
  if (annotators.length >= 2) {
    for (const r of regions) {
      if (r.kinds.length > 0) score++;
      for (const k of r.kinds) counts[k]++;
    }
  } else {
    for (const r of regions) r.kinds = [];
  }
  return { regions, score, counts };
}

function makeRegion(spans: RegionSpan[], annotators: readonly string[]): Region {
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  const keysBy = new Map<string, Set<string>>(annotators.map((a) => [a, new Set()]));
  for (const s of spans) keysBy.get(s.annotatorId)?.add(spanKey(s));
  const absent = annotators.filter((a) => keysBy.get(a)!.size === 0);
  const kinds: DisagreementKind[] = [];
  const sets = [...keysBy.values()].map((s) => [...s].sort().join(','));
  const unanimous = sets.every((s) => s === sets[0]);
  if (!unanimous) {
    if (absent.length > 0) kinds.push('missing');
    let label = false;
    let extent = false;
    for (let i = 0; i < spans.length; i++) {
      for (let j = i + 1; j < spans.length; j++) {
        const a = spans[i]!;
        const b = spans[j]!;
        if (a.annotatorId === b.annotatorId || !overlaps(a, b)) continue;
        if (a.start === b.start && a.end === b.end) {
          if (a.label !== b.label) label = true;
        } else extent = true;
      }
    }
    if (label) kinds.push('label');
    if (extent) kinds.push('extent');
  }
  return { start, end, spans, absent, kinds };
}
