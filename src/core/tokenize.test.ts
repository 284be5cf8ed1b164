import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sentences, snapToTokens, tokenize, tokenRange } from './tokenize.ts';
import { cpSlice, OffsetMap } from './offsets.ts';

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

describe('long texts', () => {
  it('segments a text longer than one piece exactly as a short one, across lines and spaces', () => {
    const para = 'قال الكاظمي 👍🏽 إن العراق لا يحتاج قوات قتالية أجنبية، وإن CIA تراقب 2500 جندي. ';
    const line = para.repeat(120); // one 10,000-character line: split at spaces
    const text = `${line}\n${para}\r\n${line}`;
    const tokens = tokenize(text);
    const map = new OffsetMap(text);
    expect(tokens.filter((t) => map.slice(t.start, t.end) !== t.text)).toEqual([]);
    const perPara = tokenize(para).map((t) => t.text);
    expect(tokens.map((t) => t.text)).toEqual([
      ...Array.from({ length: 120 }, () => perPara).flat(),
      ...perPara,
      ...Array.from({ length: 120 }, () => perPara).flat(),
    ]);
    expect(tokens.map((t) => t.id)).toEqual(tokens.map((_, i) => i));
  });

  it('keeps sentence offsets exact across pieces', () => {
    const text = `${'هل ينسحب الجيش؟ نعم. '.repeat(300)}\n${'سيغادر 👍🏽 قريباً. '.repeat(300)}`;
    for (const s of sentences(text)) expect(cpSlice(text, s.start, s.end)).toBe(s.text);
  });

  it('never splits a long line before a combining mark that follows a space', () => {
    // 4,095 characters, then a space followed by a kasratan: the natural
    // split point is that space, which would leave the mark alone.
    const head = 'قال '.repeat(1023) + 'قا';
    const text = `${head} \u064dوزير ${'العراق '.repeat(20)}`;
    const tokens = tokenize(text);
    expect(tokens.some((t) => /^\p{M}/u.test(t.text))).toBe(false);
    expect(tokens.map((t) => t.text)).toEqual(
      [...new Intl.Segmenter('ar', { granularity: 'word' }).segment(text)]
        .map((s) => s.segment)
        .filter((s) => s.trim().length > 0),
    );
  });

  it('puts every token boundary on a grapheme boundary, on long lines', () => {
    const graphemes = new Intl.Segmenter('ar', { granularity: 'grapheme' });
    const word = fc.constantFrom('قال', 'العراق', 'وزير', 'CIA', '2021', '👍🏽', 'ـ', '،', '.');
    const mark = fc.constantFrom('\u064b', '\u064d', '\u0651', '\u0670', '\u0301', '\u200d', '🏽');
    const unit = fc.oneof(
      { arbitrary: word, weight: 6 },
      { arbitrary: mark, weight: 1 },
      { arbitrary: fc.constant(' '), weight: 4 },
    );
    fc.assert(
      // One line longer than a piece (4,096 characters): plain words up to
      // somewhere before the first split point, then random units, so the
      // split falls among them.
      fc.property(
        fc.integer({ min: 900, max: 1020 }),
        fc.array(unit, { minLength: 300, maxLength: 700 }),
        (filler, units) => {
          const text = 'قال '.repeat(filler) + units.join('');
          const bounds = new Set<number>([text.length]);
          for (const g of graphemes.segment(text)) bounds.add(g.index);
          const map = new OffsetMap(text);
          const inside = tokenize(text)
            .flatMap((t) => [t.start, t.end])
            .filter((cp) => !bounds.has(map.toUtf16(cp)));
          expect(inside).toEqual([]);
        },
      ),
      { numRuns: 25, endOnFailure: true },
    );
  });
});
