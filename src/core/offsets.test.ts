import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpLength, cpSlice, hasAstral, OffsetMap } from './offsets.ts';

describe('code-point offsets', () => {
  it('counts code points as Python does', () => {
    expect(cpLength('العراق')).toBe(6);
    expect(cpLength('👍🏽')).toBe(2); // thumbs up + skin tone: 2 code points, 4 UTF-16 units
    expect('👍🏽'.length).toBe(4);
    expect(cpLength('a😀b')).toBe(3);
  });

  it('maps both ways around astral characters', () => {
    const text = 'قال 😀 الكاظمي 👨‍👩‍👧 انسحاب';
    const m = new OffsetMap(text);
    // Python: text.index('الكاظمي') == 6
    expect(m.toUtf16(6)).toBe(text.indexOf('الكاظمي'));
    expect(m.toCodePoint(text.indexOf('الكاظمي'))).toBe(6);
    expect(m.slice(6, 13)).toBe('الكاظمي');
    expect(cpSlice(text, 4, 5)).toBe('😀');
  });

  // The limit only guards against a hang: the property runs slowly on a busy machine.
  it(
    'tells a text with astral characters (where offsets differ) from one without',
    { timeout: 60_000 },
    () => {
      expect(hasAstral('العراق')).toBe(false);
      expect(hasAstral('العراق 🇮🇶')).toBe(true);
      expect(hasAstral('\ud83d lone')).toBe(false);
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (s) => {
          expect(hasAstral(s)).toBe(new OffsetMap(s).cpLength !== s.length);
        }),
      );
    },
  );

  it('rounds a UTF-16 offset inside a surrogate pair down to its character', () => {
    const m = new OffsetMap('a😀b');
    expect(m.toCodePoint(2)).toBe(1);
    expect(m.toCodePoint(3)).toBe(2);
  });

  it('round-trips every code-point offset of any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const m = new OffsetMap(s);
        const cps = [...s];
        expect(m.cpLength).toBe(cps.length);
        for (let i = 0; i <= cps.length; i++) {
          expect(m.toCodePoint(m.toUtf16(i))).toBe(i);
          expect(m.slice(0, i)).toBe(cps.slice(0, i).join(''));
        }
      }),
    );
  });
});
