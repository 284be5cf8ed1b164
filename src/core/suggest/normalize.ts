/**
 * The Arabic normalizer of the suggestion matcher. Folding is that of the
 * document search (src/core/arabic-search.ts: tashkeel and tatweel ignored,
 * أ إ آ ٱ → ا, ى → ي, ة → ه, Latin lower-cased), applied code point by code
 * point so that every folded position maps back to the text as written, in
 * code points. Words are maximal runs of letters, marks and digits; a word's
 * extent covers it as written (its diacritics included), and the gap before
 * it is "hard" when it holds clause punctuation or a line break, so a
 * phrase never matches across a sentence break it did not have. Attached
 * prefixes (و ف ب ك ل, ال) are handled in stems.ts.
 */
import { foldArabicLetter, foldCodePoint, isTashkeelOrTatweel } from '../arabic-search.ts';

/** A text folded for matching, with the way back to the text as written. */
export interface FoldedText {
  /** The folded text. */
  folded: string;
  /**
   * For each UTF-16 unit of `folded`, the code-point offset in the source
   * of the character it came from.
   */
  sourceStart: Int32Array;
  /** For each UTF-16 unit of `folded`, the code-point offset just after that character. */
  sourceEnd: Int32Array;
}

/** Folds `text` code point by code point, remembering where each folded unit came from. */
export function foldWithMap(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    const f = foldCodePoint(c);
    for (let k = 0; k < f.length; k++) {
      starts.push(cp);
      ends.push(cp + 1);
    }
    folded += f;
    cp++;
  }
  return { folded, sourceStart: Int32Array.from(starts), sourceEnd: Int32Array.from(ends) };
}

/**
 * The code-point extent in the source of the folded range `[from, to)`:
 * from the character that gave unit `from` to the end of the one that gave
 * unit `to - 1`. Characters folding to nothing at the edges (a trailing
 * diacritic) are left out. Null for an empty or out-of-range range.
 */
export function sourceRange(
  f: FoldedText,
  from: number,
  to: number,
): { start: number; end: number } | null {
  if (from < 0 || to > f.folded.length || to <= from) return null;
  return { start: f.sourceStart[from]!, end: f.sourceEnd[to - 1]! };
}

// Character classes, per BMP code unit, computed once on first use.
const OTHER = 0;
const WORD = 1;
const HARD = 2;
const QUOTE = 3;
const HARD_CHARS = '.,،؛;؟?!:…۔\n\r\u2028\u2029\u0085';
/** Quotation marks: reported speech starts or ends there (a clause break, not a phrase break). */
const QUOTE_CHARS = '"«»“”„‟';
let classes: Uint8Array | null = null;

function classTable(): Uint8Array {
  if (classes) return classes;
  const t = new Uint8Array(0x10000);
  const word = /[\p{L}\p{M}\p{N}\u200c\u200d]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (word.test(String.fromCharCode(c))) t[c] = WORD;
  }
  for (const ch of HARD_CHARS) t[ch.charCodeAt(0)] = HARD;
  for (const ch of QUOTE_CHARS) t[ch.charCodeAt(0)] = QUOTE;
  classes = t;
  return t;
}

const ASTRAL_WORD = /[\p{L}\p{M}\p{N}]/u;

/** The class of code point `c`: word character, hard (clause) break, or other. */
function classOf(c: number, table: Uint8Array): number {
  return c <= 0xffff ? table[c]! : ASTRAL_WORD.test(String.fromCodePoint(c)) ? WORD : OTHER;
}

/** `.` `,` `٫` `٬`: a number keeps them between two digits (3315.84, 2,500). */
const NUMBER_JOINERS = [0x2e, 0x2c, 0x066b, 0x066c];

function isDigit(u: number): boolean {
  return (u >= 0x30 && u <= 0x39) || (u >= 0x0660 && u <= 0x0669) || (u >= 0x06f0 && u <= 0x06f9);
}

