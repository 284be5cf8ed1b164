// Cohen's kappa and Krippendorff's alpha against textbook worked examples,
// each recomputed by hand in the comments.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BinaryAlphaAccumulator, cohenKappa, krippendorffAlphaNominal } from './stats.ts';

describe("Cohen's kappa", () => {
  it('matches the worked examples (Wikipedia, "Cohen\'s kappa")', () => {
    // 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
    // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 = 0.4.
    expect(cohenKappa({ n11: 20, n10: 5, n01: 10, n00: 15 })).toBeCloseTo(0.4, 12);
    // p_o = 0.6; p_e = 0.6·0.7 + 0.4·0.3 = 0.54; κ = 0.06/0.46 = 0.130435.
    expect(cohenKappa({ n11: 45, n10: 15, n01: 25, n00: 15 })).toBeCloseTo(0.06 / 0.46, 12);
    // p_o = 0.6; p_e = 0.6·0.3 + 0.4·0.7 = 0.46; κ = 0.14/0.54 = 0.259259.
    expect(cohenKappa({ n11: 25, n10: 35, n01: 5, n00: 35 })).toBeCloseTo(0.14 / 0.54, 12);
  });

  it('is 1 for perfect agreement, 0 when one rater is constant, undefined when p_e = 1', () => {
    expect(cohenKappa({ n11: 3, n10: 0, n01: 0, n00: 7 })).toBe(1);
    // p_o = 0.7, p_e = 0.3·0 + 0.7·1 = 0.7 → κ = 0.
    expect(cohenKappa({ n11: 0, n10: 3, n01: 0, n00: 7 })).toBe(0);
    expect(cohenKappa({ n11: 0, n10: 0, n01: 0, n00: 10 })).toBeNull();
    expect(cohenKappa({ n11: 10, n10: 0, n01: 0, n00: 0 })).toBeNull();
    expect(cohenKappa({ n11: 0, n10: 0, n01: 0, n00: 0 })).toBeNull();
  });
});

describe("Krippendorff's alpha (nominal)", () => {
  it('gives 0.743 on the 4 coders × 12 units example with missing values (Krippendorff 2011, C)', () => {
    const _ = null;
    const coders = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    const units = coders[0]!.map((_v, u) => coders.map((c) => c[u]!));
    // Unit 12 has one value and drops out: n = 40 pairable values with
    // n_1..n_5 = 9, 13, 10, 5, 3. Off-diagonal coincidences Σ o_ck = 8;
    // Σ_{c≠k} n_c·n_k = 40² − (81 + 169 + 100 + 25 + 9) = 1216.
    // α = 1 − (n − 1)·8/1216 = 1 − 312/1216 = 0.7434 (the paper: 0.743).
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(1 - 312 / 1216, 12);
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3);
  });

  it('gives 0.095 on the binary 2 coders × 10 units example (Krippendorff 2011, A)', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    // o_01 = 4 mismatching units; n_0 = 14, n_1 = 6, n = 20:
    // α = 1 − 19·4/(14·6) = 1 − 76/84 = 0.0952.
    const units = a.map((v, i) => [v, b[i]!]);
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(1 - 76 / 84, 12);
    const acc = new BinaryAlphaAccumulator();
    for (const u of units)
      acc.add(u.filter((v) => v === 0).length, u.filter((v) => v === 1).length);
    expect(acc.value()).toBeCloseTo(1 - 76 / 84, 12);
  });

  it('is undefined with a single coder or a single value throughout', () => {
    expect(krippendorffAlphaNominal([[1], [0], [1]])).toBeNull();
    expect(
      krippendorffAlphaNominal([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
    const acc = new BinaryAlphaAccumulator();
    acc.add(0, 1);
    expect(acc.value()).toBeNull();
  });

  it('the binary accumulator equals the general formula, and alpha lies in [-1, 1]', () => {
    const unit = fc.array(fc.constantFrom<number | null>(0, 1, null), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 40 }), (units) => {
        const general = krippendorffAlphaNominal(units);
        const acc = new BinaryAlphaAccumulator();
        for (const u of units)
          acc.add(u.filter((v) => v === 0).length, u.filter((v) => v === 1).length);
        const fast = acc.value();
        if (general === null) expect(fast).toBeNull();
        else {
          expect(fast).toBeCloseTo(general, 9);
          expect(general).toBeGreaterThanOrEqual(-1);
          expect(general).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
