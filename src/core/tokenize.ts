/**
 * The workbench tokenizer, shared by the reading pane (snapping), the
 * exporters (token_start/token_end, CoNLL) and agreement (token items).
 * Arabic-aware: clitics stay attached to their word (ICU word breaks do not
 * split و/ب/ال), tatweel and tashkeel stay inside the word, a token never
 * splits a grapheme cluster. Offsets are code points.
 */
import { cpLength } from './offsets.ts';

/** One token; `start`/`end` are code-point offsets, `end` exclusive. */
export interface Token {
  text: string;
  start: number;
  end: number;
  id: number;
}

const wordSegmenter = new Intl.Segmenter('ar', { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter('ar', { granularity: 'sentence' });
const SPACE_ONLY = /^[\s\u200b-\u200f\u2028\u2029\u061c\ufeff]*$/u;

/** A character that joins the grapheme before it (marks, ZWNJ/ZWJ, emoji modifiers, tags). */
const EXTENDS = /^(?:\p{M}|\p{Emoji_Modifier}|\u200c|\u200d|[\u{e0020}-\u{e007f}])/u;

/** Longest piece handed to Intl.Segmenter at once (see `pieces`). */
const MAX_PIECE = 4096;

/**
 * Splits `text` into pieces that end at a line break or, for a very long
 * line, at a space that no combining mark follows. Word and sentence boundaries always fall there, so
 * segmenting piece by piece gives the same segments as the whole text, and
 * in linear time: Node 20's ICU segmenter slows down sharply on long strings
 * (100,000 characters took 3.7 s in one piece, 30 ms in lines).
 */
function* pieces(text: string, splitAtSpaces: boolean): Generator<[number, string]> {
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    to = to < 0 ? text.length : to + 1;
    if (splitAtSpaces && to - from > MAX_PIECE) {
      // A space the next character extends (a combining mark after a
      // space, a ZWJ…) belongs to that character's grapheme: split at
      // another space, never between the two.
      let space = text.lastIndexOf(' ', from + MAX_PIECE);
      while (space > from && EXTENDS.test(text.slice(space + 1, space + 3))) {
        space = text.lastIndexOf(' ', space - 1);
      }
      if (space > from) to = space + 1;
    }
    yield [from, text.slice(from, to)];
    from = to;
  }
}

/** Splits `text` into tokens: words, numbers, Latin words, punctuation, emoji. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Code points before the current piece; equal to its UTF-16 index when
  // the text holds no surrogate pairs (most Arabic news).
  let cp = 0;
  let cpIndex = 0;
  for (const [offset, piece] of pieces(text, true)) {
    cp += cpLength(text.slice(cpIndex, offset));
    cpIndex = offset;
    const bmp = cpLength(piece) === piece.length;
    let pieceCp = 0;
    let last = 0;
    for (const seg of wordSegmenter.segment(piece)) {
      if (!bmp) {
        pieceCp += cpLength(piece.slice(last, seg.index));
        last = seg.index;
      }
      const at = bmp ? seg.index : pieceCp;
      if (SPACE_ONLY.test(seg.segment)) continue;
      const len = bmp ? seg.segment.length : cpLength(seg.segment);
      tokens.push({ text: seg.segment, start: cp + at, end: cp + at + len, id: tokens.length });
    }
  }
  return tokens;
}

/** A sentence's code-point extent, trailing whitespace excluded. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Splits `text` into sentences (ICU rules: . ! ? ؟ and line breaks). */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let cp = 0;
  for (const [, piece] of pieces(text, false)) {
    for (const seg of sentenceSegmenter.segment(piece)) {
      const len = cpLength(seg.segment);
      const trimmed = seg.segment.replace(/\s+$/u, '');
      const lead = seg.segment.length - seg.segment.trimStart().length;
      if (trimmed.trim().length > 0) {
        const leadCp = cpLength(seg.segment.slice(0, lead));
        const body = trimmed.slice(lead);
        out.push({ start: cp + leadCp, end: cp + leadCp + cpLength(body), text: body });
      }
      cp += len;
    }
  }
  return out;
}

/**
 * Index of the first token whose end is after `cp`, by binary search over
 * tokens sorted by offset.
 */
export function tokenIndexAt(tokens: readonly Token[], cp: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= cp) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Snaps a code-point range outward to whole tokens: a range that touches
 * part of a token takes the whole token. A range entirely in whitespace is
 * returned unchanged, and a range that is all whitespace around tokens is
 * trimmed to them.
 */
export function snapToTokens(
  tokens: readonly Token[],
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) return { start, end };
  const first = tokenIndexAt(tokens, start);
  let last = first;
  if (first >= tokens.length || tokens[first]!.start >= end) return { start, end };
  while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
  return { start: tokens[first]!.start, end: tokens[last]!.end };
}

/**
 * Token indexes covered by a code-point span: `[tokenStart, tokenEnd]`
 * inclusive (Prodigy's convention), or null when it covers no token.
 */
export function tokenRange(
  tokens: readonly Token[],
  start: number,
  end: number,
): { tokenStart: number; tokenEnd: number } | null {
  const first = tokenIndexAt(tokens, start);
  if (first >= tokens.length || tokens[first]!.start >= end) return null;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
  return { tokenStart: first, tokenEnd: last };
}
