// Disagreement classification and the adjudication helpers on one document.
import { describe, expect, it } from 'vitest';
import { agreedSpans, candidates, provenanceOf } from './adjudicate.ts';
import { classifyDisagreements } from './disagreements.ts';
import type { AgreementSpan } from './types.ts';

const s = (start: number, end: number, label = 'P'): AgreementSpan => ({ start, end, label });

describe('classifyDisagreements', () => {
  it('tells apart agreement, missing spans, label and extent disagreements', () => {
    const r = classifyDisagreements(
      new Map([
        ['A', [s(0, 5), s(10, 15), s(20, 30, 'P'), s(40, 50)]],
        ['B', [s(0, 5), s(20, 30, 'Q'), s(42, 50)]],
        ['C', [s(0, 5), s(20, 30, 'P'), s(40, 50)]],
      ]),
    );
    expect(r.regions.map((g) => [g.start, g.end, g.kinds, g.absent])).toEqual([
      [0, 5, [], []],
      [10, 15, ['missing'], ['B', 'C']],
      [20, 30, ['label'], []],
      [40, 50, ['extent'], []],
    ]);
    expect(r.score).toBe(3);
    expect(r.counts).toEqual({ missing: 1, label: 1, extent: 1 });
  });

  it('finds nothing to disagree about with a single annotator', () => {
    const r = classifyDisagreements(new Map([['A', [s(0, 5)]]]));
    expect(r.score).toBe(0);
    expect(r.regions[0]!.kinds).toEqual([]);
  });

  it('marks an annotator with no spans at all as missing everywhere', () => {
    const r = classifyDisagreements(
      new Map([
        ['A', [s(0, 5)]],
        ['B', []],
      ]),
    );
    expect(r.regions[0]!.kinds).toEqual(['missing']);
    expect(r.regions[0]!.absent).toEqual(['B']);
  });
});

describe('adjudication helpers', () => {
  const ann = new Map([
    ['A', [s(0, 5), s(10, 15), s(10, 15)]],
    ['B', [s(0, 5), s(10, 15, 'Q')]],
    ['C', [s(0, 5), s(10, 15)]],
    ['gold', [s(0, 5)]],
  ]);

  it('lists distinct spans with who proposed each, skipping gold', () => {
    expect(candidates(ann, ['gold']).map((c) => [c.key, c.annotators])).toEqual([
      ['0:5:P', ['A', 'B', 'C']],
      ['10:15:P', ['A', 'C']],
      ['10:15:Q', ['B']],
    ]);
  });

  it('accepts the spans at least N annotators agree on exactly', () => {
    expect(agreedSpans(ann, 3, ['gold']).map((c) => c.key)).toEqual(['0:5:P']);
    expect(agreedSpans(ann, 2, ['gold']).map((c) => c.key)).toEqual(['0:5:P', '10:15:P']);
    expect(provenanceOf(ann, s(10, 15), ['gold'])).toEqual(['A', 'C']);
  });
});
