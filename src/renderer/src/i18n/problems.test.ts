// Problems read right in the interface language: every code formats in both
// catalogs with its values, numbers follow the digits setting, the values a
// message chooses by reach it unchanged, and an unexpected error keeps its
// own text after the localized sentence.
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { PROBLEM_CODES } from '@core/problems/codes.ts';
import { atPath, byteSize, duration, problem } from '@core/problems/problem.ts';
import { fileTooLarge } from '@core/problems/host-file.ts';
import { CATALOGS } from './catalogs.ts';
import { errorWords, phraseWords, problemWords, quantityWords, SELECT_KEYS } from './problems.ts';
import { translateIn } from '../test/translate.ts';

/** Sample values for every argument of `ast`: numbers for counts, text otherwise. */
function samples(ast: MessageFormatElement[], out: Record<string, string | number> = {}) {
  for (const el of ast) {
    if (el.type === TYPE.number || el.type === TYPE.plural) out[el.value] = 2;
    else if (el.type === TYPE.argument || el.type === TYPE.select) out[el.value] ??= 'v';
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const o of Object.values(el.options)) samples(o.value, out);
  }
  return out;
}

/** The arguments `ast` chooses by (select). */
function selects(ast: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of ast) {
    if (el.type === TYPE.select) out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const o of Object.values(el.options)) selects(o.value, out);
  }
  return out;
}

