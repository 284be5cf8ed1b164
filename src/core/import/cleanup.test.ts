// Each cleanup rule on made-up Arabic news pages (the seeds are covered in
// tests/node/seed-cleanup.test.ts), and properties over arbitrary pages.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, splitLines } from './cleanup.ts';
import { LINE_RULES } from './rules.ts';

const P1 =
  'أكد وزير الخارجية العراقي أن بلاده لا تحتاج إلى قوات قتالية أجنبية على أراضيها، لكنها تريد مواصلة التعاون في مجالات التدريب والاستشارة وتبادل المعلومات.';
const P2 =
  'وقال مسؤول في وزارة الدفاع إن الجدول الزمني للانسحاب سيعتمد على نتائج الحوار الاستراتيجي بين البلدين، مشيراً إلى أن المفاوضات ستستمر خلال الأسابيع المقبلة في واشنطن وبغداد.';
const TITLE = 'وزير الخارجية: لا حاجة لقوات قتالية أجنبية في العراق';

/** The rule ids that removed something, in order. */
function rules(raw: string): string[] {
  return cleanText(raw).removed.map((r) => r.rule);
}

describe('cleanup rules on made-up pages', () => {
  it('ticker: removes a long line of headline fragments, not a long paragraph', () => {
    const ticker = Array.from(
      { length: 12 },
      (_, i) => `عنوان خبر عاجل رقم ${i} عن الأسواق والسياسة`,
    ).join('    ');
    expect(rules([ticker, TITLE, P1, P2].join('\n'))).toEqual(['ticker']);
    const longParagraph = `${P1} ${P2} ${P1} ${P2}`;
    expect(cleanText(longParagraph).removed).toEqual([]);
  });

  it('page chrome: font-size buttons, share and print lines, image reporting', () => {
    const page = [
      TITLE,
      'A+ A-',
      'تكبير الخط | تصغير الخط',
      'شارك: فيسبوك تويتر واتساب',
      P1,
      'طباعة',
      'Report this image',
      'شكراً على الإبلاغ!',
      P2,
    ].join('\n');
    const r = cleanText(page);
    expect(r.removed.map((x) => [x.rule, x.text])).toEqual([
      ['page-chrome', 'A+ A-'],
      ['page-chrome', 'تكبير الخط | تصغير الخط'],
      ['page-chrome', 'شارك: فيسبوك تويتر واتساب'],
      ['page-chrome', 'طباعة'],
      ['page-chrome', 'Report this image'],
      ['page-chrome', 'شكراً على الإبلاغ!'],
    ]);
    expect(r.text).toBe([TITLE, P1, P2].join('\n\n'));
  });

  it('page chrome: breadcrumbs, menus and copyright footers', () => {
    const page = [
      'الرئيسية > أخبار > العراق',
      'الرئيسية | سياسة | اقتصاد | رياضة',
      TITLE,
      P1,
      P2,
      'جميع الحقوق محفوظة لشبكة الأخبار 2021',
    ].join('\n');
    const r = cleanText(page);
    expect(r.removed.map((x) => x.rule)).toEqual(['page-chrome', 'page-chrome', 'page-chrome']);
    expect(r.meta.title).toBe(TITLE);
  });

  it('credit: photo credits in several forms', () => {
    const page = [
      TITLE,
      '(الصورة: رويترز)',
      'تصوير: أحمد علي',
      '© AFP',
      'Getty Images',
      P1,
      P2,
    ].join('\n');
    expect(rules(page)).toEqual(['credit', 'credit', 'credit', 'credit']);
  });

  it('source link and read-also lines, wherever they are', () => {
    const page = [
      TITLE,
      P1,
      'اقرأ أيضاً: الكاظمي يصل إلى واشنطن',
      P2,
      'إقرأ ايضا',
      'اضغط هنا لقراءة المقال من المصدر',
    ].join('\n');
    expect(rules(page)).toEqual(['read-also', 'read-also', 'source-link']);
  });

  it('tags, date, update, author and outlet lines at the top, lifting metadata', () => {
    const page = [
      TITLE,
      'الأربعاء ١٤ نيسان ٢٠٢١ - 10:30',
      'آخر تحديث: 12:45',
      'بقلم: أحمد علي',
      'الوسوم: العراق، واشنطن، الانسحاب',
      'الجزيرة نت',
      P1,
      P2,
    ].join('\n');
    const r = cleanText(page);
    expect(r.removed.map((x) => x.rule)).toEqual([
      'date-line',
      'update-line',
      'author-line',
      'tags',
      'outlet-line',
    ]);
    expect(r.meta).toEqual({
      title: TITLE,
      date: '2021-04-14',
      author: 'أحمد علي',
      outlet: 'الجزيرة',
    });
  });

  it('a date line may carry a weekday, time and place, but not other words', () => {
    const removed = (line: string): string[] =>
      cleanText([TITLE, line, P1, P2].join('\n')).removed.map((r) => r.rule);
    expect(removed('نشر بتاريخ: الخميس 29/07/2021 - 10:30 م (بغداد)')).toEqual(['date-line']);
    expect(removed('مصر 29/07/2021')).toEqual([]);
    expect(removed('29/07/2021 موعد الانتخابات')).toEqual([]);
  });

  it('a bare name is an author only next to the date line', () => {
    const withDate = cleanText([TITLE, '26-07-2021', 'سارة محمد الجبوري', P1, P2].join('\n'));
    expect(withDate.meta.author).toBe('سارة محمد الجبوري');
    const withoutDate = cleanText([TITLE, 'سارة محمد الجبوري', P1, P2].join('\n'));
    expect(withoutDate.meta.author).toBeNull();
    expect(withoutDate.removed).toEqual([]);
  });

  it('a date inside a paragraph is metadata but stays in the text', () => {
    const p =
      'قال الرئيس اليوم الثلاثاء (27 تموز 2021) إن العلاقة بين البلدين أقوى من أي وقت مضى، وإن الحوار سيستمر.';
    const r = cleanText([TITLE, p, P2].join('\n'));
    expect(r.meta.date).toBe('2021-07-27');
    expect(r.text).toContain('(27 تموز 2021)');
  });

  it('published line of an aggregator: outlet and date', () => {
    const r = cleanText([TITLE, 'نشر في الشرق الأوسط يوم 03 - 08 - 2021', P1, P2].join('\n'));
    expect(r.meta).toMatchObject({ outlet: 'الشرق الأوسط', date: '2021-08-03' });
    expect(r.removed.map((x) => x.rule)).toEqual(['published-line']);
  });

  it('comments: a comment form after the article goes as one block', () => {
    const page = [TITLE, P1, P2, '', 'أضف تعليقاً', 'الاسم', 'البريد الإلكتروني', 'إرسال', ''].join(
      '\n',
    );
    const r = cleanText(page);
    expect(r.removed).toEqual([
      {
        rule: 'comments',
        reason: expect.any(String),
        text: 'أضف تعليقاً\nالاسم\nالبريد الإلكتروني\nإرسال',
        line: 5,
      },
    ]);
    // A comments heading followed by a long paragraph is not a form.
    expect(rules([TITLE, P1, 'التعليقات', P2].join('\n'))).toEqual([]);
  });

  it('repeated title and repeated blocks', () => {
    const page = [TITLE, '', TITLE, P1, 'عنوان فرعي', P2, 'اقرأ أيضاً:', P1, 'عنوان فرعي', P2].join(
      '\n',
    );
    const r = cleanText(page);
    expect(r.removed.map((x) => [x.rule, x.line])).toEqual([
      ['repeated-title', 3],
      ['read-also', 7],
      ['repeated-block', 8],
    ]);
    expect(r.removed[2]!.text).toBe([P1, 'عنوان فرعي', P2].join('\n'));
    expect(r.text).toBe([TITLE, P1, 'عنوان فرعي', P2].join('\n\n'));
  });

  it('keeps a short line that happens to repeat (a quoted slogan)', () => {
    const r = cleanText([TITLE, P1, 'لا للاحتلال', P2, 'لا للاحتلال'].join('\n'));
    expect(r.removed).toEqual([]);
  });

  it('collapses spaces (NBSP included), drops blank lines and writes NFC', () => {
    const decomposed = 'العِرَاق'.normalize('NFD');
    const r = cleanText(
      `${TITLE}\n\u00a0\n${P1.replace(/ /gu, '\u00a0 ')}\n\t\n${decomposed}  ${P2}`,
    );
    expect(r.text).toBe([TITLE, P1, `${decomposed} ${P2}`.normalize('NFC')].join('\n\n'));
    expect(r.removed).toEqual([]);
  });

  it('keeps article sentences that contain chrome phrases (no false positives)', () => {
    // Made-up body lines, each short enough for the rules' length limits.
    const body = [
      'الوسم #الكاظمي_في_واشنطن تصدر قائمة الأكثر تداولاً في العراق مساء الأحد.',
      'الوسوم التي أطلقها الناشطون انتشرت بسرعة على مواقع التواصل.',
      'الكلمات الدالة على الموقف الأمريكي كثيرة في خطاب الوزير.',
      'وقال النائب إن "جميع الحقوق محفوظة للمكونات كافة" في الدستور الجديد.',
      'وقال النائب إن جميع الحقوق محفوظة للمكونات كافة في الدستور الجديد',
      'وكتب على صفحته: "اضغط هنا لتعرف الحقيقة" قبل أن يحذف المنشور بساعة.',
      'اضغط هنا لتعرف الحقيقة، هكذا كانت تقول الرسائل التي وصلت الهواتف.',
      'وأظهرت صورة نشرتها Getty Images الرئيس وهو يغادر القاعة.',
      'وقالت الشركة إن سيتم حجب هذه الصورة من المواقع المحلية قريباً.',
      'تابعنا على الأرض تطورات المعركة ساعة بساعة.',
      'Related to this, the minister said talks would resume.',
    ];
    const page = [TITLE, P1, ...body, P2].join('\n');
    const r = cleanText(page);
    expect(r.removed.map((x) => [x.rule, x.text])).toEqual([]);
    for (const line of body) expect(r.text).toContain(line);
  });

  it('still removes the chrome forms those phrases come in', () => {
    const page = [
      TITLE,
      P1,
      'الوسم: الكاظمي',
      'Tags',
      'سيتم حجب هذه الصورة تلقائيا عندما يتم الإبلاغ عنها.',
      'تابعونا على تويتر وفيسبوك',
      'Photo: John Smith / Getty Images',
      'AFP via Getty Images',
      'للمزيد اضغط هنا',
      'انقر هنا للاشتراك في قناتنا',
      P2,
      '© 2021 الجزيرة. جميع الحقوق محفوظة',
      'المدن. جميع الحقوق محفوظة',
      'جميع الحقوق محفوظة © 2021',
    ].join('\n');
    expect(rules(page)).toEqual([
      'tags',
      'tags',
      'page-chrome',
      'page-chrome',
      'credit',
      'credit',
      'source-link',
      'source-link',
      'page-chrome',
      'page-chrome',
      'page-chrome',
    ]);
  });

  it('every rule has an id, a reason and something to match', () => {
    for (const rule of LINE_RULES) {
      expect(rule.id).toMatch(/^[a-z-]+$/);
      expect(rule.reason.length).toBeGreaterThan(5);
      expect((rule.patterns?.length ?? 0) > 0 || rule.test !== undefined).toBe(true);
    }
  });
});

