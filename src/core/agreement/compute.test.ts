// Token-level kappa and alpha and span F1 on documents built so that the
// counts equal hand-computed worked examples.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../tokenize.ts';
import { computeAgreement } from './compute.ts';
import { groupLines } from './from-lines.ts';
import { overlapMatched } from './overlap.ts';
import {
  overlaps,
  pairFigure,
  pairFigureValues,
  type AgreementDoc,
  type AgreementSpan,
  type TokenExtent,
} from './types.ts';

/** n one-letter tokens "x x x …": token i spans [2i, 2i+1). */
function tokens(n: number): TokenExtent[] {
  return Array.from({ length: n }, (_, i) => ({ start: 2 * i, end: 2 * i + 1 }));
}
/** A span over tokens first..last (inclusive) of `tokens()`. */
function over(first: number, last: number, label = 'X'): AgreementSpan {
  return { start: 2 * first, end: 2 * last + 1, label };
}
function doc(id: string, n: number, ann: Record<string, AgreementSpan[]>): AgreementDoc {
  return { id, tokens: tokens(n), annotations: new Map(Object.entries(ann)) };
}

describe('token-level agreement', () => {
  it('reproduces the 50-item kappa example (κ = 0.4) and alpha by hand', () => {
    // A positive on tokens 0–24, B on 0–19 and 25–34:
    // n11 = 20, n10 = 5, n01 = 10, n00 = 15 → κ = 0.4 (see stats.test.ts).
    const d = doc('d', 50, { A: [over(0, 24)], B: [over(0, 19), over(25, 34)] });
    const r = computeAgreement([d], { annotators: ['A', 'B'] });
    expect(r.labels.X!.kappa['A']!['B']).toBeCloseTo(0.4, 12);
    // α: n_0 = 25 + 20 = 45, n_1 = 25 + 30 = 55, n = 100, o_01 = 15
    // mismatching tokens → α = 1 − 99·15/(45·55) = 1 − 1485/2475 = 0.4.
    expect(r.labels.X!.alpha).toBeCloseTo(0.4, 12);
    // Exact: no shared span → 0. Overlap: A's span overlaps B's first
    // (a_matched = 1), B's first is matched, its second is not (b_matched = 1):
    // (1 + 1)/(1 + 2) = 2/3.
    expect(r.labels.X!.f1_exact['A']!['B']).toBe(0);
    expect(r.labels.X!.f1_overlap['A']!['B']).toBeCloseTo(2 / 3, 12);
    expect(r.macro.kappa['A']!['B']).toBeCloseTo(0.4, 12);
    expect(r.documents).toBe(1);
  });

  it('computes alpha across three annotators when one did not annotate a document', () => {
    // doc1 (A, B, C), doc2 (A, B only). Units (tokens) and their values:
    //   (1,1,1) (1,0,1) (0,0,0) (0,0,1) | (1,1) (0,1)
    // o_01 = 0 + 2/2 + 0 + 2/2 + 0 + 1/1 = 3; n_1 = 9, n_0 = 7, n = 16
    // α = 1 − 15·3/(7·9) = 1 − 45/63 = 2/7.
    const d1 = doc('d1', 4, {
      A: [over(0, 1)],
      B: [over(0, 0)],
      C: [over(0, 1), over(3, 3)],
    });
    const d2 = doc('d2', 2, { A: [over(0, 0)], B: [over(0, 1)] });
    const r = computeAgreement([d1, d2], { annotators: ['A', 'B', 'C'] });
    expect(r.labels.X!.alpha).toBeCloseTo(2 / 7, 12);
    // A–C compare on doc1 only: A 1100, C 1101 → n11 2, n10 0, n01 1, n00 1:
    // p_o = 3/4, p_e = (2/4)(3/4) + (2/4)(1/4) = 1/2 → κ = 0.25/0.5 = 0.5.
    expect(r.labels.X!.kappa['A']!['C']).toBeCloseTo(0.5, 12);
    // A–C exact: {0–1} vs {0–1, 3} → 2·1/(1+2) = 2/3; overlap: A's span
    // matched, C's 0–1 matched, C's 3 not → 2/3 as well.
    expect(r.labels.X!.f1_exact['A']!['C']).toBeCloseTo(2 / 3, 12);
    // A–B over both documents: exact none of {0–1, 0}, {0, 0–1} → 0;
    // overlap: all four spans matched → 4/4 = 1.
    expect(r.labels.X!.f1_exact['A']!['B']).toBe(0);
    expect(r.labels.X!.f1_overlap['A']!['B']).toBe(1);
    expect(r.documents).toBe(2);
  });

  it('counts a token only when a span covers all of it, with the workbench tokenizer', () => {
    const text = 'الحكومة العراقية تدعو إلى انسحاب القوات';
    const toks = tokenize(text);
    expect(toks.map((t) => t.text)).toHaveLength(6);
    // A covers "تدعو إلى" exactly; B starts mid-word in "العراقية" (covers
    // only its tail) and ends with "تدعو": B's positive tokens are {تدعو}.
    const a = { start: toks[2]!.start, end: toks[3]!.end, label: 'pro-withdrawal' };
    const b = { start: toks[1]!.start + 3, end: toks[2]!.end, label: 'pro-withdrawal' };
    const d: AgreementDoc = {
      id: 'd',
      tokens: toks,
      annotations: new Map([
        ['A', [a]],
        ['B', [b]],
      ]),
    };
    const r = computeAgreement([d], { annotators: ['A', 'B'] });
    // n11 = 1 (تدعو), n10 = 1 (إلى), n01 = 0, n00 = 4: p_o = 5/6,
    // p_e = (2/6)(1/6) + (4/6)(5/6) = 22/36 → κ = (30/36 − 22/36)/(14/36) = 8/14.
    expect(r.labels['pro-withdrawal']!.kappa['A']!['B']).toBeCloseTo(8 / 14, 12);
  });

  it('reports null for a label nobody used, and macro-averages only the labels used', () => {
    const d = doc('d', 10, { A: [over(0, 1, 'P')], B: [over(0, 1, 'P'), over(5, 5, 'Q')] });
    const r = computeAgreement([d], { annotators: ['A', 'B'], labels: ['P', 'Q', 'R'] });
    expect(Object.keys(r.labels)).toEqual(['P', 'Q', 'R']);
    expect(r.labels.R).toEqual({
      kappa: { A: { B: null } },
      alpha: null,
      f1_exact: { A: { B: null } },
      f1_overlap: { A: { B: null } },
    });
    expect(r.labels.P!.kappa['A']!['B']).toBe(1);
    // Q: A has no Q token, B has one: p_o = 0.9, p_e = 0·0.1 + 1·0.9 → κ = 0.
    expect(r.labels.Q!.kappa['A']!['B']).toBe(0);
    expect(r.macro.kappa['A']!['B']).toBeCloseTo(0.5, 12);
    // F1 exact: P 1, Q 0 → macro 0.5.
    expect(r.macro.f1_exact['A']!['B']).toBeCloseTo(0.5, 12);
  });

  it('ignores documents a pair did not both annotate, and gives null with one annotator', () => {
    const d1 = doc('d1', 4, { A: [over(0, 1)], B: [over(0, 1)] });
    const d2 = doc('d2', 4, { A: [over(2, 3)] });
    const r = computeAgreement([d1, d2], { annotators: ['A', 'B'] });
    expect(r.labels.X!.f1_exact['A']!['B']).toBe(1);
    expect(r.labels.X!.kappa['A']!['B']).toBe(1);
    const solo = computeAgreement([d1, d2], { annotators: ['A'] });
    expect(solo.labels.X!.alpha).toBeNull();
    expect(solo.macro.alpha).toBeNull();
  });
});