describe('problems in the interface language', () => {
  it('every code formats in English and Arabic, without a formatting error', () => {
    for (const lang of ['en', 'ar'] as const) {
      const errors: string[] = [];
      const t = translateIn(lang, 'latn', errors);
      for (const code of PROBLEM_CODES) {
        const ast = parse(CATALOGS[lang][`problem.${code}` as never]);
        const text = problemWords(t, problem(code, samples(ast)));
        expect(text, `${lang} ${code}`).not.toContain(`problem.${code}`);
        // No argument left unfilled (shapes such as a backup row's are quoted braces).
        const quoted = ast.flatMap((el) => (el.type === TYPE.literal ? [el.value] : []));
        const unquoted = quoted.reduce((rest, lit) => rest.replace(lit, ''), text);
        expect(unquoted, `${lang} ${code}`).not.toMatch(/[{}]/);
      }
      expect(errors, lang).toEqual([]);
    }
  });

  it('passes the values a message chooses by unchanged', () => {
    for (const lang of ['en', 'ar'] as const)
      for (const code of PROBLEM_CODES)
        for (const arg of selects(parse(CATALOGS[lang][`problem.${code}` as never])))
          expect(SELECT_KEYS.has(arg), `${lang} problem.${code}: ${arg}`).toBe(true);
    const t = translateIn('ar', 'arab');
    const p = problem('jsonl.notUtf8', { at: 9, advice: 'cp1256' });
    expect(problemWords(t, p)).toBe(
      'ليس UTF-8 صالحًا عند البايت ٩: يبدو الملف بترميز Windows-1256 (العربي القديم)؛ احفظه بترميز UTF-8 وأعد المحاولة',
    );
  });

  it('names the field (isolated in Arabic) and the numbers in the chosen digits', () => {
    const p = atPath('spans[0]', problem('span.endBeforeStart', { start: 5, end: 3 }));
    expect(problemWords(translateIn('ar', 'arab'), p)).toBe(
      '\u2068spans[0]\u2069: يجب أن تكون النهاية (٣) أكبر من البداية (٥)',
    );
    expect(problemWords(translateIn('en', 'latn'), p)).toBe(
      'spans[0]: end (3) must be greater than start (5)',
    );
  });

  it('words nested problems and counts with Arabic plurals', () => {
    const t = translateIn('ar', 'arab');
    const inner = problem('file.empty');
    expect(
      problemWords(t, problem('import.unreadable', { file: 'a.jsonl', line: 1, reason: inner })),
    ).toBe('\u2068a.jsonl\u2069، السطر ١: الملف فارغ. لا يمكن استيراد شيء منه.');
    expect(problemWords(t, problem('import.badLines', { count: 2 }))).toMatch(/^سطران معيبان/);
    expect(problemWords(t, problem('import.badLines', { count: 11 }))).toMatch(/^١١ سطرًا معيبًا/);
  });

  it('an unexpected error gets a sentence in the language, with its own text after it', () => {
    expect(errorWords(translateIn('ar', 'latn'), new TypeError('x is undefined'))).toBe(
      'خطأ غير متوقَّع (\u2068x is undefined\u2069)',
    );
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(errorWords(translateIn('ar', 'latn'), quota)).toMatch(/^القرص أو حصة التخزين/);
  });

  it('a failure says what failed and where in the language, names isolated, counts in plural', () => {
    const ar = translateIn('ar', 'arab');
    expect(phraseWords(ar, 'failureTask.saveLabel', { name: 'pro-withdrawal' })).toBe(
      'حفظ التصنيف «\u2068pro-withdrawal\u2069»',
    );
    expect(phraseWords(ar, 'failureTask.acceptAgreed', { count: 2 })).toBe(
      'قبول ما يتّفق عليه معلّقان على الأقل',
    );
    expect(phraseWords(ar, 'failureTask.acceptAgreed', { count: 3 })).toBe(
      'قبول ما يتّفق عليه ٣ معلّقين على الأقل',
    );
    const en = translateIn('en', 'latn');
    expect(phraseWords(en, 'failureTask.acceptAgreed', { count: 1 })).toBe(
      'Accepting what at least 1 annotator agrees on',
    );
    expect(phraseWords(en, 'export.title')).toBe('Export dataset');
  });

  it('sizes and times carry their unit in the language, in the chosen digits', () => {
    const MB = 1024 * 1024;
    const errors: string[] = [];
    const ar = translateIn('ar', 'arab', errors);
    const en = translateIn('en', 'latn', errors);
    const tooLarge = fileTooLarge(200 * MB + 1, 200 * MB);
    expect(problemWords(ar, tooLarge)).toBe('أكبر من اللازم (٢٠٠٫٠ ميغابايت؛ الحد ٢٠٠ ميغابايت)');
    expect(problemWords(translateIn('ar', 'latn', errors), tooLarge)).toBe(
      'أكبر من اللازم (200.0 ميغابايت؛ الحد 200 ميغابايت)',
    );
    expect(problemWords(en, tooLarge)).toBe('too large (200.0 MB; the limit is 200 MB)');
    const article = problem('article.tooBig', {
      size: byteSize(25.5 * MB),
      limit: byteSize(20 * MB),
    });
    expect(problemWords(ar, article)).toBe(
      'حجم الملف ٢٥٫٥ ميغابايت؛ لا تُستورد الملفات الأكبر من ٢٠ ميغابايت',
    );
    expect(quantityWords(ar, byteSize(2048))).toBe('٢٬٠٤٨ بايت');
    expect(quantityWords(en, byteSize(2048))).toBe('2,048 bytes');
    // Arabic's own plural of the unit: 2 seconds, 3 seconds, 30 seconds.
    expect(quantityWords(ar, duration(2000))).toBe('ثانيتان');
    expect(quantityWords(ar, duration(3000))).toBe('٣ ثوان');
    expect(problemWords(ar, problem('article.timeLimit', { limit: duration(30_000) }))).toContain(
      '٣٠ ثانية',
    );
    expect(quantityWords(en, duration(250))).toBe('250 ms');
    expect(errors).toEqual([]);
  });

  it("a system error reads in the language, the system's own code only as an isolated detail", () => {
    const errors: string[] = [];
    const ar = translateIn('ar', 'arab', errors);
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/x'"), {
      code: 'ENOENT',
    });
    expect(errorWords(ar, enoent)).toBe(
      'الملف أو المجلد غير موجود؛ ربما نُقل أو غُيّر اسمه أو حُذف (\u2068ENOENT\u2069)',
    );
    const relayed = new Error(
      "Error invoking remote method 'host:exportWrite': Error: ENOSPC: no space left on device",
    );
    expect(errorWords(ar, relayed)).toBe(
      'القرص ممتلئ أو تجاوز حصّته؛ أفرغ بعض المساحة وأعد المحاولة (\u2068ENOSPC\u2069)',
    );
    expect(errorWords(ar, new DOMException('Permission denied', 'NotAllowedError'))).toBe(
      'رفض النظام الإذن باستعمال هذا الملف أو المجلد (\u2068NotAllowedError\u2069)',
    );
    expect(errorWords(ar, Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))).toBe(
      'رفض النظام العملية (\u2068EIO\u2069)',
    );
    expect(errorWords(translateIn('en', 'latn', errors), relayed)).toBe(
      'the disk is full or over its quota; free some space and try again (ENOSPC)',
    );
    expect(errors).toEqual([]);
  });
});
