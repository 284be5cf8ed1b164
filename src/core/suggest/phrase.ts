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

interface TrieNode<P> {
  /** Next word's stem, with no clause break before it. */
  soft: Map<string, TrieNode<P>> | null;
  /** Next word's stem, after a clause break. */
  hard: Map<string, TrieNode<P>> | null;
  /** Phrases ending at this node. */
  ends: P[];
}

const node = <P>(): TrieNode<P> => ({ soft: null, hard: null, ends: [] });

/**
 * Finds many phrases in one document at once: a trie of stems (and clause
 * breaks), walked from each word as far as the words match, so the cost
 * grows with the document's length and the depth of the matches, not with
 * the number of phrases.
 */
export class PhraseSet<P extends Phrase = Phrase> {
  private readonly root: TrieNode<P> = node();
  private count = 0;

  constructor(phrases: Iterable<P> = []) {
    for (const p of phrases) this.add(p);
  }

  /** Adds a phrase (a phrase with the same key twice is kept twice). */
  add(p: P): void {
    if (p.stems.length === 0) return;
    let at = this.root;
    p.stems.forEach((stem, q) => {
      const hard = q > 0 && p.hardBefore[q];
      const map = hard ? (at.hard ??= new Map()) : (at.soft ??= new Map());
      let next = map.get(stem);
      if (!next) map.set(stem, (next = node()));
      at = next;
    });
    at.ends.push(p);
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Calls `visit(phrase, firstWord, endWord)` for every occurrence of every
   * phrase in the document, by start then length (no object per hit).
   */
  forEachHit(
    words: WordList,
    stems: readonly string[],
    visit: (phrase: P, firstWord: number, endWord: number) => void,
  ): void {
    for (let i = 0; i < words.length; i++) {
      let at = this.root.soft?.get(stems[i]!);
      let j = i;
      while (at) {
        for (const p of at.ends) visit(p, i, j + 1);
        if (++j >= words.length) break;
        at = (words.hardBefore[j] === 1 ? at.hard : at.soft)?.get(stems[j]!);
      }
    }
  }

  /** Every occurrence of every phrase in the document, by start then length. */
  findAll(words: WordList, stems: readonly string[]): PhraseHit<P>[] {
    const hits: PhraseHit<P>[] = [];
    this.forEachHit(words, stems, (phrase, firstWord, endWord) =>
      hits.push({
        phrase,
        firstWord,
        endWord,
        start: words.starts[firstWord]!,
        end: words.ends[endWord - 1]!,
      }),
    );
    return hits;
  }
}
