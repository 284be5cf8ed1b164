/**
 * Search folding for Arabic: a query and a text match when they differ only
 * in diacritics (tashkeel), tatweel, alef variants (أ إ آ ٱ ا), alef maqsura
 * and yeh (ى ي), or teh marbuta and heh (ة ه). Latin is case-folded.
 * The per-code-point form (`foldCodePoint`) serves the suggestion matcher
 * (src/core/suggest/normalize.ts), which must map folded text back to the
 * text as written.
 */

const TASHKEEL_AND_TATWEEL = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/gu;
const ALEF = /[\u0622\u0623\u0625\u0671]/gu;

/** Folds `text` for diacritic- and variant-insensitive search. */
export function foldArabic(text: string): string {
  return text
    .normalize('NFC')
    .replace(TASHKEEL_AND_TATWEEL, '')
    .replace(ALEF, '\u0627')
    .replace(/\u0649/gu, '\u064a')
    .replace(/\u0629/gu, '\u0647')
    .toLowerCase();
}

/** True when every whitespace-separated term of `query` occurs in `text` after folding. */
export function matchesQuery(foldedText: string, query: string): boolean {
  const terms = foldArabic(query).split(/\s+/u).filter(Boolean);
  return terms.every((t) => foldedText.includes(t));
}

/** True for the code points `foldArabic` drops: tashkeel and tatweel. */
export function isTashkeelOrTatweel(cp: number): boolean {
  return (
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06ed) ||
    cp === 0x0640
  );
}

/**
 * The letter folds of `foldArabic` for one code point: alef variants → ا,
 * ى → ي, ة → ه; any other code point is returned unchanged.
 */
export function foldArabicLetter(cp: number): number {
  switch (cp) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
      return 0x0627;
    case 0x0649:
      return 0x064a;
    case 0x0629:
      return 0x0647;
    default:
      return cp;
  }
}

/**
 * `foldArabic` for one code point of text already in NFC: '' for tashkeel
 * and tatweel, else the folded and lower-cased character (which may be
 * longer than one code unit, e.g. İ → i̇). Folding a text code point by code
 * point gives `foldArabic(text)` except where lower-casing depends on the
 * neighbours (Greek final sigma).
 */
export function foldCodePoint(cp: number): string {
  if (isTashkeelOrTatweel(cp)) return '';
  const f = foldArabicLetter(cp);
  if (f < 0x80) return String.fromCharCode(f >= 0x41 && f <= 0x5a ? f + 32 : f);
  if (f >= 0x0600 && f <= 0x06ff) return String.fromCharCode(f);
  return String.fromCodePoint(f).toLowerCase();
}

/**
 * One code point (as a string) folded as `foldArabic` folds it: '' for
 * tashkeel and tatweel. It skips NFC, so a caller folding a text code point
 * by code point keeps the text's own offsets. (`foldCodePoint` by string.)
 */
export function foldArabicChar(ch: string): string {
  const cp = ch.codePointAt(0);
  return cp === undefined ? '' : foldCodePoint(cp);
}
