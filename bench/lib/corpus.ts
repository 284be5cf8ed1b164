/**
 * Fixed-seed benchmark corpora drawn from the seed vocabulary
 * (bench/vocab.txt: word, tab, count). Pure TypeScript with no DOM or Node
 * imports, so a bench page and the Node benches build byte-identical
 * documents and spans from the same seed.
 */
import { DEFAULT_LABELS } from '../../src/core/labels.ts';
import type { SpanRecord } from '../../src/core/model.ts';
import { cpLength, OffsetMap } from '../../src/core/offsets.ts';
import { tokenize, type Token } from '../../src/core/tokenize.ts';
import type { Rng } from './prng.ts';

/** The label keys benchmark spans use: the default label set. */
export const BENCH_LABELS: readonly string[] = DEFAULT_LABELS.map((l) => l.key);

/** Fixed timestamp base so records are identical across runs. */
const EPOCH = Date.UTC(2026, 0, 1);

/** A vocabulary with frequency-weighted sampling. */
export interface Vocabulary {
  words: string[];
  /** Cumulative counts, for weighted draws. */
  cumulative: number[];
}

/** Parses bench/vocab.txt. */
export function parseVocabulary(text: string): Vocabulary {
  const words: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const line of text.split('\n')) {
    const [word, count] = line.split('\t');
    if (!word || !count) continue;
    total += Number(count);
    words.push(word);
    cumulative.push(total);
  }
  if (words.length === 0) throw new Error('bench/vocab.txt holds no words');
  return { words, cumulative };
}

/** One word drawn with the frequency it has in the seeds. */
export function drawWord(vocab: Vocabulary, rng: Rng): string {
  const x = rng.next() * vocab.cumulative[vocab.cumulative.length - 1]!;
  let lo = 0;
  let hi = vocab.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocab.cumulative[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return vocab.words[lo]!;
}

/**
 * An Arabic news-like article of exactly `words` words: sentences of 6–24
 * words with commas, ending in `.`, `؟` or `:`, grouped in paragraphs of
 * 2–6 sentences separated by a newline; some words in quotes.
 */
export function generateArticle(vocab: Vocabulary, rng: Rng, words: number): string {
  const paragraphs: string[] = [];
  let left = words;
  while (left > 0) {
    const sentences: string[] = [];
    const count = rng.int(2, 6);
    for (let s = 0; s < count && left > 0; s++) {
      const n = Math.min(left, rng.int(6, 24));
      left -= n;
      const parts: string[] = [];
      for (let i = 0; i < n; i++) {
        let w = drawWord(vocab, rng);
        if (i > 0 && i < n - 2 && rng.chance(0.02)) {
          // A two-word quotation counts as two words.
          w = `"${w} ${drawWord(vocab, rng)}"`;
          i++;
        }
        parts.push(i < n - 1 && rng.chance(0.08) ? `${w}،` : w);
      }
      const end = rng.chance(0.9) ? '.' : rng.chance(0.5) ? '؟' : ':';
      sentences.push(parts.join(' ') + end);
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n');
}

/** Options for `generateSpans`. */
export interface SpanOptions {
  docId: string;
  annotatorId: string;
  /** Prefix of span ids; ids are `${idPrefix}-${i}`. */
  idPrefix: string;
  /** Longest span, in tokens. */
  maxTokens?: number;
}

/**
 * `count` spans at random token boundaries of `text` (overlapping and nested
 * freely), 1–`maxTokens` tokens long, with the three default labels, sorted
 * by start. Offsets are code points, as stored.
 */
export function generateSpans(
  text: string,
  rng: Rng,
  count: number,
  options: SpanOptions,
  tokens: readonly Token[] = tokenizeByLine(text),
): SpanRecord[] {
  const map = new OffsetMap(text);
  const maxTokens = options.maxTokens ?? 12;
  const spans: SpanRecord[] = [];
  for (let i = 0; i < count; i++) {
    const first = rng.int(0, tokens.length - 1);
    // Short spans are the common case: square a uniform draw.
    const len = 1 + Math.floor(rng.next() ** 2 * maxTokens);
    const last = Math.min(tokens.length - 1, first + len - 1);
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    spans.push({
      id: `${options.idPrefix}-${i}`,
      docId: options.docId,
      annotatorId: options.annotatorId,
      label: rng.pick(BENCH_LABELS),
      start,
      end,
      quote: map.slice(start, end),
      holder: rng.chance(0.3) ? drawHolder(rng) : null,
      note: null,
      createdAt: EPOCH + i * 1000,
      updatedAt: EPOCH + i * 1000,
    });
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

const HOLDERS = ['الكاظمي', 'دزيي', 'الخزعلي', 'بايدن', 'فؤاد حسين'];

function drawHolder(rng: Rng): string {
  return rng.pick(HOLDERS);
}

/** A document id for synthetic document `i` (64 hex characters, like SHA-256). */
export function benchDocId(i: number): string {
  return i.toString(16).padStart(64, '0');
}

/**
 * The workbench tokenizer applied line by line, with offsets into the whole
 * text. Word breaks never cross a line break, so the tokens are the same as
 * `tokenize(text)`; but Node 20's V8 (11.3) segments a string of more than
 * 65,536 UTF-16 units in quadratic time (Chromium issue 326176949, fixed in
 * V8 12.3), so one 20,000-word article takes seconds in one piece.
 */
export function tokenizeByLine(text: string): Token[] {
  const out: Token[] = [];
  let base = 0;
  for (const line of text.split('\n')) {
    for (const t of tokenize(line)) {
      out.push({ text: t.text, start: base + t.start, end: base + t.end, id: out.length });
    }
    base += cpLength(line) + 1;
  }
  return out;
}
