/**
 * Splits a document's text into the paragraphs the reading pane renders,
 * one text node each. Line terminators (LF, CRLF, CR, U+2029) separate
 * paragraphs and are not part of any paragraph, so offsets of the text
 * nodes map straight back to offsets of the whole document.
 */
import { OffsetMap } from './offsets.ts';

/** One paragraph: code-point extent plus its UTF-16 extent in the text. */
export interface Paragraph {
  index: number;
  /** Code-point offsets into the document text, `end` exclusive. */
  start: number;
  end: number;
  /** UTF-16 offsets of the same extent (from OffsetMap, for the DOM). */
  u16Start: number;
  u16End: number;
  text: string;
}

const BREAK = /\r\n|\n|\r|\u2029/g;

/** The non-empty paragraphs of `text`, in order. */
export function paragraphs(text: string, map: OffsetMap = new OffsetMap(text)): Paragraph[] {
  const out: Paragraph[] = [];
  let from = 0;
  const push = (u16Start: number, u16End: number): void => {
    if (u16End <= u16Start) return;
    out.push({
      index: out.length,
      start: map.toCodePoint(u16Start),
      end: map.toCodePoint(u16End),
      u16Start,
      u16End,
      text: text.slice(u16Start, u16End),
    });
  };
  for (const m of text.matchAll(BREAK)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}
