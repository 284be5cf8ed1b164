/**
 * The annotator-pair heat map: one pairwise figure (kappa, exact F1 or
 * overlap F1) for one label or overall, each cell coloured by its value on
 * one scale (legend below) and a button that opens the two annotators'
 * spans behind it; kappa cells also give their 95 % interval, and every
 * cell says the units it rests on.
 */
import type { AgreementIntervals, Interval } from '@core/agreement/bootstrap.ts';
import type { FullReport } from '@core/agreement/report.ts';
import { pairFigure } from '@core/agreement/types.ts';
import type { EvidenceQuery } from './evidence.ts';
import { useFmt } from './useFmt.ts';
import type { MessageId } from '../i18n/catalogs.ts';
import { useT } from '../i18n/T.tsx';
import { useNumber } from '../i18n/useNumber.ts';

export type PairMetric = 'kappa' | 'f1_exact' | 'f1_overlap';

/** The message naming each pair figure. */
export const METRIC_NAMES: Record<PairMetric, MessageId> = {
  kappa: 'pair.kappa',
  f1_exact: 'pair.f1Exact',
  f1_overlap: 'pair.f1Overlap',
};

export interface PairMatrixProps {
  report: FullReport;
  ci: AgreementIntervals | null;
  metric: PairMetric;
  onMetric: (m: PairMetric) => void;
  /** A label key, or null for the macro average. */
  label: string | null;
  onLabel: (l: string | null) => void;
  nameOf: (id: string) => string;
  onOpen: (q: EvidenceQuery, title: string) => void;
}

/** A sequential colour for a value in [0, 1] (below 0 counts as 0): pale to deep blue. */
export function heat(x: number | null | undefined): { background: string; color: string } {
  if (x === null || x === undefined) return { background: 'transparent', color: 'inherit' };
  const v = Math.max(0, Math.min(1, x));
  const l = 96 - 62 * v; // lightness 96% → 34%
  return { background: `hsl(212 70% ${l}%)`, color: l < 58 ? '#fff' : '#1d1d1b' };
}

export function PairMatrix(props: PairMatrixProps): React.JSX.Element {
  const { report, ci, metric, label, nameOf, onOpen } = props;
  const t = useT();
  const fmt = useFmt();
  const num = useNumber();
  // Own keys only: a label may be called `__proto__`.
  const has = (o: object, k: string): boolean => Object.hasOwn(o, k);
  const figures =
    label === null ? report.macro : has(report.labels, label) ? report.labels[label] : undefined;
  const intervals = ci
    ? label === null
      ? ci.macro.kappa
      : has(ci.labels, label)
        ? ci.labels[label]!.kappa
        : undefined
    : undefined;
  const ids = report.annotators;
  const labelName = label ?? t('alpha.macro');
  const unitsOf = (a: string, b: string): string => {
    if (metric === 'kappa') {
      const u = pairFigure(report.units.pairs, a, b);
      return u ? t('pair.tokensIn', { tokens: u.tokens, docs: u.documents }) : '';
    }
    const n =
      label === null
        ? Object.values(report.units.spans).reduce((s, m) => s + (pairFigure(m, a, b) ?? 0), 0)
        : has(report.units.spans, label)
          ? (pairFigure(report.units.spans[label]!, a, b) ?? 0)
          : 0;
    return t('pair.spans', { count: n });
  };
  return (
    <figure className="pair-matrix">
      <figcaption>
        {t('pair.caption')}{' '}
        <select
          aria-label={t('pair.figure')}
          value={metric}
          onChange={(e) => props.onMetric(e.target.value as PairMetric)}
        >
          {(Object.keys(METRIC_NAMES) as PairMetric[]).map((m) => (
            <option key={m} value={m}>
              {t(METRIC_NAMES[m])}
            </option>
          ))}
        </select>{' '}
        {t('pair.for')}{' '}
        <select
          aria-label={t('pair.label')}
          value={label ?? ''}
          onChange={(e) => props.onLabel(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('alpha.macro')}</option>
          {Object.keys(report.labels).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </figcaption>
      <table aria-label={t('pair.table')}>
        <thead>
          <tr>
            <td />
            {ids.map((b) => (
              <th key={b} scope="col" dir="auto">
                {nameOf(b)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ids.map((a) => (
            <tr key={a}>
              <th scope="row" dir="auto">
                {nameOf(a)}
              </th>
              {ids.map((b) => {
                if (a === b) return <td key={b} className="diag" aria-label={t('pair.same')} />;
                const v = figures ? pairFigure(figures[metric], a, b) : undefined;
                const interval: Interval | undefined =
                  metric === 'kappa' && intervals ? pairFigure(intervals, a, b) : undefined;
                const range = interval
                  ? t('alpha.interval', {
                      range: `${fmt(interval[0])}–${fmt(interval[1])}`,
                      level: num(0.95, { style: 'percent' }),
                    })
                  : '';
                return (
                  <td key={b} style={heat(v)}>
                    <button
                      type="button"
                      className="num cell"
                      style={{ color: heat(v).color }}
                      title={unitsOf(a, b)}
                      aria-label={t('pair.cell', {
                        metric: t(METRIC_NAMES[metric]),
                        a: nameOf(a),
                        b: nameOf(b),
                        label: labelName,
                        value: fmt(v),
                        range,
                        units: unitsOf(a, b),
                      })}
                      onClick={() =>
                        onOpen(
                          { kind: 'pair', a, b, label },
                          t('pair.cellTitle', {
                            metric: t(METRIC_NAMES[metric]),
                            a: nameOf(a),
                            b: nameOf(b),
                            label: labelName,
                          }),
                        )
                      }
                    >
                      {fmt(v)}
                      {interval && (
                        <small className="cell-ci">
                          {fmt(interval[0])}–{fmt(interval[1])}
                        </small>
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="heat-legend" aria-hidden="true">
        <span>{fmt(0).slice(0, 1)}</span>
        <span className="heat-ramp" />
        <span>{fmt(1).slice(0, 1)}</span>
        <span className="muted">{t('pair.undefined')}</span>
      </div>
    </figure>
  );
}
