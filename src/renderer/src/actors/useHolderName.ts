/**
 * A holder's name as the Analysis view shows it: an actor's or a free-text
 * name as written, and the placeholders core names in English ("(no
 * holder)", "(holder disputed)", "(unknown outlet)") in the interface
 * language instead.
 */
import type { HolderInfo } from '@core/actors/analysis-types.ts';
import { useT } from '../i18n/T.tsx';

/** The function naming a holder row in the interface language. */
export function useHolderName(): (h: Pick<HolderInfo, 'kind' | 'name'>) => string {
  const t = useT();
  return (h) => {
    if (h.kind === 'none') return t('analysis.noHolder');
    if (h.kind === 'disputed') return t('analysis.disputedHolder');
    if (h.kind === 'outlet' && h.name === '(unknown outlet)') return t('analysis.unknownOutlet');
    return h.name;
  };
}
