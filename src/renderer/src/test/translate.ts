/**
 * The interface's wording outside React, for tests that check what a
 * message reads in each language: the same catalogs and locale as
 * I18nProvider, the page's direction set as it sets it, and a missing or
 * malformed message failing the test (or collected, when asked).
 */
import { createIntl } from 'react-intl';
import { intlLocale, type DigitStyle, type UiLanguage } from '@core/i18n/locale.ts';
import { CATALOGS } from '../i18n/catalogs.ts';
import type { Translate } from '../i18n/T.tsx';

/**
 * A `Translate` in `lang` with `digits`. A formatting error throws, unless
 * `errors` is given: then it is collected there and the message still reads.
 */
export function translateIn(
  lang: UiLanguage,
  digits: DigitStyle = 'latn',
  errors?: string[],
): Translate {
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  const intl = createIntl({
    locale: intlLocale(lang, digits),
    messages: CATALOGS[lang],
    onError: (e) => {
      if (!errors) throw new Error(e.message);
      errors.push(e.message);
    },
  });
  return (id, values) => intl.formatMessage({ id }, values);
}

/** `s` without the isolates (U+2068, U+2069) an Arabic page puts around names. */
export const withoutIsolates = (s: string): string => s.replace(/[\u2068\u2069]/gu, '');
