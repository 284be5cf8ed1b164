import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OffsetMap } from './offsets.ts';
import { snapSelection } from './snap.ts';
import { tokenize } from './tokenize.ts';

/** Code-point index of `needle` in `text` (Python's str.index). */
function cpIndex(text: string, needle: string): number {
  return new OffsetMap(text).toCodePoint(text.indexOf(needle));
}

function snap(text: string, start: number, end: number, mode: 'token' | 'grapheme') {
  const map = new OffsetMap(text);
  const r = snapSelection(map, tokenize(text), start, end, mode);
  return r && map.slice(r.start, r.end);
}

describe('snapSelection', () => {
  it('snaps a partial word selection out to whole tokens, in either direction', () => {
    const text = 'قال الكاظمي إن القوات الأمريكية ستغادر';
    const s = cpIndex(text, 'كاظمي');
    const e = cpIndex(text, 'لقوات') + 2;
    expect(snap(text, s, e, 'token')).toBe('الكاظمي إن القوات');
    expect(snap(text, e, s, 'token')).toBe('الكاظمي إن القوات');
  });

  it('keeps tashkeel with its letter in character mode', () => {
    const text = 'العِرَاقُ';
    // Offset 3 is the kasra after ع: cutting there would orphan the mark.
    expect(snap(text, 0, 3, 'grapheme')).toBe('العِ');
    expect(snap(text, 3, 9, 'grapheme')).toBe('عِرَاقُ');
  });

  it('selects tatweel as characters and keeps a tatweel word whole as a token', () => {
    const text = 'هو قـــوي جدا';
    expect(snap(text, 4, 5, 'token')).toBe('قـــوي');
    expect(snap(text, 3, 5, 'grapheme')).toBe('قـ');
  });

  it('keeps lam-alef ligature letters as two code points and whole words', () => {
    const text = 'لا للاحتلال';
    expect(snap(text, 0, 1, 'grapheme')).toBe('ل');
    expect(snap(text, 4, 5, 'token')).toBe('للاحتلال');
  });

  it('never splits an emoji sequence, counting offsets in code points', () => {
    const text = 'نعم 👨‍👩‍👧 لا';
    const at = cpIndex(text, '👨');
    // The family emoji is 5 code points; a selection ending in its middle takes all of it.
    expect(snap(text, at, at + 2, 'grapheme')).toBe('👨‍👩‍👧');
    expect(snap(text, at + 1, at + 3, 'token')).toBe('👨‍👩‍👧');
    const map = new OffsetMap(text);
    const r = snapSelection(map, tokenize(text), at, at + 1, 'grapheme');
    expect(r).toEqual({ start: 4, end: 9 });
  });

  it('trims whitespace, NBSP and CRLF at the edges and refuses whitespace-only selections', () => {
    const text = 'قال\r\nبايدن\u00a0إن';
    expect(snap(text, 2, 7, 'grapheme')).toBe('ل\r\nبا');
    expect(snap(text, 3, 5, 'grapheme')).toBeNull();
    expect(snap(text, 3, 5, 'token')).toBeNull();
    expect(snap(text, 3, 7, 'token')).toBe('بايدن');
    expect(snap(text, 9, 12, 'token')).toBe('بايدن\u00a0إن');
    expect(snap(text, 10, 11, 'grapheme')).toBeNull();
  });

  it('always returns an extent on grapheme boundaries inside the text', () => {
    const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1 }),
        fc.nat(),
        fc.nat(),
        (text, x, y) => {
          const map = new OffsetMap(text);
          const r = snapSelection(
            map,
            tokenize(text),
            x % (map.cpLength + 1),
            y % (map.cpLength + 1),
            'grapheme',
          );
          if (!r) return;
          const bounds = new Set([...seg.segment(text)].map((g) => map.toCodePoint(g.index)));
          bounds.add(map.cpLength);
          expect(bounds.has(r.start) && bounds.has(r.end)).toBe(true);
          expect(r.start).toBeLessThan(r.end);
        },
      ),
    );
  });
});
