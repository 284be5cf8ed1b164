import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sentences, snapToTokens, tokenize, tokenRange } from './tokenize.ts';
import { cpSlice } from './offsets.ts';

describe('tokenize', () => {
  it('splits Arabic words, numbers, Latin words and punctuation, keeping clitics attached', () => {
    const text = 'وقال الكاظمي، إن CIA تراقب 2500 جندي.';
    expect(tokenize(text).map((t) => t.text)).toEqual([
      'وقال',
      'الكاظمي',
      '،',
      'إن',
      'CIA',
      'تراقب',
      '2500',
      'جندي',
      '.',
    ]);
  });

  it('keeps diacritics and tatweel inside their word and emoji sequences whole', () => {
    const text = 'العِرَاقُ قـــوي 👨‍👩‍👧 🇮🇶';
    expect(tokenize(text).map((t) => t.text)).toEqual(['العِرَاقُ', 'قـــوي', '👨‍👩‍👧', '🇮🇶']);
  });

  it('gives code-point offsets that slice back to the token text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        for (const t of tokenize(s)) expect(cpSlice(s, t.start, t.end)).toBe(t.text);
      }),
    );
  });

  it('snaps a partial selection out to whole tokens, and finds token ranges', () => {
    const text = 'انسحاب القوات الأمريكية';
    const tokens = tokenize(text);
    expect(snapToTokens(tokens, 9, 16)).toEqual({ start: 7, end: 23 });
    expect(tokenRange(tokens, 7, 23)).toEqual({ tokenStart: 1, tokenEnd: 2 });
    expect(tokenRange(tokens, 6, 7)).toBeNull();
  });

  it('finds sentences ending with Arabic and Latin marks', () => {
    const text = 'هل ينسحب الجيش؟ نعم. سيغادر\nفقرة جديدة';
    expect(sentences(text).map((s) => s.text)).toEqual([
      'هل ينسحب الجيش؟',
      'نعم.',
      'سيغادر',
      'فقرة جديدة',
    ]);
  });
});