const chromeLines = [
  'A+ A-',
  'increase حجم الخط decrease',
  '© Getty',
  'اقرأ أيضاً:',
  'التعليقات',
  'الجمعة 2021/07/23',
  'رووداو ديجيتال',
  'انقر هنا لقراءة الخبر من مصدره.',
  '\u00a0',
  '',
  TITLE,
  P1,
  P2,
];
const pageLine = fc.oneof(
  fc.constantFrom(...chromeLines),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom('قال', 'العراق', 'وزير', '   ', '\u00a0', '،', '.', 'CIA', '2021', 'ـ', 'ً'),
      { maxLength: 60 },
    )
    .map((w) => w.join(' ')),
);
const page = fc
  .array(pageLine, { maxLength: 40 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((nl) => lines.join(nl)));

describe('cleanup properties', () => {
  it('never throws, and every removal is the raw text at its line', () => {
    fc.assert(
      fc.property(page, (raw) => {
        const r = cleanText(raw);
        const rawLines = splitLines(raw);
        for (const x of r.removed) {
          expect(x.line).toBeGreaterThanOrEqual(1);
          const n = splitLines(x.text).length;
          expect(x.line + n - 1).toBeLessThanOrEqual(rawLines.length);
          expect(rawLines.slice(x.line - 1, x.line - 1 + n).join('\n')).toBe(x.text);
        }
        const lines = r.removed.map((x) => x.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('writes NFC text without runs of spaces, NBSP or blank paragraphs', () => {
    fc.assert(
      fc.property(page, (raw) => {
        const { text } = cleanText(raw);
        expect(text).toBe(text.normalize('NFC'));
        expect(text).not.toMatch(/ {2}|\u00a0|\n{3}|^\s|\s$/u);
      }),
      { numRuns: 300 },
    );
  });
});

describe('author lines', () => {
  it('takes bylines with بقلم or a colon, not sentences that start with كتب', () => {
    const meta = (line: string): string | null =>
      cleanText([TITLE, line, P1, P2].join('\n')).meta.author;
    expect(meta('بقلم د. سعد ناجي جواد')).toBe('د. سعد ناجي جواد');
    expect(meta('بقلم سعد ناجي جواد')).toBe('سعد ناجي جواد');
    expect(meta('كتب: علي حسين')).toBe('علي حسين');
    expect(meta('By: Jane Arraf')).toBe('Jane Arraf');
    expect(meta('كتب الرئيس على تويتر أنه سيزور بغداد')).toBeNull();
    expect(
      cleanText([TITLE, 'كتب الرئيس على تويتر أنه سيزور بغداد', P1].join('\n')).removed,
    ).toEqual([]);
  });
});
