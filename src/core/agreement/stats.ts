/**
 * The two chance-corrected coefficients, written once from their textbook
 * definitions: Cohen's kappa from a 2×2 table, and Krippendorff's alpha
 * (nominal) from a coincidence matrix, with missing values. Token-level
 * agreement feeds them counts; tests check them against worked examples.
 */

/** A 2×2 contingency table of two raters' binary judgements. */
export interface BinaryTable {
  /** Both positive. */
  n11: number;
  /** First positive, second negative. */
  n10: number;
  /** First negative, second positive. */
  n01: number;
  /** Both negative. */
  n00: number;
}

/**
 * Cohen's kappa, (p_o − p_e) / (1 − p_e), from a 2×2 table. Returns null when
 * it is undefined: no items, or p_e = 1 (both raters gave one and the same
 * value to every item), where scikit-learn's `cohen_kappa_score` gives NaN.
 */
export function cohenKappa(t: BinaryTable): number | null {
  const n = t.n11 + t.n10 + t.n01 + t.n00;
  if (n === 0) return null;
  const po = (t.n11 + t.n00) / n;
  const a1 = (t.n11 + t.n10) / n;
  const b1 = (t.n11 + t.n01) / n;
  const pe = a1 * b1 + (1 - a1) * (1 - b1);
  if (pe >= 1 - 1e-12) return null;
  return (po - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha for nominal data. `units[u][c]` is the value coder c
 * gave unit u, or null when missing. Only pairable values count (units with
 * at least two values). Returns null when undefined: no pairable values, or
 * a single value throughout (expected disagreement 0).
 */
export function krippendorffAlphaNominal(
  units: readonly (readonly (number | string | null)[])[],
): number | null {
  // Coincidence matrix o[c][k] = Σ_u (ordered c–k pairs in u) / (m_u − 1).
  const o = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number): void => {
    let row = o.get(c);
    if (!row) o.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + w);
  };
  for (const unit of units) {
    const values = unit.filter((v): v is number | string => v !== null).map(String);
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) if (i !== j) add(values[i]!, values[j]!, 1 / (m - 1));
  }
  const nc = new Map<string, number>();
  let n = 0;
  let disagreeObserved = 0;
  for (const [c, row] of o) {
    for (const [k, w] of row) {
      nc.set(c, (nc.get(c) ?? 0) + w);
      n += w;
      if (c !== k) disagreeObserved += w;
    }
  }
  if (n === 0) return null;
  let disagreeExpected = 0;
  for (const [c, a] of nc) for (const [k, b] of nc) if (c !== k) disagreeExpected += a * b;
  if (disagreeExpected === 0) return null;
  return 1 - ((n - 1) * disagreeObserved) / disagreeExpected;
}

/**
 * Running sums for binary nominal alpha over many units, without building
 * the units: add each unit's counts of negative and positive values.
 */
export class BinaryAlphaAccumulator {
  /** o_01: the weighted count of 0–1 pairs (= o_10). */
  private o01 = 0;
  private n0 = 0;
  private n1 = 0;

  /** Adds one unit with `m0` negative and `m1` positive values. */
  add(m0: number, m1: number): void {
    const m = m0 + m1;
    if (m < 2) return;
    this.o01 += (m0 * m1) / (m - 1);
    this.n0 += m0;
    this.n1 += m1;
  }

  /** 1 − (n − 1)·o_01 / (n_0·n_1); null when undefined (see krippendorffAlphaNominal). */
  value(): number | null {
    const n = this.n0 + this.n1;
    if (n === 0 || this.n0 === 0 || this.n1 === 0) return null;
    return 1 - ((n - 1) * this.o01) / (this.n0 * this.n1);
  }
}

/**
 * Cohen's kappa over nominal categories: `pairs[i]` holds the two raters'
 * categories for item i. p_o is the share of items where they agree, p_e =
 * Σ_k p_A(k)·p_B(k) from each rater's own marginals; κ = (p_o − p_e) / (1 −
 * p_e), as `sklearn.metrics.cohen_kappa_score(a, b)`. Null when undefined:
 * no items, or p_e = 1 (both raters gave one and the same category to every
 * item).
 */
export function cohenKappaNominal(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
    if (x === y) agree++;
  }
  let pe = 0;
  for (const [k, ca] of a) pe += (ca / n) * ((b.get(k) ?? 0) / n);
  if (pe >= 1 - 1e-12) return null;
  return (agree / n - pe) / (1 - pe);
}
