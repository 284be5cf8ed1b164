// The spans behind a dashboard number: matched, overlapping or unmatched.
import { describe, expect, it } from 'vitest';
import type { AgreementDoc } from '@core/agreement/types.ts';
import { spanEvidence } from './evidence.ts';

const tokens = Array.from({ length: 20 }, (_, i) => ({ start: 2 * i, end: 2 * i + 1 }));
const docs: AgreementDoc[] = [
  {
    id: 'd1',
    tokens,
    annotations: new Map([
      [
        'A',
        [
          { start: 0, end: 5, label: 'P' },
          { start: 10, end: 15, label: 'P' },
          { start: 20, end: 25, label: 'Q' },
        ],
      ],
      [
        'B',
        [
          { start: 0, end: 5, label: 'P' },
          { start: 12, end: 19, label: 'P' },
        ],
      ],
    ]),
  },
  // Only A annotated d2: it has no place in the pair's evidence.
  { id: 'd2', tokens, annotations: new Map([['A', [{ start: 0, end: 3, label: 'P' }]]]) },
];

describe('spanEvidence', () => {
  it("marks each of a pair's spans exact, overlap or unmatched, on shared documents only", () => {
    const ev = spanEvidence(docs, ['A', 'B'], { kind: 'pair', a: 'A', b: 'B', label: 'P' });
    expect(ev.map((d) => d.docId)).toEqual(['d1']);
    expect(ev[0]!.spans.map((s) => [s.annotatorId, s.start, s.end, s.match])).toEqual([
      ['A', 0, 5, 'exact'],
      ['B', 0, 5, 'exact'],
      ['A', 10, 15, 'overlap'],
      ['B', 12, 19, 'overlap'],
    ]);
  });

  it("lists a label's spans over every annotator with who agrees exactly, on the documents alpha counts", () => {
    const ev = spanEvidence(docs, ['A', 'B'], { kind: 'label', label: null });
    const q = ev[0]!.spans.find((s) => s.label === 'Q')!;
    expect([q.match, q.agreedBy]).toEqual(['none', ['A']]);
    expect(ev[0]!.spans.find((s) => s.start === 0)!.agreedBy).toEqual(['A', 'B']);
    // d2 has only A's annotation: alpha does not count it, so neither does its evidence.
    expect(ev.map((d) => d.docId)).toEqual(['d1']);
  });
});
