/**
 * The Arabic words that attribute speech in news text, folded as
 * arabic-search.ts folds (no tashkeel, bare alef, ي for ى, ه for ة), and
 * the words that end a speaker's name and open what they said. Holder
 * proposals (propose.ts) find a span's speaker through them.
 */

/**
 * How a cue finds its speaker:
 * - `verb`: a finite reporting verb (قال، أكد، أوضح…): the speaker follows
 *   it (قال الكاظمي) or just precedes it (الكاظمي قال), else it continues
 *   the previous speaker (وتابع: …);
 * - `participle`: a circumstantial participle (مضيفاً، مشيراً…) continues the
 *   speaker of the sentence, unless a name sits right before it;
 * - `according`: بحسب، وفق، نقلاً عن: the source follows;
 * - `said-noun`: قوله، قولها (…عن X قوله): the speaker precedes.
 */
export type CueKind = 'verb' | 'participle' | 'according' | 'said-noun';

const VERBS = [
  // قال، أضاف، أكد، أوضح، اعتبر، أشار، تابع، صرّح، ذكر and kin, past and present
  'قال قالت قالوا قالا يقول تقول يقولون',
  'اضاف اضافت اضافوا يضيف تضيف',
  'اكد اكدت اكدوا يؤكد تؤكد',
  'اوضح اوضحت اوضحوا يوضح توضح',
  'اعتبر اعتبرت اعتبروا يعتبر تعتبر',
  'اشار اشارت اشاروا يشير تشير',
  'تابع تابعت',
  'صرح صرحت صرحوا يصرح',
  // Not يذكر/تذكر: mostly the passive يُذكر ("worth mentioning").
  'ذكر ذكرت ذكروا',
  'اعلن اعلنت اعلنوا يعلن تعلن',
  'افاد افادت افادوا يفيد تفيد',
  'لفت لفتت',
  'شدد شددت شددوا يشدد تشدد',
  'حذر حذرت حذروا يحذر تحذر',
  'دعا دعت دعوا يدعو تدعو',
  'اعرب اعربت',
  'راي رات يري تري',
  'كشف كشفت',
  'نفي نفت',
  'اشاد اشادت',
  'رحب رحبت',
  'طالب طالبت طالبوا يطالب تطالب',
  'وصف وصفت',
  'علق علقت',
  'غرد غردت كتب كتبت',
  'اعترف اعترفت',
  'استطرد استطردت',
  'ختم ختمت',
  'نقل نقلت',
].flatMap((l) => l.split(' '));

const PARTICIPLES = [
  'مضيفا مضيفه قائلا قائله مؤكدا مؤكده موضحا موضحه مشيرا مشيره معتبرا معتبره',
  'لافتا لافته واصفا واصفه مشددا مشدده محذرا محذره داعيا داعيه معربا معربه',
  'متابعا متابعه مستطردا مستطرده',
].flatMap((l) => l.split(' '));

const ACCORDING = ['بحسب', 'حسبما', 'وفق', 'وفقا', 'طبقا', 'نقلا'];

const SAID_NOUNS = ['قوله', 'قولها', 'قولهم', 'قولهما'];

const CUES = new Map<string, CueKind>([
  ...VERBS.map((w): [string, CueKind] => [w, 'verb']),
  ...PARTICIPLES.map((w): [string, CueKind] => [w, 'participle']),
  ...ACCORDING.map((w): [string, CueKind] => [w, 'according']),
  ...SAID_NOUNS.map((w): [string, CueKind] => [w, 'said-noun']),
]);

/**
 * Words after which the speaker's name is over and their words begin:
 * إنّ/أنّ (and with بـ or a pronoun), إلى (أشار إلى), من (حذر من), عن
 * (نقلت عن). Not على: folded it is علي, the name Ali.
 */
const OPENERS = new Set([
  'ان',
  'انه',
  'انها',
  'انهم',
  'انهما',
  'بان',
  'بانه',
  'بانها',
  'بانهم',
  'الي',
  'من',
  'عن',
]);

/** The cue a folded word is, with the conjunction و or ف stripped; null when none. */
export function cueOf(folded: string): { kind: CueKind; word: string } | null {
  const direct = CUES.get(folded);
  if (direct) return { kind: direct, word: folded };
  if (folded.length > 2 && (folded[0] === 'و' || folded[0] === 'ف')) {
    const rest = folded.slice(1);
    const kind = CUES.get(rest);
    if (kind) return { kind, word: rest };
  }
  return null;
}

/** True when a folded word opens what the speaker says (إنّ، أنّ، إلى…). */
export function isOpener(folded: string): boolean {
  return (
    OPENERS.has(folded) || (folded.length > 2 && folded[0] === 'و' && OPENERS.has(folded.slice(1)))
  );
}

/** Every cue word, folded (for documentation and tests). */
export function cueWords(): ReadonlyMap<string, CueKind> {
  return CUES;
}
