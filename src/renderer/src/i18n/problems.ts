/**
 * Problems (src/core/problems) in the interface language: core and the data
 * layer give a code and the values it names; the catalogs' `problem.<code>`
 * messages word them, numbers in the chosen digits. In a right-to-left
 * interface, text values (names, ids, file names, field paths) are isolated
 * (U+2068…U+2069), so a Latin field path keeps its own direction inside an
 * Arabic sentence; a left-to-right interface shows them as they are.
 */
import { useIntl } from 'react-intl';
import { errorProblem, isQuantity, type Problem, type Quantity } from '@core/problems/problem.ts';
import type { MessageId } from './catalogs.ts';
import type { Translate } from './T.tsx';
import type { PhraseValue } from '../failures.ts';

/**
 * `s` isolated from the text around it (first strong character decides)
 * when the page is right-to-left (I18nProvider sets `<html dir>`).
 */
const isolate = (s: string): string =>
  document.documentElement.dir === 'rtl' ? `\u2068${s}\u2069` : s;

/**
 * Values the messages choose by (ICU `select`), passed as they are: an
 * isolated value would match no case.
 */
export const SELECT_KEYS = new Set([
  'advice',
  'kind',
  'inclusive',
  'expected',
  'received',
  'which',
  'hint',
]);

const MB = 1024 * 1024;

/**
 * A size or a time with its unit, in the interface's language and digits
 * (Intl's unit formatting through the catalogs' `quantity.*` skeletons):
 * "20 MB" / "٢٠ ميغابايت", "20.0 MB" just over, bytes below 0.1 MB;
 * "30 sec" / "٣٠ ثانية", milliseconds below a second.
 */
export function quantityWords(t: Translate, q: Quantity): string {
  if ('bytes' in q) {
    const mb = q.bytes / MB;
    if (mb < 0.1) return t('quantity.bytes', { n: q.bytes });
    return Number.isInteger(mb)
      ? t('quantity.megabytes', { mb })
      : t('quantity.megabytesTenths', { mb });
  }
  return q.ms >= 1000
    ? t('quantity.seconds', { s: q.ms / 1000 })
    : t('quantity.milliseconds', { ms: q.ms });
}

/** Problem `p` in words, through `t` (the interface's translate function). */
export function problemWords(t: Translate, p: Problem): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.values ?? {}))
    values[k] = isQuantity(v)
      ? quantityWords(t, v)
      : typeof v === 'object'
        ? problemWords(t, v)
        : typeof v === 'string' && !SELECT_KEYS.has(k)
          ? isolate(v)
          : v;
  const text = t(`problem.${p.code}` as MessageId, values);
  return p.path ? t('problem.atPath', { path: isolate(p.path), message: text }) : text;
}

/**
 * A catalog message with text values isolated as problems' are (a failure's
 * what and where, an edit's name); a value that is a phrase is worded first.
 */
export function phraseWords(
  t: Translate,
  id: MessageId,
  values: Readonly<Record<string, PhraseValue>> = {},
): string {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values))
    out[k] =
      typeof v === 'object'
        ? phraseWords(t, v.id, v.values)
        : typeof v === 'string' && !SELECT_KEYS.has(k)
          ? isolate(v)
          : v;
  return t(id, out);
}

/** Words any thrown value (or problem) in the interface language. */
export function errorWords(t: Translate, err: unknown): string {
  return problemWords(t, errorProblem(err));
}

/** A function wording problems in the current language. */
export function useProblemWords(): (p: Problem) => string {
  const intl = useIntl();
  const t: Translate = (id, values) => intl.formatMessage({ id }, values);
  return (p) => problemWords(t, p);
}

/** A function wording any thrown value in the current language (see errorProblem). */
export function useErrorWords(): (err: unknown) => string {
  const intl = useIntl();
  const t: Translate = (id, values) => intl.formatMessage({ id }, values);
  return (err) => errorWords(t, err);
}
