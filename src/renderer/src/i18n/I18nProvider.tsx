/**
 * The interface language for everything below it: react-intl's provider
 * with the chosen catalog and a locale carrying the digit style
 * (`ar-u-nu-arab`), and `<html lang dir>` set to match, so the whole
 * layout mirrors in Arabic. The article text keeps its own direction
 * (dir="rtl" lang="ar" on the text itself).
 */
import { createContext, useContext, useEffect, useLayoutEffect, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { CATALOGS } from './catalogs.ts';
import {
  defaultDigits,
  directionOf,
  intlLocale,
  systemLanguage,
  type DigitStyle,
  type UiLanguage,
} from '@core/i18n/locale.ts';
import { useUiPrefs } from './useUiPrefs.ts';
import { host } from '../host/host.ts';
import { phrase, reportFailure } from '../failures.ts';

/** The language and digits in effect. */
export interface UiLocale {
  lang: UiLanguage;
  digits: DigitStyle;
}

const LocaleContext = createContext<UiLocale>({ lang: 'en', digits: 'latn' });

/** The language and digits in effect (for the switcher and direction-aware code). */
export function useUiLocale(): UiLocale {
  return useContext(LocaleContext);
}

export function I18nProvider({
  open,
  children,
}: {
  /** The database is open: the stored choice can be read. */
  open: boolean;
  children: ReactNode;
}): React.JSX.Element {
  const prefs = useUiPrefs(open);
  const lang = prefs.lang ?? systemLanguage(navigator.languages ?? [navigator.language]);
  const digits = prefs.digits ?? defaultDigits(lang);
  useLayoutEffect(() => {
    const html = document.documentElement;
    html.lang = lang;
    html.dir = directionOf(lang);
  }, [lang]);
  // The desktop host names its native menus and dialogs in the same language.
  useEffect(() => {
    host.setUiLanguage(lang).catch((err: unknown) =>
      reportFailure(
        {
          key: 'ui-language',
          what: phrase('failureTask.menus'),
          where: phrase('header.language'),
        },
        err,
      ),
    );
  }, [lang]);
  return (
    <LocaleContext.Provider value={{ lang, digits }}>
      <IntlProvider locale={intlLocale(lang, digits)} messages={CATALOGS[lang]} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
