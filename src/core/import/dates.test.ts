import { describe, expect, it } from 'vitest';
import { findDate, parseDate } from './dates.ts';

describe('Arabic dates', () => {
  it.each([
    ['الجمعة 2021/07/23', '2021-07-23'],
    ['26-07-2021', '2021-07-26'],
    ['نشر في 26 سبتمبر يوم 25 - 07 - 2021', '2021-07-25'],
    ['الأحد (25 تموز 2021)', '2021-07-25'],
    ['26 تموز/يوليو 2021', '2021-07-26'],
    ['3 تشرين الأول 2020', '2020-10-03'],
    ['١٢ كانون الثاني ٢٠٢١', '2021-01-12'],
    ['٢٠٢١/٠٧/٢٣', '2021-07-23'],
    ['1 أغسطس 2021', '2021-08-01'],
    ['5 جويلية 2019', '2019-07-05'],
    ['July 26, 2021', '2021-07-26'],
    ['26 July 2021', '2021-07-26'],
  ])('finds %s as %s', (text, iso) => {
    expect(findDate(text)?.date).toBe(iso);
  });

  it('ignores impossible and partial dates', () => {
    expect(findDate('31/02/2021')).toBeNull();
    expect(findDate('26 سبتمبر')).toBeNull();
    expect(findDate('في 26 يوليو الجاري')).toBeNull();
    expect(findDate('2500 جندي و3000 جندي')).toBeNull();
  });

  it('parses metadata dates, keeping the time of full ISO timestamps', () => {
    expect(parseDate('2021-07-26T10:15:00+03:00')).toBe('2021-07-26T10:15:00+03:00');
    expect(parseDate('2021-07-26')).toBe('2021-07-26');
    expect(parseDate('2021-13-40')).toBeNull();
    expect(parseDate('الاثنين 26 تموز 2021')).toBe('2021-07-26');
    expect(parseDate('soon')).toBeNull();
  });
});
