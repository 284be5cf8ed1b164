/**
 * Turns a raw selection (code-point offsets from the DOM) into the extent a
 * span gets: whole tokens by default, or whole grapheme clusters in
 * character mode, never leading or trailing whitespace. A letter always
 * moves with its diacritics; an emoji sequence is never cut.
 */
import { snapToGrapheme } from './graphemes.ts';
import type { OffsetMap } from './offsets.ts';
import { snapToTokens, tokenRange, type Token } from './tokenize.ts';

export type SnapMode = 'token' | 'grapheme';

const SPACE = /[\s\u200b-\u200f\u2028\u2029\u061c\ufeff]/u;

/**
 * Snaps the code-point range [start, end) of `map.text`. Returns null when
 * nothing but whitespace was selected.
 */
export function snapSelection(
  map: OffsetMap,
  tokens: readonly Token[],
  start: number,
  end: number,
  mode: SnapMode,
): { start: number; end: number } | null {
  const a = Math.max(0, Math.min(start, end));
  const b = Math.min(map.cpLength, Math.max(start, end));
  if (b <= a) return null;
  if (mode === 'token') {
    if (!tokenRange(tokens, a, b)) return null;
    return snapToTokens(tokens, a, b);
  }
  const text = map.text;
  let us = snapToGrapheme(text, map.toUtf16(a), 'start');
  let ue = snapToGrapheme(text, map.toUtf16(b), 'end');
  while (us < ue && SPACE.test(text[us]!)) us++;
  while (ue > us && SPACE.test(text[ue - 1]!)) ue--;
  if (ue <= us) return null;
  return { start: map.toCodePoint(us), end: map.toCodePoint(ue) };
}
