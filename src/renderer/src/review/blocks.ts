/**
 * Splits a document into review blocks: sentences, joined where a span
 * crosses from one into the next, so every span lies inside one block and
 * the lanes of a block show it whole.
 */
import { sentences } from '@core/tokenize.ts';

export interface Block {
  start: number;
  end: number;
}

/** The sentences of `text` as blocks (the costly part: segment once per text). */
export function sentenceBlocks(text: string): Block[] {
  const sents = sentences(text).map((s) => ({ start: s.start, end: s.end }));
  if (sents.length === 0) return text.length > 0 ? [{ start: 0, end: [...text].length }] : [];
  return sents;
}

/** Blocks covering `text`'s sentences, merged across `spans`. */
export function reviewBlocks(
  text: string,
  spans: readonly { start: number; end: number }[],
  sents: readonly Block[] = sentenceBlocks(text),
): Block[] {
  if (sents.length <= 1) return sents.map((s) => ({ ...s }));
  const blocks: Block[] = [];
  for (const s of sents) {
    const last = blocks[blocks.length - 1];
    // Join when some span starts before this sentence and ends inside or after it.
    if (last && spans.some((sp) => sp.start < s.start && sp.end > last.end))
      last.end = Math.max(last.end, s.end);
    else blocks.push({ ...s });
  }
  // Spans that stick out of the last block (e.g. trailing space) are clipped at render.
  return blocks;
}
