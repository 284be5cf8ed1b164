/**
 * Summary statistics for benchmark samples. Percentiles use linear
 * interpolation between closest ranks (NumPy's default), so p50 equals the
 * median.
 */

/** The q-th percentile (0–100) of `samples`; NaN for no samples. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const pos = ((sorted.length - 1) * Math.min(100, Math.max(0, q))) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** The median of `samples`. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** What a figure reports: its median over runs, and the runs themselves. */
export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number[];
}

/** Median, p95, min and max of `samples`, keeping the samples. */
export function summarize(samples: readonly number[]): Summary {
  return {
    median: median(samples),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: [...samples],
  };
}

/** Rounds to `digits` significant digits for reports. */
export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const m = 10 ** (digits - Math.ceil(Math.log10(Math.abs(x))));
  return Math.round(x * m) / m;
}
