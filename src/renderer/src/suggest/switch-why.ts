/**
 * Why a suggester is on or off, in the interface language and digits: core
 * gives the case and its figures (SwitchWhy), the catalogs the words.
 */
import type { SwitchWhy } from '@core/suggest/evaluate.ts';
import type { Translate } from '../i18n/T.tsx';
import type { FormatNumber } from '../i18n/useNumber.ts';

/** The sentence saying why, with F1 to three decimals and the threshold as set. */
export function switchWhyText(t: Translate, num: FormatNumber, why: SwitchWhy): string {
  switch (why.kind) {
    case 'few':
      return t('suggest.why.few', { spans: why.spans, min: why.minSpans });
    case 'none':
      return t('suggest.why.none');
    case 'below':
    case 'reaches':
      return t(why.kind === 'below' ? 'suggest.why.below' : 'suggest.why.reaches', {
        metric: why.metric,
        f1: num(why.f1, { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
        threshold: num(why.threshold, { maximumFractionDigits: 3 }),
      });
  }
}
