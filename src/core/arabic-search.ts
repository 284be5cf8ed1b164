/**
 * Search folding for Arabic: a query and a text match when they differ only
 * in diacritics (tashkeel), tatweel, alef variants (أ إ آ ٱ ا), alef maqsura
 * and yeh (ى ي), or teh marbuta and heh (ة ه). Latin is case-folded.
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

const DROPPED_CHAR = /^[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]$/u;
const ALEF_CHAR = /^[\u0622\u0623\u0625\u0671]$/u;

/**
 * One code point folded as `foldArabic` folds it: '' for tashkeel and
 * tatweel. It skips NFC, so a caller folding a text code point by code
 * point keeps the text's own offsets.
 */
export function foldArabicChar(ch: string): string {
  if (DROPPED_CHAR.test(ch)) return '';
  if (ALEF_CHAR.test(ch)) return '\u0627';
  if (ch === '\u0649') return '\u064a';
  if (ch === '\u0629') return '\u0647';
  return ch.toLowerCase();
}