/** A word as the matcher sees it: lower-cased, tashkeel, tatweel and ZWNJ/ZWJ removed, alef forms kept. */
function bareCodePoint(c: number): string {
  if (isTashkeelOrTatweel(c) || c === 0x200c || c === 0x200d) return '';
  if (c < 0x80) return String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 32 : c);
  if (c >= 0x0600 && c <= 0x06ff) return String.fromCharCode(c);
  return String.fromCodePoint(c).toLowerCase();
}

/** The words of a text, as parallel arrays (cheap to keep for 10,000 documents). */
export interface WordList {
  readonly length: number;
  /** Code-point offset of each word's first character as written. */
  readonly starts: Int32Array;
  /** Code-point offset just after each word's last character (diacritics included). */
  readonly ends: Int32Array;
  /**
   * Each word lower-cased without tashkeel, tatweel or ZWNJ/ZWJ, alef forms
   * kept (the article ال is told from أل/إل by its bare alef); fold it with
   * `foldLetters`.
   */
  readonly bare: readonly string[];
  /** 1 when the gap before word i (i ≥ 1) holds clause punctuation or a line break. */
  readonly hardBefore: Uint8Array;
  /** 1 when the gap before word i holds a quotation mark (clauses break there; phrases do not). */
  readonly quoteBefore: Uint8Array;
}

/** True when `bareCodePoint(c)` is `c` itself (most of Arabic text): the word can be sliced, not rebuilt. */
function keeps(c: number): boolean {
  if (c >= 0x0600 && c <= 0x06ff) return !isTashkeelOrTatweel(c);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c;
}

/** Splits `text` into words (see WordList); offsets are code points. */
export function scanWords(text: string): WordList {
  const table = classTable();
  const starts: number[] = [];
  const ends: number[] = [];
  const bare: string[] = [];
  const hard: number[] = [];
  const quote: number[] = [];
  let cp = 0;
  let inWord = false;
  let wordStart = 0;
  let wordStartU = 0;
  let plain = true;
  let hardGap = false;
  let quoteGap = false;
  const close = (end: number, endU: number): void => {
    inWord = false;
    let word = text.slice(wordStartU, endU);
    if (!plain) {
      let built = '';
      for (const ch of word) built += bareCodePoint(ch.codePointAt(0)!);
      word = built;
    }
    if (word.length === 0) return; // only marks or tatweel: not a word
    starts.push(wordStart);
    ends.push(end);
    bare.push(word);
    hard.push(hardGap ? 1 : 0);
    quote.push(quoteGap ? 1 : 0);
    hardGap = false;
    quoteGap = false;
  };
  for (let i = 0; i < text.length; i++) {
    const at = i;
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    let k = classOf(c, table);
    // A decimal point or thousands separator between digits is part of the number.
    if (k !== WORD && inWord && NUMBER_JOINERS.includes(c) && isDigit(text.charCodeAt(at - 1)))
      if (isDigit(text.charCodeAt(at + 1))) k = WORD;
    if (k === WORD) {
      if (!inWord) {
        inWord = true;
        wordStart = cp;
        wordStartU = at;
        plain = true;
      }
      if (plain && !keeps(c)) plain = false;
    } else {
      if (inWord) close(cp, at);
      if (k === HARD) hardGap = true;
      else if (k === QUOTE) quoteGap = true;
    }
    cp++;
  }
  if (inWord) close(cp, text.length);
  return {
    length: starts.length,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    bare,
    hardBefore: Uint8Array.from(hard),
    quoteBefore: Uint8Array.from(quote),
  };
}

/** Folds the letters of a bare word: أ إ آ ٱ → ا, ى → ي, ة → ه. */
export function foldLetters(bare: string): string {
  let i = 0;
  while (i < bare.length) {
    const c = bare.charCodeAt(i);
    if (foldArabicLetter(c) !== c) break;
    i++;
  }
  if (i === bare.length) return bare;
  let out = bare.slice(0, i);
  for (; i < bare.length; i++) out += String.fromCharCode(foldArabicLetter(bare.charCodeAt(i)));
  return out;
}
