/**
 * Numbers shown on their own (table cells, chart figures, tallies) in the
 * interface's digits. The IntlProvider's locale carries the digit style
 * (`ar-u-nu-arab`, `en-u-nu-latn`: I18nProvider), so react-intl's
 * formatNumber writes Western or Arabic-Indic digits as the analyst chose.
 * Numbers inside a sentence go through the message (`{n, number}`) instead.
 */
import { useIntl, type FormatNumberOptions } from 'react-intl';

/** Formats a number in the current locale and digit style. */
export type FormatNumber = (n: number, options?: FormatNumberOptions) => string;

/** The number formatter of the current locale and digit style. */
export function useNumber(): FormatNumber {
  const intl = useIntl();
  return (n, options) => intl.formatNumber(n, options);
}
