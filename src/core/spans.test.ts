import { describe, expect, it } from 'vitest';
import { assignLanes, compareReadingOrder, resizeByToken, spansCovering } from './spans.ts';
import { tokenize } from './tokenize.ts';

const span = (id: string, start: number, end: number) => ({ id, start, end });

describe('span helpers', () => {
  it('orders spans for reading and gives overlapping spans different lanes', () => {
    const spans = [span('c', 10, 20), span('a', 0, 15), span('b', 0, 5), span('d', 16, 18)].sort(
      compareReadingOrder,
    );
    expect(spans.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    const lanes = assignLanes(spans);
    expect(lanes.get('a')).toBe(0);
    expect(lanes.get('b')).toBe(1);
    expect(lanes.get('c')).toBe(1);
    expect(lanes.get('d')).toBe(0);
    expect(spansCovering(spans, 3).map((s) => s.id)).toEqual(['b', 'a']);
    expect(spansCovering(spans, 15).map((s) => s.id)).toEqual(['c']);
  });

  it('resizes an edge by whole tokens and never empties a span', () => {
    const text = 'قال الكاظمي إن القوات';
    const tokens = tokenize(text);
    const s = { start: 4, end: 11 }; // الكاظمي
    expect(resizeByToken(tokens, s, 'end', 1)).toEqual({ start: 4, end: 14 });
    expect(resizeByToken(tokens, s, 'start', -1)).toEqual({ start: 0, end: 11 });
    expect(resizeByToken(tokens, s, 'end', -1)).toBeNull();
    expect(resizeByToken(tokens, { start: 4, end: 14 }, 'start', 1)).toEqual({
      start: 12,
      end: 14,
    });
  });
});
