/**
 * Grapheme-cluster boundaries, so that no selection, snap or token ever
 * separates an Arabic letter from its diacritics (tashkeel) or splits an
 * emoji sequence. Offsets here are UTF-16 (string indexes); convert at the
 * boundary with `OffsetMap`.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Sorted UTF-16 offsets of every grapheme boundary, including 0 and length. */
export function graphemeBoundaries(text: string): number[] {
  const out: number[] = [];
  for (const seg of segmenter.segment(text)) out.push(seg.index);
  out.push(text.length);
  return out;
}

/**
 * Moves UTF-16 offset `u` to a grapheme boundary: `'start'` rounds down
 * (the cluster it falls in is included), `'end'` rounds up.
 */
export function snapToGrapheme(text: string, u: number, edge: 'start' | 'end'): number {
  if (u <= 0) return 0;
  if (u >= text.length) return text.length;
  // Look at a small window around `u`: clusters are short.
  const from = Math.max(0, u - 32);
  const to = Math.min(text.length, u + 32);
  const window = text.slice(from, to);
  let prev = from;
  for (const seg of segmenter.segment(window)) {
    const b = from + seg.index;
    if (b === u) return u;
    if (b > u) return edge === 'start' ? prev : b;
    prev = b;
  }
  return edge === 'start' ? prev : to;
}
