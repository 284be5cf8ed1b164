/**
 * Tokens kept with a stored document. Documents never change, so their
 * tokens are computed once, when the document is stored, and kept as one
 * flat array of code-point boundaries; exporting, reviewing and snapping
 * then read them back instead of running Intl.Segmenter again over every
 * text (most of an export's time before).
 */
import { OffsetMap } from './offsets.ts';
import { tokenize, type Token } from './tokenize.ts';

/**
 * Bumped whenever `tokenize` may split a text differently: stored tokens of
 * another version are ignored and recomputed.
 */
export const TOKENIZER_VERSION = 1;

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
  const map = new OffsetMap(text);
  const bmp = map.isBmpOnly;
  const tokens: Token[] = new Array<Token>(bounds.length / 2);
  for (let i = 0; i < bounds.length; i += 2) {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    if (end <= start || end > map.cpLength) return null;
    const piece = bmp ? text.slice(start, end) : map.slice(start, end);
    tokens[i / 2] = { text: piece, start, end, id: i / 2 };
  }
  return tokens;
}
