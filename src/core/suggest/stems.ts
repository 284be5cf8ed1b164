/**
 * Attached prefixes for matching: a labelled "القوات الأجنبية" must also
 * find "والقوات الأجنبية" and "بالقوات الأجنبية", but "ولايات", "بلاد",
 * "لبنان", "كتب" or "فرنسا" must never be split, since their first letter
 * belongs to the root. The rule (docs/suggestions.md):
 *
 * 1. The article family (ال وال فال بال كال وبال فبال وكال فكال لل ولل فلل)
 *    is stripped when at least 3 letters remain. The article is always
 *    written with a bare alef (ا or ٱ), so words beginning أل/إل/آل (ألم،
 *    إلغاء، آلية) are never split; and since news often drops the hamza
 *    or madda (الاف for آلاف, الية for آلية), a 2-letter remainder is not
 *    split either (الحل stays whole: a missed match, never a wrong one).
 * 2. The one-letter proclitics و ف ب ك ل and the pairs وب وك ول فب فك فل are
 *    stripped only when enough letters remain (2 after the conjunctions و
 *    and ف, for ولا, وقد, فقد, وفي; 3 otherwise: كما is never ك + ما), AND
 *    what remains is
 *    attested as a word of its own in the lexicon (the words of the corpus)
 *    at least as often as the prefixed word, AND the prefixed word is never
 *    seen with the article (a word that takes ال is a stem: الولايات,
 *    البلاد, الوزارة). So "وقال" → "قال", "ولا" → "لا", "وانسحاب" →
 *    "انسحاب"; but "ولايات", "بلاد", "لبنان", "فرنسا", "وزارة" stay whole.
 *    Without a lexicon only rule 1 applies.
 * 3. Rule 1 is tried first (the longest article-family prefix). Rule 2
 *    strips as little as it can: one letter, then the rest is stemmed
 *    again by both rules (و + بانسحاب → و + ب + انسحاب); a two-letter
 *    sequence only when its first letter alone fails. So with "لبنان"
 *    frequent and "بنان" rare, "ولبنان" → و + لبنان, never ول + بنان.
 *
 * Script ambiguity remains: "والي" (governor) and "وإلى" (and to) are the
 * same word once alef forms are folded. Both become "الي" (and to), unless
 * the corpus has "الوالي" (the governor): then both stay "والي".
 */
import { foldLetters } from './normalize.ts';

/** How often each folded word form occurs in the corpus. */
export interface Lexicon {
  count(folded: string): number;
}

/** A lexicon with no words: only the article family is stripped. */
export const EMPTY_LEXICON: Lexicon = { count: () => 0 };

/** A lexicon backed by a Map of folded form → count. */
export class MapLexicon implements Lexicon {
  readonly counts = new Map<string, number>();
  count(folded: string): number {
    return this.counts.get(folded) ?? 0;
  }
  /** Adds `n` occurrences of a folded form (n may be negative). */
  add(folded: string, n = 1): void {
    const v = (this.counts.get(folded) ?? 0) + n;
    if (v > 0) this.counts.set(folded, v);
    else this.counts.delete(folded);
  }
}

const ALEF = 'ا';
const WASLA = 'ٱ';
const LAM = 'ل';

/** The one-letter proclitics of rule 2, and their two-letter sequences. */
const CLITICS = ['و', 'ف', 'ب', 'ك', 'ل'];
const CLITIC_PAIRS = ['وب', 'وك', 'ول', 'فب', 'فك', 'فل'];

/**
 * Length (in code units) of the article-family prefix `bare` starts with,
 * or 0: [و|ف]? [ب|ك]? (ا|ٱ)ل, or [و|ف]? لل.
 */
function articlePrefix(bare: string): number {
  let i = 0;
  const c0 = bare[0];
  if (c0 === 'و' || c0 === 'ف') i = 1;
  const c = bare[i];
  if (c === LAM && bare[i + 1] === LAM) return i + 2;
  if (c === 'ب' || c === 'ك') {
    const a = bare[i + 1];
    if ((a === ALEF || a === WASLA) && bare[i + 2] === LAM) return i + 3;
  }
  if ((c === ALEF || c === WASLA) && bare[i + 1] === LAM) return i + 2;
  return 0;
}

/** A word's stem: the folded word without the prefix the rule strips. */
export interface Stem {
  /** The folded remainder, the key matching compares. */
  stem: string;
  /** The prefix stripped, as written in the bare word ('' when none). */
  prefix: string;
}

/** The stem of a bare word (see scanWords) under `lexicon`. */
export function stemOf(bare: string, lexicon: Lexicon = EMPTY_LEXICON): Stem {
  const c0 = bare.charCodeAt(0);
  // Most words begin with none of ا ٱ و ف ب ك ل: nothing to strip.
  if (
    c0 !== 0x627 &&
    c0 !== 0x671 &&
    c0 !== 0x648 &&
    c0 !== 0x641 &&
    c0 !== 0x628 &&
    c0 !== 0x643 &&
    c0 !== 0x644
  )
    return { stem: foldLetters(bare), prefix: '' };
  const art = articlePrefix(bare);
  if (art > 0 && bare.length - art >= 3)
    return { stem: foldLetters(bare.slice(art)), prefix: bare.slice(0, art) };
  return cliticStem(bare, lexicon) ?? { stem: foldLetters(bare), prefix: '' };
}

/**
 * Rule 2, stripping as little as possible: one letter first (and then the
 * rest is stemmed again, so وبانسحاب → و + بانسحاب → ب + انسحاب when both
 * steps pass), a two-letter sequence only when the one letter fails.
 */
function cliticStem(bare: string, lexicon: Lexicon): Stem | null {
  if (bare.length < 3) return null;
  let folded: string | null = null;
  let whole = 0;
  const passes = (rest: string): boolean => {
    const n = lexicon.count(rest);
    if (n === 0) return false;
    if (folded === null) {
      folded = foldLetters(bare);
      // A word seen with the article is a stem of its own: stop for good.
      if (lexicon.count(`ال${folded}`) > 0) {
        whole = Infinity;
        return false;
      }
      whole = lexicon.count(folded);
    }
    return n >= whole;
  };
  for (const c of CLITICS) {
    if (!bare.startsWith(c)) continue;
    const r = bare.slice(1);
    const least = c === 'و' || c === 'ف' ? 2 : 3;
    if (r.length >= least && passes(foldLetters(r))) {
      const inner = stemOf(r, lexicon);
      return { stem: inner.stem, prefix: c + inner.prefix };
    }
  }
  for (const p of CLITIC_PAIRS) {
    if (!bare.startsWith(p)) continue;
    const r = bare.slice(2);
    if (r.length >= 3 && passes(foldLetters(r))) return { stem: foldLetters(r), prefix: p };
  }
  return null;
}

/** The lexicon of some texts' words (folded forms, no prefix stripped). */
export function lexiconOf(words: Iterable<string>): MapLexicon {
  const lex = new MapLexicon();
  for (const w of words) lex.add(foldLetters(w));
  return lex;
}
