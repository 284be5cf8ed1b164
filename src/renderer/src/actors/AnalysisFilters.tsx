/**
 * The Analysis view's filters: whose spans count (everyone, one annotator,
 * or gold), the outlet, the article date range and the time bucket of the
 * chart over time.
 */
import type { AnnotatorRecord } from '@core/model.ts';
import { GOLD_ANNOTATOR_ID } from '@core/model.ts';
import type { MessageId } from '../i18n/catalogs.ts';
import { useT } from '../i18n/T.tsx';

const BUCKETS = {
  day: 'analysis.days',
  month: 'analysis.months',
  year: 'analysis.years',
} as const satisfies Record<FilterState['bucket'], MessageId>;

/** The filter as the analyst set it (strings, as the controls hold them). */
export interface FilterState {
  /** '' everyone, `gold`, or an annotator id. */
  who: string;
  /** '' every outlet, NO_OUTLET, or an outlet. */
  outlet: string;
  from: string;
  to: string;
  bucket: 'day' | 'month' | 'year';
}

/** The outlet value of articles with no outlet. */
export const NO_OUTLET = '\u0000none';

/** Props of AnalysisFilters. */
export interface AnalysisFiltersProps {
  value: FilterState;
  onChange: (v: FilterState) => void;
  annotators: readonly AnnotatorRecord[];
  outlets: readonly (string | null)[];
}

/** The filter controls. */
export function AnalysisFilters({
  value,
  onChange,
  annotators,
  outlets,
}: AnalysisFiltersProps): React.JSX.Element {
  const t = useT();
  const set = (patch: Partial<FilterState>): void => onChange({ ...value, ...patch });
  return (
    <fieldset className="analysis-filters">
      <legend>{t('analysis.filters')}</legend>
      <label>
        {t('analysis.who')}
        <select value={value.who} onChange={(e) => set({ who: e.target.value })}>
          <option value="">{t('analysis.everyone')}</option>
          <option value={GOLD_ANNOTATOR_ID}>{t('analysis.gold')}</option>
          {annotators
            .filter((a) => a.id !== GOLD_ANNOTATOR_ID)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('analysis.outlet')}
        <select value={value.outlet} onChange={(e) => set({ outlet: e.target.value })}>
          <option value="">{t('analysis.anyOutlet')}</option>
          {outlets.map((o) => (
            <option key={o ?? NO_OUTLET} value={o ?? NO_OUTLET}>
              {o ?? t('analysis.noOutlet')}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('analysis.from')}
        <input type="date" value={value.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label>
        {t('analysis.to')}
        <input type="date" value={value.to} onChange={(e) => set({ to: e.target.value })} />
      </label>
      <label>
        {t('analysis.bucket')}
        <select
          value={value.bucket}
          onChange={(e) => set({ bucket: e.target.value as FilterState['bucket'] })}
        >
          {(['day', 'month', 'year'] as const).map((b) => (
            <option key={b} value={b}>
              {t(BUCKETS[b])}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
