/**
 * Phrases as the matcher compares them: the stems of their words (folded,
 * attached prefixes stripped, see stems.ts) and, between each pair of words,
 * whether a clause break stands there. Two texts are the same phrase when
 * both agree. Also finds every occurrence of many phrases in one document
 * at once (a table keyed by first stem), for per-document suggestions.
 */
import { scanWords, type WordList } from './normalize.ts';
import { EMPTY_LEXICON, stemOf, type Lexicon } from './stems.ts';

/** A phrase: its stems and where clause breaks stand between them. */
export interface Phrase {
  stems: readonly string[];
  /** hardBefore[i] (i ≥ 1): a clause break between word i−1 and word i; [0] is false. */
  hardBefore: readonly boolean[];
  /** A readable identity: stems joined by ' ', or ' / ' across a clause break. */
  key: string;
}

/** The key of stems and breaks (see Phrase.key). */
export function phraseKey(stems: readonly string[], hardBefore: readonly boolean[]): string {
  let key = stems[0] ?? '';
  for (let i = 1; i < stems.length; i++) key += (hardBefore[i] ? ' / ' : ' ') + stems[i]!;
  return key;
}

/** The stems of every word of `words` under `lexicon`. */
export function stemsOf(words: WordList, lexicon: Lexicon = EMPTY_LEXICON): string[] {
  const out = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) out[i] = stemOf(words.bare[i]!, lexicon).stem;
  return out;
}

/** The phrase of some text (a span's quote, a cue phrase); null when it has no word. */
export function phraseOf(text: string, lexicon: Lexicon = EMPTY_LEXICON): Phrase | null {
  const words = scanWords(text);
  if (words.length === 0) return null;
  const stems = stemsOf(words, lexicon);
  const hardBefore = Array.from(words.hardBefore, (h, i) => i > 0 && h === 1);
  return { stems, hardBefore, key: phraseKey(stems, hardBefore) };
}

/** True when `phrase` occurs at word `first` of a document's words and stems. */
export function matchesAt(
  words: WordList,
  stems: readonly string[],
  first: number,
  phrase: Phrase,
): boolean {
  const n = phrase.stems.length;
  if (first < 0 || first + n > words.length) return false;
  for (let q = 0; q < n; q++) {
    if (stems[first + q] !== phrase.stems[q]) return false;
    if (q > 0 && (words.hardBefore[first + q] === 1) !== phrase.hardBefore[q]) return false;
  }
  return true;
}

/** One occurrence of a phrase in a document, in word indexes and code points. */
export interface PhraseHit<P extends Phrase = Phrase> {
  phrase: P;
  /** Index of the first and one past the last word. */
  firstWord: number;
  endWord: number;
  /** Code-point extent as written: first word's start to last word's end. */
  start: number;
  end: number;
}

/** Finds many phrases in one document at once, by their first stem. */
export class PhraseSet<P extends Phrase = Phrase> {
  private readonly byFirst = new Map<string, P[]>();
  private count = 0;

  constructor(phrases: Iterable<P> = []) {
    for (const p of phrases) this.add(p);
  }

  /** Adds a phrase (a phrase with the same key twice is kept twice). */
  add(p: P): void {
    const first = p.stems[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first);
    if (list) list.push(p);
    else this.byFirst.set(first, [p]);
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** Every occurrence of every phrase in the document, by start then length. */
  findAll(words: WordList, stems: readonly string[]): PhraseHit<P>[] {
    const hits: PhraseHit<P>[] = [];
    for (let i = 0; i < words.length; i++) {
      const cands = this.byFirst.get(stems[i]!);
      if (!cands) continue;
      for (const p of cands) {
        if (!matchesAt(words, stems, i, p)) continue;
        const last = i + p.stems.length - 1;
        hits.push({
          phrase: p,
          firstWord: i,
          endWord: last + 1,
          start: words.starts[i]!,
          end: words.ends[last]!,
        });
      }
    }
    return hits;
  }
}
