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
 *    stripped only when at least 3 letters remain, AND what remains is
 *    attested as a word of its own in the lexicon (the words of the corpus)
 *    at least as often as the prefixed word, AND the prefixed word is never
 *    seen with the article (a word that takes ال is a stem: الولايات,
 *    البلاد, الوزارة). So "وقال" → "قال", "ولكن" → "لكن", "وانسحاب" →
 *    "انسحاب"; but "ولايات", "بلاد", "لبنان", "فرنسا", "وزارة" stay whole.
 *    Without a lexicon only rule 1 applies.
 * 3. The longest prefix that passes its rule is stripped; at most one.
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

/** The one-letter proclitic sequences of rule 2, longest first. */
const CLITICS = ['وب', 'وك', 'ول', 'فب', 'فك', 'فل', 'و', 'ف', 'ب', 'ك', 'ل'];

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
  if (bare.length < 4) return { stem: foldLetters(bare), prefix: '' };
  let whole: number | null = null;
  for (const p of CLITICS) {
    if (!bare.startsWith(p) || bare.length - p.length < 3) continue;
    const rest = foldLetters(bare.slice(p.length));
    const n = lexicon.count(rest);
    if (n === 0) continue;
    if (whole === null) {
      const folded = foldLetters(bare);
      // A word seen with the article is a stem of its own.
      if (lexicon.count(`ال${folded}`) > 0) break;
      whole = lexicon.count(folded);
    }
    if (n >= whole) return { stem: rest, prefix: p };
  }
  return { stem: foldLetters(bare), prefix: '' };
}

/** The lexicon of some texts' words (folded forms, no prefix stripped). */
export function lexiconOf(words: Iterable<string>): MapLexicon {
  const lex = new MapLexicon();
  for (const w of words) lex.add(foldLetters(w));
  return lex;
}
