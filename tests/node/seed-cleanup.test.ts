// The cleanup rules on the five real seed articles (resources/corpus), as
// the issue describes them: what each page carries and what must go.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/core/import/cleanup.ts';
import { prepareArticle } from '../../src/core/import/prepare.ts';

function seed(prefix: string): string {
  const names = [
    '000_1657261326c80e5f',
    '001_29400f97fdbec8ff',
    '002_11f411e90ec78642',
    '003_fa21b2dda6de4db5',
    '004_8671c16eaac51af9',
  ];
  const name = names.find((n) => n.startsWith(prefix))!;
  return readFileSync(`resources/corpus/${name}.txt`, 'utf8');
}

function rulesOf(raw: string): [string, number][] {
  return cleanText(raw).removed.map((r) => [r.rule, r.line]);
}

describe('cleanup of the seed articles', () => {
  it('000: drops the "read also" block that repeats the first paragraphs', () => {
    const raw = seed('000');
    const r = cleanText(raw);
    expect(rulesOf(raw)).toEqual([
      ['read-also', 35],
      ['repeated-block', 36],
      ['read-also', 69],
    ]);
    const lines = raw.split('\n');
    expect(r.removed[1]!.text).toBe(lines.slice(35, 68).join('\n'));
    // Every paragraph of the article is kept exactly once.
    const first = lines[1]!;
    expect(r.text.split(first).length - 1).toBe(1);
    expect(r.text.split('\n\n')).toHaveLength(34);
    expect(r.meta).toEqual({ title: null, date: null, author: null, outlet: null });
  });

  it('001: date and update lines, repeated headline, photo credit, font buttons, comments', () => {
    const r = cleanText(seed('001'));
    expect(r.removed.map((x) => [x.rule, x.line, x.text])).toEqual([
      ['date-line', 1, 'الجمعة 2021/07/23'],
      ['update-line', 3, 'آخر تحديث: 20:02 (بيروت)'],
      ['date-line', 7, 'الجمعة 2021/07/23'],
      ['repeated-title', 8, 'واشنطن قد تسحب قواتها المقاتلة من العراق نهاية 2021'],
      ['credit', 9, '© Getty'],
      ['page-chrome', 10, 'increase حجم الخط decrease'],
      ['page-chrome', 30, 'increase حجم الخط decrease'],
      ['comments', 32, 'التعليقات\n\nالتعليقات المنشورة تعبر عن آراء أصحابها'],
    ]);
    expect(r.meta).toMatchObject({
      title: 'واشنطن قد تسحب قواتها المقاتلة من العراق نهاية 2021',
      date: '2021-07-23',
    });
    expect(
      r.text.startsWith('واشنطن قد تسحب قواتها المقاتلة من العراق نهاية 2021\n\nنقلت صحيفة'),
    ).toBe(true);
    expect(r.text.endsWith('قد تستغرق سنوات.')).toBe(true);
  });

  it('002: the 3,500-character ticker, "report this image" text and the source link', () => {
    const raw = seed('002');
    const r = cleanText(raw);
    expect(rulesOf(raw)).toEqual([
      ['ticker', 1],
      ['page-chrome', 9],
      ['page-chrome', 10],
      ['published-line', 15],
      ['source-link', 50],
    ]);
    expect(r.removed[0]!.text.length).toBeGreaterThan(3500);
    expect(r.meta).toEqual({
      title: 'العراق وإنهاء التواجد الأمريكي والأجنبي من أراضيها',
      date: '2021-07-25',
      author: null,
      outlet: '26 سبتمبر',
    });
    expect(r.text).not.toContain('انقر هنا');
    expect(r.text).not.toContain('العليمي');
  });

  it('003: title, date, author, tags, "A+ A-", the outlet name and the comment form', () => {
    const raw = seed('003');
    const r = cleanText(raw);
    expect(rulesOf(raw)).toEqual([
      ['date-line', 3],
      ['author-line', 4],
      ['tags', 5],
      ['page-chrome', 6],
      ['outlet-line', 8],
      ['comments', 62],
    ]);
    expect(r.removed.at(-1)!.text).toBe(raw.split('\n').slice(61, 69).join('\n'));
    expect(r.meta).toEqual({
      title:
        'ضمن إطار الجولة الرابعة من الحوار الستراتيجي.. قمة مرتقبة بين بايدن والكاظمي في واشنطن',
      date: '2021-07-26',
      author: 'شيرين أحمد كيلو',
      outlet: 'رووداو',
    });
    expect(r.text.endsWith('المقررة في 10 تشرين الأول المقبل.')).toBe(true);
  });

  it('004: the repeated title and the non-breaking spaces', () => {
    const raw = seed('004');
    expect(raw).toContain('\u00a0');
    const r = cleanText(raw);
    expect(rulesOf(raw)).toEqual([['repeated-title', 3]]);
    expect(r.text).not.toContain('\u00a0');
    expect(r.text).not.toMatch(/\n{3}| {2}/u);
    expect(r.meta.date).toBe('2021-07-27');
  });

  it('000 names neither title nor date: it gets none, rather than its first sentence as a title', () => {
    const r = prepareArticle({ name: '000.txt', bytes: new TextEncoder().encode(seed('000')) });
    expect(r.ok).toBe(true);
    expect(r.ok && r.input.title).toBe('');
    expect(r.ok && r.input.date).toBeNull();
  });
});
