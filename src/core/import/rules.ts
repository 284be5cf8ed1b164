/**
 * The cleanup rules for scraped Arabic news pages, as data. Each line rule
 * names itself (`id`), says why it removes a line (`reason`, shown to the
 * analyst), where on the page it applies, how long a line it may remove, and
 * what it matches: regular-expression sources matched against the line with
 * Arabic spelling variants folded (so أ/إ/آ/ا, ى/ي, ة/ه and tashkeel do not
 * matter), or a function for the rules that need more than a pattern. A rule
 * may also lift metadata (date, author, outlet) out of the line it removes.
 * The block rules (comment footers, repeated blocks, repeated titles) live
 * in cleanup.ts; docs/corpus.md lists every rule.
 */
import { findDate, normalizeForDates, WEEKDAYS } from './dates.ts';
import { canonicalOutlet, outletOfLine } from './outlets.ts';

/** Metadata a rule can lift out of a removed line. */
export interface LineMeta {
  date?: string;
  author?: string;
  outlet?: string;
}

/** What a line rule sees of a line. */
export interface LineView {
  /** The line exactly as in the raw text. */
  raw: string;
  /** NFC, spaces collapsed, trimmed. */
  text: string;
  /** `text` with Arabic spelling variants folded (see `foldForRules`). */
  folded: string;
  /** Before the first body paragraph. */
  inHeader: boolean;
  /** After the last body paragraph. */
  inFooter: boolean;
  /** A date line was among the two kept lines before this one. */
  nearDate: boolean;
}

export interface LineRule {
  id: string;
  reason: string;
  /** `edges`: header or footer only; `anywhere`: also between paragraphs. */
  where: 'edges' | 'anywhere';
  /** Longer lines are never removed by this rule (code units of `text`). */
  maxLength: number;
  patterns?: readonly string[];
  /** For rules a pattern cannot express; true or metadata when it matches. */
  test?: (line: LineView) => boolean | LineMeta;
}

const TASHKEEL = /[\u0610-\u061a\u064b-\u065f\u0670\u0640]/gu;

/** Folds Arabic spelling variants and tashkeel; leaves ASCII untouched. */
export function foldForRules(s: string): string {
  return s
    .replace(TASHKEEL, '')
    .replace(/[\u0622\u0623\u0625\u0671]/gu, '\u0627')
    .replace(/\u0649/gu, '\u064a')
    .replace(/\u0629/gu, '\u0647');
}

/**
 * A ticker: one very long line of unrelated headline fragments joined by
 * runs of spaces or bullets, as news sites print across the page top.
 */
export function isTickerLine(raw: string): boolean {
  if (raw.length < 300) return false;
  const fragments = raw
    .split(/\s{3,}|\s[|•·◄►]\s|\s-\s{2,}/u)
    .map((f) => f.trim())
    .filter(Boolean);
  if (fragments.length < 6) return false;
  const mean = fragments.reduce((n, f) => n + f.length, 0) / fragments.length;
  return mean < 140;
}

/** Words that may stand beside a date on a date-only line. */
const DATE_FILLER_WORDS = [
  ...WEEKDAYS,
  'نشر في',
  'نشر بتاريخ',
  'تاريخ النشر',
  'نشر',
  'بتاريخ',
  'التاريخ',
  'اليوم',
  'الموافق',
  'published',
  'posted',
  'on',
  'am',
  'pm',
  'gmt',
  'utc',
  'ص',
  'م',
  'مساء',
  'صباحا',
];
const DATE_FILLER = new RegExp(
  [
    // Whole words only: "م" (p.m.) must not eat the م of مصر.
    `(?<!\\p{L})(?:${DATE_FILLER_WORDS.join('|')})(?!\\p{L})`,
    '\\d{1,2}:\\d{2}(?::\\d{2})?',
    '\\([^)]{0,20}\\)',
    '[-–—|:،,/.]',
  ].join('|'),
  'gu',
);

/** A line that is only a date (with weekday, time or "published" words). */
function dateLine(line: LineView): LineMeta | false {
  const norm = normalizeForDates(line.text);
  const found = findDate(line.text);
  if (!found) return false;
  const rest = (norm.slice(0, found.index) + ' ' + norm.slice(found.index + found.length))
    .replace(DATE_FILLER, ' ')
    .replace(/\s+/gu, '');
  return rest.length <= 2 ? { date: found.date } : false;
}

