/**
 * Clause segmentation for Arabic news, the unit the model classifies and
 * proposes. A clause is a run of words (normalize.ts) between clause
 * punctuation (. ، , ؛ ; ؟ ? ! : … and line breaks) and quotation marks
 * (reported speech, where stances are voiced), further broken before
 * a word that opens a contrastive or circumstantial clause: لكن/ولكن (and
 * لكنه…), بل, بينما, حيث, إذ, فيما, and غير/إلا/كما followed by أن
 * ("however", "moreover"). Reporting verbs (وقال, وأضاف) are not breaks:
 * they already follow a full stop in news style. A clause's extent runs
 * from its first word to its last as written, so quotes and brackets
 * around it stay outside, as analysts' spans leave them.
 */
import { scanWords, type WordList } from './normalize.ts';

/** A clause: code points, `end` exclusive; words `[firstWord, endWord)` of the document's WordList. */
export interface Clause {
  start: number;
  end: number;
  firstWord: number;
  endWord: number;
}

/** Words (bare, see WordList) that open a new clause. */
const OPENERS = new Set([
  'لكن',
  'ولكن',
  'لكنه',
  'لكنها',
  'لكنهم',
  'لكنهما',
  'ولكنه',
  'ولكنها',
  'ولكنهم',
  'بل',
  'بينما',
  'حيث',
  'إذ',
  'اذ',
  'فيما',
]);
/** Words that open a clause when أن (or أنه…) follows: غير أن, إلا أن, كما أن. */
const OPENERS_BEFORE_ANNA = new Set(['غير', 'إلا', 'الا', 'كما']);
const ANNA = /^[أا]ن(?:ه|ها|هم|هما|نا)?$/u;

/** The clauses of a document, given its words (scanWords). */
export function clausesOf(words: WordList): Clause[] {
  const out: Clause[] = [];
  let first = 0;
  for (let i = 1; i <= words.length; i++) {
    if (i < words.length) {
      const bare = words.bare[i]!;
      const opens =
        words.hardBefore[i] === 1 ||
        words.quoteBefore[i] === 1 ||
        OPENERS.has(bare) ||
        (OPENERS_BEFORE_ANNA.has(bare) && i + 1 < words.length && ANNA.test(words.bare[i + 1]!));
      if (!opens) continue;
    }
    if (i > first)
      out.push({
        start: words.starts[first]!,
        end: words.ends[i - 1]!,
        firstWord: first,
        endWord: i,
      });
    first = i;
  }
  return out;
}

/** The clauses of `text`. */
export function clauses(text: string): Clause[] {
  return clausesOf(scanWords(text));
}
