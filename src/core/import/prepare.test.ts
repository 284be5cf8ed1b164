import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../tokenize.ts';
import { cpSlice } from '../offsets.ts';
import { splitLines } from './cleanup.ts';
import { fileKind, prepareArticle } from './prepare.ts';

const enc = new TextEncoder();

describe('prepareArticle', () => {
  it('never throws on arbitrary bytes, and a prepared article is consistent', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => enc.encode(s)),
      fc
        .array(
          fc.constantFrom(
            'قال',
            'العراق',
            '\n',
            'A+ A-',
            '© Getty',
            '\u00a0',
            '2021/07/23',
            'اقرأ أيضاً:',
          ),
          {
            maxLength: 80,
          },
        )
        .map((w) => enc.encode(w.join(' '))),
    );
    fc.assert(
      fc.property(bytes, fc.constantFrom('a.txt', 'b.TXT', 'c', 'd.md'), (b, name) => {
        const r = prepareArticle({ name, bytes: b });
        if (!r.ok) {
          expect(r.reason.length).toBeGreaterThan(0);
          return;
        }
        const { text, rawText, removed, title } = r.input;
        // A title is what the page gave, trimmed, or none at all (never invented).
        expect(title).toBe(title.trim());
        expect(text).toBe(text.normalize('NFC'));
        const rawLines = splitLines(rawText);
        for (const x of removed) {
          expect(
            rawLines.slice(x.line - 1, x.line - 1 + splitLines(x.text).length).join('\n'),
          ).toBe(x.text);
        }
        for (const t of tokenize(text)) expect(cpSlice(text, t.start, t.end)).toBe(t.text);
      }),
      { numRuns: 300 },
    );
  });

  it('tells articles, HTML pages and datasets apart by name', () => {
    expect(['a.txt', 'b.HTML', 'c.htm', 'd.jsonl', 'e.json', 'f'].map(fileKind)).toEqual([
      'text',
      'html',
      'html',
      'dataset',
      'dataset',
      'text',
    ]);
    expect(prepareArticle({ name: 'x.jsonl', bytes: enc.encode('{}') })).toMatchObject({
      ok: false,
      reason: 'this is a dataset file; import it as a dataset',
    });
  });

  it('uses hints (the sample manifest) over detection', () => {
    const text =
      'رووداو ديجيتال\n\nقال الرئيس إن الحوار مستمر بين البلدين حتى نهاية العام، وإن الانسحاب سيتم وفق جدول زمني.';
    const r = prepareArticle(
      { name: 'a.txt', bytes: enc.encode(text) },
      { hints: { outlet: 'الجزيرة نت' } },
    );
    expect(r.ok && r.input.outlet).toBe('الجزيرة');
  });

  it('gives an article whose page names no title an empty one, not its first sentence', () => {
    const text =
      'قال رئيس الوزراء العراقي، مصطفى الكاظمي، إن بلاده لم تعد بحاجة إلى قوات قتالية أميركية لمحاربة تنظيم داعش.\nوأشار الكاظمي في مقابلة حصرية إلى أن العراق سيستمر في طلب التدريب.';
    const r = prepareArticle({ name: '000.txt', bytes: enc.encode(text) });
    expect(r.ok).toBe(true);
    expect(r.ok && r.input.title).toBe('');
    expect(r.ok && r.input.date).toBeNull();
  });
});
