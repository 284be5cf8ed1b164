/**
 * The interface language and digit style: which ones exist, the default
 * taken from the system language, and how a stored value is checked (a
 * setting read from IndexedDB or a restored backup is untrusted). Shared
 * by the renderer and the main process (menus); the catalogs are
 * messages/*.json.
 */

/** The languages the interface speaks. */
export const UI_LANGUAGES = ['en', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Western (0-9) or Arabic-Indic (٠-٩) digits, as Intl's numbering systems name them. */
export const DIGIT_STYLES = ['latn', 'arab'] as const;
export type DigitStyle = (typeof DIGIT_STYLES)[number];

/**
 * The interface language the system asks for, from its preferred language
 * tags (navigator.languages, or Electron's app.getPreferredSystemLanguages):
 * the first that is Arabic or English decides; English otherwise.
 */
export function systemLanguage(tags: readonly string[]): UiLanguage {
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ar') return 'ar';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** A stored value if it is a known language, else undefined. */
export function asLanguage(v: unknown): UiLanguage | undefined {
  return UI_LANGUAGES.find((l) => l === v);
}

/** A stored value if it is a known digit style, else undefined. */
export function asDigits(v: unknown): DigitStyle | undefined {
  return DIGIT_STYLES.find((d) => d === v);
}

/** Arabic-Indic digits by default in Arabic, Western in English. */
export function defaultDigits(lang: UiLanguage): DigitStyle {
  return lang === 'ar' ? 'arab' : 'latn';
}

/** The BCP 47 tag Intl formats with: `ar-u-nu-arab`, `en-u-nu-latn`… */
export function intlLocale(lang: UiLanguage, digits: DigitStyle): string {
  return `${lang}-u-nu-${digits}`;
}

/** The writing direction of the interface in `lang`. */
export function directionOf(lang: UiLanguage): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}
