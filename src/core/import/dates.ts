/**
 * Finds dates in the lines of Arabic news pages and writes them as ISO 8601.
 * Pages write dates many ways: 2021/07/23, 26-07-2021, "25 - 07 - 2021",
 * "25 تموز 2021" (Levantine month names), "26 يوليو 2021" (Egyptian and Gulf),
 * "26 تموز/يوليو 2021", with Arabic-Indic digits (٢٠٢١) or Western ones.
 */

/** Month names, normalized (see `normalizeForDates`), to month numbers. */
const MONTHS: Record<string, number> = {
  // Levantine / Iraqi
  'كانون الثاني': 1,
  شباط: 2,
  اذار: 3,
  نيسان: 4,
  ايار: 5,
  حزيران: 6,
  تموز: 7,
  اب: 8,
  ايلول: 9,
  'تشرين الاول': 10,
  'تشرين الثاني': 11,
  'كانون الاول': 12,
  // Egyptian / Gulf (transliterated)
  يناير: 1,
  فبراير: 2,
  مارس: 3,
  ابريل: 4,
  مايو: 5,
  يونيو: 6,
  يونيه: 6,
  يوليو: 7,
  يوليه: 7,
  اغسطس: 8,
  سبتمبر: 9,
  اكتوبر: 10,
  نوفمبر: 11,
  ديسمبر: 12,
  // Maghrebi
  جانفي: 1,
  فيفري: 2,
  افريل: 4,
  ماي: 5,
  جوان: 6,
  جويلية: 7,
  اوت: 8,
  // English
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Longest names first, so "تشرين الاول" wins over a shorter prefix. */
const MONTH_ALTERNATION = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Arabic weekday names (normalized), for recognising date-only lines. */
export const WEEKDAYS = [
  'السبت',
  'الاحد',
  'الاثنين',
  'الإثنين',
  'الثلاثاء',
  'الاربعاء',
  'الخميس',
  'الجمعة',
];

/**
 * Arabic-Indic and Persian digits to ASCII, alef variants to bare alef,
 * Latin to lower case: the form every date pattern here is written in.
 * Keeps the length of the string unchanged.
 */
export function normalizeForDates(s: string): string {
  return s
    .replace(/[\u0660-\u0669]/gu, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/gu, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0622\u0623\u0625]/gu, '\u0627')
    .toLowerCase();
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface DateMatch {
  /** ISO 8601 date, YYYY-MM-DD. */
  date: string;
  /** Index and length of the match in the input string. */
  index: number;
  length: number;
}

const PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => string | null }[] = [
  // 2021/07/23, 2021-07-23
  {
    re: /(?<![\d])(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?![\d])/u,
    build: (m) => iso(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  // 23/07/2021, 26-07-2021, 25 - 07 - 2021 (day first, as Arabic pages write it)
  {
    re: /(?<![\d])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d])/u,
    build: (m) => iso(Number(m[3]), Number(m[2]), Number(m[1])),
  },
  // 25 تموز 2021, 26 تموز/يوليو 2021, 25 july 2021
  {
    re: new RegExp(
      `(?<![\\d])(\\d{1,2})\\s+(${MONTH_ALTERNATION})(?:\\s*[/-]\\s*(?:${MONTH_ALTERNATION}))?\\s*,?\\s+(\\d{4})(?![\\d])`,
      'u',
    ),
    build: (m) => iso(Number(m[3]), MONTHS[m[2]!] ?? 0, Number(m[1])),
  },
  // july 25, 2021
  {
    re: new RegExp(`(${MONTH_ALTERNATION})\\s+(\\d{1,2}),?\\s+(\\d{4})(?![\\d])`, 'u'),
    build: (m) => iso(Number(m[3]), MONTHS[m[1]!] ?? 0, Number(m[2])),
  },
];

/** The first full date (day, month, year) in `s`, or null. */
export function findDate(s: string): DateMatch | null {
  const norm = normalizeForDates(s);
  let best: DateMatch | null = null;
  for (const p of PATTERNS) {
    const m = p.re.exec(norm);
    if (!m) continue;
    const date = p.build(m);
    if (date && (best === null || m.index < best.index)) {
      best = { date, index: m.index, length: m[0].length };
    }
  }
  return best;
}

/** Parses a date the way page metadata writes it (ISO, or any form above). */
export function parseDate(s: string): string | null {
  const t = s.trim();
  const isoFull =
    /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u.exec(t);
  if (isoFull) {
    const day = iso(Number(isoFull[1]), Number(isoFull[2]), Number(isoFull[3]));
    return day ? `${day}${isoFull[4] ?? ''}` : null;
  }
  return findDate(t)?.date ?? null;
}
