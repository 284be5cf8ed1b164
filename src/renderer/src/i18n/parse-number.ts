/**
 * Reads a number an analyst typed, in either digit set: Western 0–9,
 * Arabic-Indic ٠–٩ or Eastern Arabic-Indic ۰–۹ (Persian keyboards), with a
 * point, the Arabic decimal separator ٫ or a comma as the decimal mark. A
 * browser's number input shows and accepts only Western digits, so fields
 * that must follow the digits setting are text fields read through this.
 */

/** The value of a typed decimal number, or null when it is not one. */
export function parseDecimal(typed: string): number | null {
  const western = typed
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u066b,]/g, '.')
    .replace(/^[\u2212\u002d]/, '-');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(western)) return null;
  const v = Number(western);
  return Number.isFinite(v) ? v : null;
}
