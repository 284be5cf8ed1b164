/** Number formatting shared by the dashboard's parts. */

/** Three decimals, or an em dash for an undefined figure. */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const s = x.toFixed(3);
  return s === '-0.000' ? '0.000' : s;
}

/** Mean of the defined values, or null. */
export function meanOf(xs: readonly (number | null | undefined)[]): number | null {
  const d = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return d.length === 0 ? null : d.reduce((a, b) => a + b, 0) / d.length;
}
