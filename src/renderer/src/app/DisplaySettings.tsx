/**
 * The header's display settings: the interface language (each named in
 * itself) and the digit style. A change applies at once and is stored in
 * the profile's settings.
 */
import { useId } from 'react';
import { chooseDigits, chooseLanguage } from '../i18n/actions.ts';
import { useUiLocale } from '../i18n/I18nProvider.tsx';
import { asDigits, asLanguage } from '@core/i18n/locale.ts';
import { T, useT } from '../i18n/T.tsx';
import { phrase, reportFailure } from '../failures.ts';

/** Each language is named in its own language (a reader of it finds it). */
const LANGUAGE_NAMES = { en: 'English', ar: 'العربية' } as const;

export function DisplaySettings(): React.JSX.Element {
  const { lang, digits } = useUiLocale();
  const t = useT();
  const langId = useId();
  const digitsId = useId();
  const fail = (err: unknown): void =>
    reportFailure(
      { key: 'display', what: phrase('header.settings'), where: phrase('app.name') },
      err,
    );
  return (
    <div className="display-settings" role="group" aria-label={t('header.settings')}>
      <label htmlFor={langId}>
        <T id="header.language" />
      </label>
      <select
        id={langId}
        value={lang}
        onChange={(e) => {
          const next = asLanguage(e.target.value);
          if (next) chooseLanguage(next).catch(fail);
        }}
      >
        {(Object.keys(LANGUAGE_NAMES) as (keyof typeof LANGUAGE_NAMES)[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <label htmlFor={digitsId}>
        <T id="header.digits" />
      </label>
      <select
        id={digitsId}
        value={digits}
        onChange={(e) => {
          const next = asDigits(e.target.value);
          if (next) chooseDigits(next).catch(fail);
        }}
      >
        <option value="latn">{t('header.digitsLatn')}</option>
        <option value="arab">{t('header.digitsArab')}</option>
      </select>
    </div>
  );
}
