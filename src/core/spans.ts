/**
 * Pure helpers over spans: reading order, which spans cover a point, lanes
 * for stacked underlines of overlapping spans, and resizing by whole tokens.
 */
import type { SpanRecord } from './model.ts';
import { tokenIndexAt, type Token } from './tokenize.ts';

type Extent = Pick<SpanRecord, 'start' | 'end'>;

/** Reading order: by start, longer first, then by creation. */
export function compareReadingOrder(
  a: Extent & { createdAt?: number; id?: string },
  b: Extent & { createdAt?: number; id?: string },
): number {
  return (
    a.start - b.start ||
    b.end - a.end ||
    (a.createdAt ?? 0) - (b.createdAt ?? 0) ||
    (a.id ?? '').localeCompare(b.id ?? '')
  );
}

/** The spans covering code point `cp` (start <= cp < end), shortest first. */
export function spansCovering<T extends Extent>(spans: readonly T[], cp: number): T[] {
  return spans
    .filter((s) => s.start <= cp && cp < s.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

/**
 * Gives every span a lane (0, 1, 2…) such that spans that overlap never
 * share one, so their underlines stack instead of hiding each other.
 * `spans` must be in reading order.
 */
export function assignLanes<T extends Extent & { id: string }>(
  spans: readonly T[],
): Map<string, number> {
  const lanes = new Map<string, number>();
  const laneEnds: number[] = [];
  for (const s of spans) {
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = s.end;
    lanes.set(s.id, lane);
  }
  return lanes;
}

/**
 * Moves one edge of a span by one token (`delta` +1 = towards the end of
 * the text). Returns null when the span would become empty or leave the text.
 */
export function resizeByToken(
  tokens: readonly Token[],
  span: Extent,
  edge: 'start' | 'end',
  delta: 1 | -1,
): Extent | null {
  if (edge === 'end') {
    if (delta === 1) {
      const next = tokenIndexAt(tokens, span.end);
      const t = tokens[next];
      return t ? { start: span.start, end: t.end } : null;
    }
    // Shrink: the end moves to the end of the token before the last one.
    const last = tokenIndexAt(tokens, span.end - 1);
    const prev = tokens[last - 1];
    return prev && prev.end > span.start ? { start: span.start, end: prev.end } : null;
  }
  if (delta === -1) {
    const first = tokenIndexAt(tokens, span.start);
    const prev = tokens[first - 1];
    return prev ? { start: prev.start, end: span.end } : null;
  }
  const first = tokenIndexAt(tokens, span.start);
  const next = tokens[first + 1];
  return next && next.start < span.end ? { start: next.start, end: span.end } : null;
}
