/**
 * Features of a clause for the model: hashed character n-grams (2–5) of its
 * words, folded as the matcher folds them (normalize.ts), joined by single
 * spaces and padded with a space at each end, so n-grams see word starts
 * and ends ("ال", " وال", "ات "), across word boundaries too. Each n-gram
 * is hashed (FNV-1a, 32 bits) into 2^bits buckets (the hashing trick: no
 * vocabulary to keep or ship); counts are L2-normalised so long and short
 * clauses weigh alike. Pure typed arrays, so vectors travel to and from a
 * Web Worker without copying.
 */
import { foldArabicLetter } from '../arabic-search.ts';
import { foldLetters, type WordList } from './normalize.ts';

/** A sparse feature vector: distinct bucket indexes (in the order first seen) and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** Shortest and longest n-gram. */
export const NGRAM_MIN = 2;
export const NGRAM_MAX = 5;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The folded text of words `[first, end)`, space-padded, as the n-grams see it. */
export function clauseString(words: WordList, first: number, end: number): string {
  let s = ' ';
  for (let w = first; w < end; w++) s += `${foldLetters(words.bare[w]!)} `;
  return s;
}

/** Scratch buffers reused across calls (features are computed one clause at a time). */
let chars = new Uint16Array(1024);
let order = new Int32Array(4096);
/** Per bucket: the call that last saw it, and how often it saw it. */
let seenIn = new Int32Array(0);
let counts = new Uint16Array(0);
let call = 0;

/**
 * Hashed, normalised n-gram features of the first `n` code units of
 * `chars`, buckets in the order first seen (deduplicated with the
 * per-bucket scratch arrays: no sort, no map).
 */
function hashed(n: number, bits: number): SparseVector {
  const size = 1 << bits;
  if (seenIn.length !== size) {
    seenIn = new Int32Array(size);
    counts = new Uint16Array(size);
    call = 0;
  }
  call++;
  const mask = size - 1;
  const need = Math.max(0, n - 1) * (NGRAM_MAX - NGRAM_MIN + 1);
  if (order.length < need) order = new Int32Array(need * 2);
  let m = 0;
  for (let i = 0; i + NGRAM_MIN <= n; i++) {
    let h = Math.imul(FNV_OFFSET ^ chars[i]!, FNV_PRIME);
    for (let len = 2; len <= NGRAM_MAX && i + len <= n; len++) {
      h = Math.imul(h ^ chars[i + len - 1]!, FNV_PRIME);
      const b = (h ^ (h >>> 15)) & mask;
      if (seenIn[b] !== call) {
        seenIn[b] = call;
        counts[b] = 1;
        order[m++] = b;
      } else if (counts[b]! < 0xffff) counts[b]!++;
    }
  }
  const idx = order.slice(0, m);
  const val = new Float32Array(m);
  let norm = 0;
  for (let i = 0; i < m; i++) {
    const c = counts[idx[i]!]!;
    val[i] = c;
    norm += c * c;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < m; i++) val[i]! *= inv;
  return { idx, val };
}

/** Hashed, normalised character n-gram features of a string (see file header). */
export function ngramFeatures(s: string, bits: number): SparseVector {
  if (chars.length < s.length) chars = new Uint16Array(s.length * 2);
  for (let i = 0; i < s.length; i++) chars[i] = s.charCodeAt(i);
  return hashed(s.length, bits);
}

/**
 * The features of words `[first, end)` of a document: those of
 * `clauseString(words, first, end)`, without building the string.
 */
export function clauseFeatures(
  words: WordList,
  first: number,
  end: number,
  bits: number,
): SparseVector {
  let n = 1;
  for (let w = first; w < end; w++) n += words.bare[w]!.length + 1;
  if (chars.length < n) chars = new Uint16Array(n * 2);
  let at = 0;
  chars[at++] = 0x20;
  for (let w = first; w < end; w++) {
    const b = words.bare[w]!;
    for (let i = 0; i < b.length; i++) chars[at++] = foldArabicLetter(b.charCodeAt(i));
    chars[at++] = 0x20;
  }
  return hashed(n, bits);
}
