import { describe, expect, it } from 'vitest';
import { OffsetMap } from './offsets.ts';
import { paragraphs } from './paragraphs.ts';

describe('paragraphs', () => {
  it('splits on LF, CRLF and CR, keeping code-point offsets into the whole text', () => {
    const text = 'قال الكاظمي 😀\r\n\r\nCIA تراقب\nسطر\rأخير';
    const ps = paragraphs(text);
    expect(ps.map((p) => p.text)).toEqual(['قال الكاظمي 😀', 'CIA تراقب', 'سطر', 'أخير']);
    const map = new OffsetMap(text);
    for (const p of ps) {
      expect(map.slice(p.start, p.end)).toBe(p.text);
      expect(text.slice(p.u16Start, p.u16End)).toBe(p.text);
    }
    // The emoji is one code point but two UTF-16 units.
    expect(ps[1]!.start).toBe(17);
    expect(ps[1]!.u16Start).toBe(18);
  });
});
