/**
 * Tokens kept with a stored document. Documents never change, so their
 * tokens are computed once, when the document is stored, and kept as one
 * flat array of code-point boundaries (the app's docTokens table). The app
 * reads them back through one function, `tokensFor` in
 * src/renderer/src/db/tokens.ts (snapping and resizing in the reading pane,
 * export), instead of running Intl.Segmenter again over every text (most of
 * an export's time before); the CLI, which stores nothing, tokenizes.
 */
import { hasAstral, OffsetMap } from './offsets.ts';
import { tokenize, type Token } from './tokenize.ts';

/**
 * Bumped whenever `tokenize` may split a text differently: stored tokens of
 * another version are ignored and recomputed.
 */
export const TOKENIZER_VERSION = 2;
// 2: a long line is never split before a combining mark (a lone mark was a token).

/** A document's tokens: `bounds` is [start0, end0, start1, end1, …] in code points. */
export interface PackedTokens {
  version: number;
  bounds: Uint32Array;
}

/** Packs `tokens` (as `tokenize` returns them) into flat boundaries. */
export function packTokens(tokens: readonly Token[]): PackedTokens {
  const bounds = new Uint32Array(tokens.length * 2);
  tokens.forEach((t, i) => {
    bounds[2 * i] = t.start;
    bounds[2 * i + 1] = t.end;
  });
  return { version: TOKENIZER_VERSION, bounds };
}

/** Tokenizes `text` and packs the result, for storing with its document. */
export function packedTokensOf(text: string): PackedTokens {
  return packTokens(tokenize(text));
}

/**
 * The tokens of `text` from its packed boundaries, equal to `tokenize(text)`
 * when they were packed from it; null when they were packed by another
 * tokenizer version or do not fit the text (the caller tokenizes instead).
 */
export function unpackTokens(text: string, packed: PackedTokens): Token[] | null {
  const { bounds } = packed;
  if (packed.version !== TOKENIZER_VERSION || bounds.length % 2 !== 0) return null;
  // Hot path (every token of every exported document). Texts without
  // astral characters, most Arabic news, slice by UTF-16 index directly; a
  // pre-sized array beat push() by a quarter in Chromium 156 (3,000 bench
  // documents, 1.5M tokens: 39 ms against 54 ms; 43 ms with an OffsetMap
  // built for every text).
  const map = hasAstral(text) ? new OffsetMap(text) : null;
  const cpLength = map ? map.cpLength : text.length;
  const count = bounds.length >> 1;
  const tokens = new Array<Token>(count);
  for (let id = 0; id < count; id++) {
    const start = bounds[2 * id]!;
    const end = bounds[2 * id + 1]!;
    if (end <= start || end > cpLength) return null;
    tokens[id] = { text: map ? map.slice(start, end) : text.slice(start, end), start, end, id };
  }
  return tokens;
}
