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
import { foldLetters, type WordList } from './normalize.ts';

/** A sparse feature vector: sorted distinct bucket indexes and their values. */
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

/** Hashed, normalised character n-gram features of a string (see file header). */
export function ngramFeatures(s: string, bits: number): SparseVector {
  const mask = (1 << bits) - 1;
  const n = s.length;
  const raw = new Int32Array(Math.max(0, n - 1) * (NGRAM_MAX - NGRAM_MIN + 1));
  let k = 0;
  for (let i = 0; i + NGRAM_MIN <= n; i++) {
    let h = FNV_OFFSET;
    h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
    for (let len = 2; len <= NGRAM_MAX && i + len <= n; len++) {
      h = Math.imul(h ^ s.charCodeAt(i + len - 1), FNV_PRIME);
      raw[k++] = (h ^ (h >>> 15)) & mask;
    }
  }
  const sorted = raw.subarray(0, k).sort();
  const idx = new Int32Array(k);
  const val = new Float32Array(k);
  let m = 0;
  for (let i = 0; i < k; i++) {
    if (m > 0 && idx[m - 1] === sorted[i]) val[m - 1]!++;
    else {
      idx[m] = sorted[i]!;
      val[m] = 1;
      m++;
    }
  }
  let norm = 0;
  for (let i = 0; i < m; i++) norm += val[i]! * val[i]!;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < m; i++) val[i]! *= inv;
  return { idx: idx.slice(0, m), val: val.slice(0, m) };
}

/** The features of words `[first, end)` of a document. */
export function clauseFeatures(
  words: WordList,
  first: number,
  end: number,
  bits: number,
): SparseVector {
  return ngramFeatures(clauseString(words, first, end), bits);
}