describe('agreement properties', () => {
  const N = 12;
  const spanArb = fc
    .tuple(
      fc.integer({ min: 0, max: N - 1 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom('P', 'Q'),
    )
    .map(([first, len, label]) => over(first, Math.min(N - 1, first + len), label));
  const spansArb = fc.array(spanArb, { maxLength: 5 });

  it('kappa of identical annotations is 1 whenever the label has positives and negatives', () => {
    fc.assert(
      fc.property(spansArb, (spans) => {
        const r = computeAgreement([doc('d', N, { A: spans, B: spans })], {
          annotators: ['A', 'B'],
        });
        for (const label of Object.keys(r.labels)) {
          const covered = new Set<number>();
          for (const s of spans.filter((x) => x.label === label))
            for (let t = s.start / 2; t <= (s.end - 1) / 2; t++) covered.add(t);
          const mixed = covered.size > 0 && covered.size < N;
          expect(r.labels[label]!.kappa['A']!['B']).toBe(mixed ? 1 : null);
          expect(r.labels[label]!.f1_exact['A']!['B']).toBe(1);
        }
      }),
    );
  });

  it('every pairwise figure is symmetric, F1 lies in [0, 1] and exact ≤ overlap', () => {
    fc.assert(
      fc.property(spansArb, spansArb, (a, b) => {
        const ab = computeAgreement([doc('d', N, { A: a, B: b })], { annotators: ['A', 'B'] });
        const ba = computeAgreement([doc('d', N, { B: b, A: a })], { annotators: ['B', 'A'] });
        for (const label of Object.keys(ab.labels)) {
          const x = ab.labels[label]!;
          const y = ba.labels[label]!;
          for (const k of ['kappa', 'f1_exact', 'f1_overlap'] as const) {
            if (x[k]['A']!['B'] === null) expect(y[k]['B']!['A']).toBeNull();
            else expect(y[k]['B']!['A']).toBeCloseTo(x[k]['A']!['B']!, 12);
          }
          expect(x.alpha ?? 0).toBeGreaterThanOrEqual(-1);
          expect(x.alpha ?? 0).toBeLessThanOrEqual(1);
          const e = x.f1_exact['A']!['B'];
          const o = x.f1_overlap['A']!['B'];
          if (e != null && o != null) {
            expect(e).toBeGreaterThanOrEqual(0);
            expect(o).toBeLessThanOrEqual(1);
            expect(e).toBeLessThanOrEqual(o + 1e-12);
          }
        }
      }),
    );
  });
});

describe('agreement on hostile input', () => {
  it('matches spans for overlap F1 exactly as the quadratic definition does', () => {
    const span = fc
      .tuple(fc.nat({ max: 40 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('P', 'Q', 'R'))
      .map(([start, len, label]) => ({ start, end: start + len, label }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 25 }), fc.array(span, { maxLength: 25 }), (a, b) => {
        const naive = a.map((s) => b.some((o) => o.label === s.label && overlaps(s, o)));
        expect(overlapMatched(a, b)).toEqual(naive);
      }),
      { numRuns: 500 },
    );
  });

  it('reports a label called __proto__ like any other, in the table and in the macro average', () => {
    const d = doc('d', 10, {
      A: [over(0, 1, '__proto__'), over(4, 4, 'x')],
      B: [over(0, 1, '__proto__'), over(6, 6, 'x')],
    });
    const r = computeAgreement([d], { annotators: ['A', 'B'] });
    expect(Object.keys(r.labels)).toEqual(['__proto__', 'x']);
    const proto = r.labels['__proto__']!;
    expect(proto.f1_exact['A']!['B']).toBe(1);
    expect(r.labels.x!.f1_exact['A']!['B']).toBe(0);
    // The macro average is over the two labels shown, no more, no fewer.
    expect(r.macro.f1_exact['A']!['B']).toBe(0.5);
    const json = JSON.parse(JSON.stringify(r)) as { labels: Record<string, unknown> };
    expect(Object.keys(json.labels)).toEqual(['__proto__', 'x']);
  });

  it('keeps every pair of annotators apart, whatever their ids contain', () => {
    // With "A|B" keys, (a|b, c) and (a, b|c) were both "a|b|c": 5 pairs, not 6.
    const ids = ['a|b', 'c', 'a', 'b|c'];
    const ann: Record<string, AgreementSpan[]> = {};
    ids.forEach((id, i) => (ann[id] = i < 2 ? [over(0, 1)] : [over(5, 6)]));
    const r = computeAgreement([doc('d', 10, ann)], { annotators: ids });
    expect(pairFigureValues(r.labels.X!.f1_exact)).toHaveLength(6);
    // a|b and c agree; a and b|c agree; the cross pairs do not.
    expect(pairFigure(r.labels.X!.f1_exact, 'a|b', 'c')).toBe(1);
    expect(pairFigure(r.labels.X!.f1_exact, 'a', 'b|c')).toBe(1);
    expect(pairFigure(r.labels.X!.f1_exact, 'c', 'a')).toBe(0);
    expect(pairFigure(r.labels.X!.f1_exact, 'b|c', 'a|b')).toBe(0);
  });

  it('groups a line of 200,000 spans without overflowing the stack', () => {
    // Spreading the spans into push(...) overflowed at about 125,000.
    const spans = Array.from({ length: 200_000 }, (_, i) => ({
      start: i % 1000,
      end: (i % 1000) + 1,
      label: 'X',
    }));
    const text = 'x'.repeat(1001);
    const g = groupLines([
      { annotatorId: 'A', text, spans },
      { annotatorId: 'A', text, spans: spans.slice(0, 10) },
    ]);
    expect(g.docs[0]!.annotations.get('A')).toHaveLength(200_010);
  });
});