/** "نشر في OUTLET يوم DATE": the aggregator's publication line. */
function publishedLine(line: LineView): LineMeta | false {
  const m = /^نُ?شِ?رَ? (?:في|على|عبر) (.{2,40}?) (?:يوم|بتاريخ|في) (.+)$/u.exec(line.text);
  if (!m) return false;
  const found = findDate(m[2]!);
  if (!found) return false;
  return { date: found.date, outlet: canonicalOutlet(m[1]!) };
}

const NAME_WORD = /^[\p{Script=Arabic}]{2,}$/u;
/** One to five words without commas or sentence marks: a name ("د." allowed). */
const NAME = '([^\\s،,!?؟:]+(?:\\s+[^\\s،,!?؟:]+){0,4})';

/** "بقلم: X" anywhere at the edges, or a bare 2–4 word name next to the date line. */
function authorLine(line: LineView): LineMeta | false {
  // "بقلم" always introduces a byline; "كتب"/"إعداد"/"by" only with a colon,
  // since "كتب الرئيس على تويتر…" is a sentence, not a byline.
  const explicit =
    new RegExp(`^بقلم\\s*[:：-]?\\s*${NAME}$`, 'u').exec(line.text) ??
    new RegExp(
      `^(?:كتب|كتبت|كتبه|إعداد|اعداد|تقرير|by|written by)\\s*[:：]\\s*${NAME}$`,
      'iu',
    ).exec(line.text);
  if (explicit) return { author: explicit[1]!.trim() };
  if (!line.inHeader || !line.nearDate) return false;
  const words = line.text.split(' ');
  if (words.length < 2 || words.length > 4 || !words.every((w) => NAME_WORD.test(w))) return false;
  return { author: line.text };
}

/** Social platforms and channels a "follow us" line points to. */
const PLATFORMS = [
  'فيسبوك',
  'فيس بوك',
  'تويتر',
  'اكس',
  'انستغرام',
  'انستجرام',
  'تلغرام',
  'تيليجرام',
  'تليجرام',
  'يوتيوب',
  'واتساب',
  'تيك توك',
  'مواقع التواصل',
  'وسائل التواصل',
  'منصات',
  'صفحتنا',
  'صفحاتنا',
  'قناتنا',
  'حساباتنا',
  'حسابنا',
  'جوجل نيوز',
  'google news',
  'facebook',
  'twitter',
  'instagram',
  'telegram',
  'youtube',
  'whatsapp',
].join('|');

/** What a "click here" link line offers (after ل/لل): read, watch, subscribe… */
const LINK_ACTIONS = [
  'قراءه',
  'مشاهده',
  'متابعه',
  'اشتراك',
  'تسجيل',
  'تحميل',
  'تنزيل',
  'مزيد',
  'انضمام',
  'زياره',
  'اطلاع',
  'دخول',
  'استماع',
  'تفاصيل',
].join('|');

/** Labels a tags line starts with. */
const TAG_LABELS = [
  'الكلمات الداله',
  'الكلمات المفتاحيه',
  'كلمات مفتاحيه',
  'كلمات داله',
  'الوسوم',
  'وسوم',
  'الوسم',
  'tags',
  'keywords',
].join('|');

/**
 * Copyright footers: the phrase with a ©, a year or an outlet before it, or
 * alone (optionally "لموقع …"). A sentence that says جميع الحقوق محفوظة (in a
 * quote, or longer than a footer) stays.
 */
const COPYRIGHT_PHRASE = '(?:جميع الحقوق محفوظه|كل الحقوق محفوظه|all rights reserved)';
const COPYRIGHT = [
  `^(?=.{0,120}$)(?:©|\\(c\\)|copyright|حقوق النشر)[^"«»“”]*${COPYRIGHT_PHRASE}`,
  `^(?=.{0,120}$)(?:©\\s*)?(?:19|20)\\d\\d(?:\\s*[-–]\\s*(?:19|20)\\d\\d)?\\b[^"«»“”]{0,50}${COPYRIGHT_PHRASE}`,
  `^(?=.{0,120}$)${COPYRIGHT_PHRASE}[^"«»“”.!?؟]{0,50}(?:©|\\(c\\)|(?:19|20)\\d\\d)[\\s\\d©.–-]*$`,
  `^${COPYRIGHT_PHRASE}(?:\\s+ل(?:موقع|شبكه|صحيفه|جريده|قناه|وكاله|مؤسسه|دار|مجموعه|الموقع|الناشر)\\S*(?:\\s+\\S+){0,3})?[\\s.]*$`,
  `^(?=.{0,80}$)[^"«»“”!?؟]{2,40}[.|–—-]\\s*${COPYRIGHT_PHRASE}[\\s.]*$`,
];

