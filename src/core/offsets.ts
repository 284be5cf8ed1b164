/**
 * The one place where UTF-16 code-unit offsets (what JavaScript strings, the
 * DOM and browsers count) are converted to and from Unicode code-point
 * offsets (what Python's `str` indexes count, and what every stored and
 * exported offset in Stance Workbench uses). Nothing else converts.
 */

/** Number of code points in `text` (Python's `len(text)`). */
export function cpLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/**
 * True when `text` holds an astral character (two UTF-16 units for one
 * code point): when false, code-point offsets equal UTF-16 indexes. A
 * cheaper test than building an OffsetMap, for hot paths.
 */
export function hasAstral(text: string): boolean {
  return ASTRAL.test(text);
}

/**
 * Maps between UTF-16 and code-point offsets of one text. Texts without
 * astral characters (the common case for Arabic news) map 1:1 at no cost;
 * otherwise a sorted table of astral positions gives O(log n) lookups.
 */
export class OffsetMap {
  /** UTF-16 indexes of the high surrogate of every astral character. */
  private readonly astral: number[] = [];
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: number;
  /** Length of the text in code points. */
  readonly cpLength: number;

  constructor(readonly text: string) {
    // The native regex scan is cheaper than the loop for the common text
    // with no astral character at all (the export builds one map per line).
    if (hasAstral(text))
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            this.astral.push(i);
            i++;
          }
        }
      }
    this.utf16Length = text.length;
    this.cpLength = text.length - this.astral.length;
  }

  /** True when every code point is one UTF-16 unit. */
  get isBmpOnly(): boolean {
    return this.astral.length === 0;
  }

  /**
   * Code-point offset of UTF-16 offset `u`. An offset that falls between
   * the two halves of a surrogate pair is rounded down to the character.
   */
  toCodePoint(u: number): number {
    const clamped = Math.max(0, Math.min(u, this.utf16Length));
    // Every astral character starting before `clamped` took two units for one
    // code point. When `clamped` splits a pair this also yields the index of
    // that character, i.e. it rounds down.
    return clamped - lowerBound(this.astral, clamped);
  }

  /** UTF-16 offset of code-point offset `cp` (clamped to the text). */
  toUtf16(cp: number): number {
    const clamped = Math.max(0, Math.min(cp, this.cpLength));
    // Find how many astral characters start before code point `clamped`:
    // the astral char with index j starts at code point astral[j] - j.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid]! - mid < clamped) lo = mid + 1;
      else hi = mid;
    }
    return clamped + lo;
  }

  /** Slice the text by code-point offsets (Python's `text[start:end]`). */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/** Number of elements of sorted `arr` strictly less than `x`. */
function lowerBound(arr: readonly number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Python-style `text[start:end]` with code-point offsets. */
export function cpSlice(text: string, start: number, end: number): string {
  return new OffsetMap(text).slice(start, end);
}

/** Code-point offset → UTF-16 offset, for one-off conversions. */
export function cpToUtf16(text: string, cp: number): number {
  return new OffsetMap(text).toUtf16(cp);
}

/** UTF-16 offset → code-point offset, for one-off conversions. */
export function utf16ToCp(text: string, u: number): number {
  return new OffsetMap(text).toCodePoint(u);
}
