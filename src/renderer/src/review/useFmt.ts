/**
 * The dashboard's figures in the interface's digits: three decimals, or an
 * em dash for an undefined figure (as format.ts's fmt, which the CLI's
 * text and the tests compare with, in Western digits).
 */
import { useIntl } from 'react-intl';
import { fmt } from './format.ts';

/** A formatter of figures in the current locale's digits. */
export function useFmt(): (x: number | null | undefined) => string {
  const intl = useIntl();
  return (x) => {
    const western = fmt(x);
    if (western === '—') return western;
    return intl.formatNumber(Number(western), {
      minimumFractionDigits: 3,
      maximumFractionDigits: 3,
      signDisplay: 'negative',
    });
  };
}