/**
 * Line rules in the order they are tried; the first that matches removes
 * the line. `maxLength` keeps a rule from ever eating a real paragraph.
 */
export const LINE_RULES: readonly LineRule[] = [
  {
    id: 'ticker',
    reason: 'News ticker: a long line of unrelated headlines',
    where: 'anywhere',
    maxLength: Infinity,
    test: (l) => isTickerLine(l.raw),
  },
  {
    id: 'page-chrome',
    reason: 'Page controls (font size, share, print, image reporting, navigation)',
    where: 'anywhere',
    maxLength: 160,
    patterns: [
      '^(?:A\\s*\\+\\s*A\\s*-|A\\s*-\\s*A\\s*\\+)$',
      '^(?:increase\\s+)?حجم الخط(?:\\s+decrease)?$',
      '^(?:تكبير|تصغير)(?: الخط)?(?:\\s*[|/-]?\\s*(?:تكبير|تصغير)(?: الخط)?)*$',
      '^(?:شارك|مشاركه|شارك الخبر|شارك المقال|شارك هذا الخبر|طباعه|اطبع|ارسل|share|print|email)(?:\\s*[:|،,]?\\s*(?:على|عبر|فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تيليجرام|لينكدان|انستغرام|البريد الالكتروني|طباعه|نسخ الرابط|facebook|twitter|whatsapp|telegram|linkedin|email|print|x))*$',
      '^شكرا (?:لك )?على الابلاغ!?$',
      // The image-report notice starts its own line ("سيتم حجب هذه الصورة
      // تلقائيا عندما…"); a sentence that merely quotes it stays.
      '^(?=.{0,120}$)سيتم حجب هذه الصوره(?:\\s|[.]|$)',
      '^(?:الابلاغ عن|ابلغ عن|بلغ عن) (?:هذه )?الصوره',
      '^report this image',
      // "Follow us" only with a platform or channel: "تابعنا على الأرض…" is a sentence.
      `^(?=.{0,100}$)(?:تابعونا|تابعنا) (?:على|عبر|في) (?:\\S+ ){0,3}?(?:${PLATFORMS})`,
      '^(?=.{0,80}$)اشترك في (?:النشره|نشرتنا)',
      '^(?=.{0,60}$)حمل تطبيق[^.،,"«»“”]*$',
      '^(?:الرئيسيه|الصفحه الرئيسيه|home)(?:\\s*[>»/|›]\\s*[^>»/|›]+)*$',
      ...COPYRIGHT,
    ],
  },
  {
    id: 'credit',
    reason: 'Photo or media credit',
    where: 'anywhere',
    maxLength: 100,
    patterns: [
      '^(?:©|\\(c\\)|copyright)',
      '^\\(?(?:الصوره|صوره|تصوير|مصدر الصوره|الصوره من|photo|image|credit|photograph)\\s*[:：]',
      '^(?:getty(?: images)?|afp|reuters|ap|epa|رويترز|ا ف ب|فرانس برس|اسوشيتد برس)$',
      // "Name / Getty Images", "(AFP via Getty Images)": the agency ends a
      // credit after a separator; "…نشرتها Getty Images أمس" is a sentence.
      '^\\(?(?:getty images|shutterstock)\\)?\\s*(?:[/|:–—-].{0,60})?$',
      '(?:[/|(©:–—-]|\\bvia|عبر)\\s*(?:getty images|shutterstock)\\s*\\)?\\.?$',
    ],
  },
  {
    id: 'source-link',
    reason: 'Link to the original source',
    where: 'anywhere',
    maxLength: 160,
    patterns: [
      // "انقر هنا لقراءة…/للمزيد": a short line that starts with the call and
      // says what the link does; "اضغط هنا لتعرف الحقيقة…" in a quote stays.
      `^(?=.{0,100}$)(?:انقر|اضغط|انقروا|اضغطوا|click) (?:هنا|here)\\s*(?:لل?(?:${LINK_ACTIONS})\\S*(?:\\s+\\S+){0,6}|to .{0,60})?[\\s.:]*$`,
      // A short line that ends with the call: "للمزيد اضغط هنا".
      '^(?=.{0,80}$)[^،,"«»“”.!?؟]*(?:انقر|اضغط|انقروا|اضغطوا) هنا\\s*[.:]?$',
      '^(?=.{0,120}$)لقراءه (?:الخبر|المقال|المزيد|الموضوع) (?:من|في|على) (?:مصدره|المصدر|الموقع)',
      '^(?:رابط المصدر|رابط الخبر|المصدر الاصلي)\\s*[:：]?',
    ],
  },
  {
    id: 'read-also',
    reason: '“Read also” heading or link to another article',
    where: 'anywhere',
    maxLength: 200,
    patterns: [
      '^(?:اقرا|اقرئي|اقراوا) (?:ايضا|ايضًا|ايضاً|المزيد)(?:\\s*[:：-].*)?$',
      '^(?:مواضيع|اخبار|مقالات|قصص) (?:ذات صله|متعلقه|مرتبطه)\\s*[:：]?$',
      '^(?:read (?:also|more)|related(?: articles| stories)?|see also)\\s*(?:[:：»›>].*)?$',
    ],
  },
  {
    id: 'tags',
    reason: 'Tags line',
    where: 'anywhere',
    maxLength: 300,
    patterns: [
      // A label and a separator, or the label alone on its line.
      `^(?:${TAG_LABELS})\\s*(?:[:：|–—-]|$)`,
      // The two-word labels also without a separator ("الكلمات الدالة قمة
      // واشنطن"), but not a sentence ("الكلمات الدالة على الموقف كثيرة.").
      '^(?:الكلمات الداله|الكلمات المفتاحيه|كلمات مفتاحيه|كلمات داله)\\s+(?!(?:على|في|من|عن|التي|هي|هو|كانت|كان)\\s)[^.!?؟"«»“”]*$',
    ],
  },
  {
    id: 'published-line',
    reason: 'Publication line (outlet and date kept as metadata)',
    where: 'edges',
    maxLength: 120,
    test: publishedLine,
  },
  {
    id: 'date-line',
    reason: 'Date line (the date is kept as metadata)',
    where: 'edges',
    maxLength: 80,
    test: dateLine,
  },
  {
    id: 'update-line',
    reason: 'Update-time line',
    where: 'edges',
    maxLength: 80,
    patterns: ['^(?:اخر تحديث|تم التحديث|تحديث|محدث|updated|last updated)\\s*(?:[:：]|في|$)'],
  },
  {
    id: 'outlet-line',
    reason: 'Outlet name (kept as metadata)',
    where: 'edges',
    maxLength: 60,
    test: (l) => {
      const outlet = outletOfLine(l.text);
      return outlet ? { outlet } : false;
    },
  },
  {
    id: 'author-line',
    reason: 'Author line (the author is kept as metadata)',
    where: 'edges',
    maxLength: 70,
    test: authorLine,
  },
];

/** Compiled patterns of each rule (sources folded like the lines they match). */
const COMPILED = new Map<string, RegExp[]>(
  LINE_RULES.map((r) => [r.id, (r.patterns ?? []).map((p) => new RegExp(foldForRules(p), 'iu'))]),
);

/**
 * The first rule of the pass `where` that removes `line`, with any metadata
 * it lifts, or null. Edge rules apply only in the header or footer.
 */
export function matchLineRule(
  line: LineView,
  where: LineRule['where'],
): { rule: LineRule; meta: LineMeta } | null {
  for (const rule of LINE_RULES) {
    if (rule.where !== where || line.text.length > rule.maxLength) continue;
    if (where === 'edges' && !line.inHeader && !line.inFooter) continue;
    if (COMPILED.get(rule.id)!.some((re) => re.test(line.folded))) return { rule, meta: {} };
    const hit = rule.test?.(line);
    if (hit) return { rule, meta: hit === true ? {} : hit };
  }
  return null;
}
