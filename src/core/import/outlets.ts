/**
 * Arabic news outlets as their pages print their own names, so that a line
 * that is only the outlet's name (page chrome) is removed and kept as the
 * document's outlet. Each entry: the canonical name, then other spellings.
 * Add outlets here; no code change is needed.
 */
export const KNOWN_OUTLETS: readonly (readonly string[])[] = [
  ['رووداو', 'رووداو ديجيتال', 'Rudaw', 'شبكة رووداو الإعلامية'],
  ['كوردستان 24', 'كوردستان24', 'Kurdistan24', 'Kurdistan 24'],
  ['الجزيرة', 'الجزيرة نت', 'الجزيرة.نت', 'Al Jazeera'],
  ['العربية', 'العربية نت', 'العربية.نت', 'Al Arabiya'],
  ['الشرق', 'الشرق للأخبار', 'Asharq News', 'Asharq'],
  ['الشرق الأوسط', 'Asharq Al-Awsat'],
  ['المدن', 'Almodon'],
  ['سكاي نيوز عربية', 'Sky News Arabia'],
  ['بي بي سي عربي', 'BBC عربي', 'BBC Arabic'],
  ['فرانس 24', 'France 24'],
  ['الحرة', 'Alhurra'],
  ['شفق نيوز', 'Shafaq News'],
  ['السومرية نيوز', 'السومرية', 'Alsumaria'],
  ['الميادين', 'الميادين نت', 'Al Mayadeen'],
  ['روسيا اليوم', 'RT Arabic', 'RT عربي'],
  ['عربي 21', 'عربي21', 'Arabi21'],
  ['العربي الجديد', 'Alaraby'],
  ['القدس العربي', 'Alquds Alarabi'],
  ['اندبندنت عربية', 'Independent Arabia'],
  ['الأناضول', 'وكالة الأناضول', 'Anadolu'],
  ['يمرس', 'Yemeress'],
  ['26 سبتمبر', '26sep', 'سبتمبر نت'],
];

/** Lower-cased, alef-normalized, single-spaced form for comparing names. */
export function outletKey(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u0622\u0623\u0625]/gu, '\u0627')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

const BY_KEY = new Map<string, string>();
for (const [canonical, ...others] of KNOWN_OUTLETS) {
  for (const name of [canonical!, ...others]) BY_KEY.set(outletKey(name), canonical!);
}

/** The canonical outlet name when `line` is exactly an outlet's name, else null. */
export function outletOfLine(line: string): string | null {
  return BY_KEY.get(outletKey(line.replace(/[|:،,.-]+$/u, ''))) ?? null;
}

/** The canonical form of an outlet name (unknown names are returned trimmed). */
export function canonicalOutlet(name: string): string {
  return BY_KEY.get(outletKey(name)) ?? name.replace(/\s+/gu, ' ').trim();
}
