/**
 * The annotator-pair heat map: one pairwise figure (kappa, exact F1 or
 * overlap F1) for one label or overall, each cell coloured by its value on
 * one scale (legend below) and a button that opens the two annotators'
 * spans behind it; kappa cells also give their 95 % interval, and every
 * cell says the units it rests on.
 */
import type { AgreementIntervals, Interval } from '@core/agreement/bootstrap.ts';
import type { FullReport } from '@core/agreement/report.ts';
import { pairKey } from '@core/agreement/types.ts';
import type { EvidenceQuery } from './evidence.ts';
import { fmt } from './format.ts';

export type PairMetric = 'kappa' | 'f1_exact' | 'f1_overlap';

export const METRIC_NAMES: Record<PairMetric, string> = {
  kappa: "Cohen's κ (tokens)",
  f1_exact: 'span F1, exact',
  f1_overlap: 'span F1, overlap',
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
  const figures = label === null ? report.macro : report.labels[label];
  const intervals = ci ? (label === null ? ci.macro.kappa : ci.labels[label]?.kappa) : undefined;
  const ids = report.annotators;
  const keyOf = (a: string, b: string): string =>
    ids.indexOf(a) < ids.indexOf(b) ? pairKey(a, b) : pairKey(b, a);
  const labelName = label ?? 'all labels (macro)';
  const unitsOf = (key: string): string => {
    if (metric === 'kappa') {
      const u = report.units.pairs[key];
      return u ? `${u.tokens.toLocaleString('en')} tokens in ${u.documents} documents` : '';
    }
    const n =
      label === null
        ? Object.values(report.units.spans).reduce((s, m) => s + (m[key] ?? 0), 0)
        : (report.units.spans[label]?.[key] ?? 0);
    return `${n} spans`;
  };
  return (
    <figure className="pair-matrix">
      <figcaption>
        Agreement per annotator pair:{' '}
        <select
          aria-label="Pair figure"
          value={metric}
          onChange={(e) => props.onMetric(e.target.value as PairMetric)}
        >
          {(Object.keys(METRIC_NAMES) as PairMetric[]).map((m) => (
            <option key={m} value={m}>
              {METRIC_NAMES[m]}
            </option>
          ))}
        </select>{' '}
        for{' '}
        <select
          aria-label="Pair label"
          value={label ?? ''}
          onChange={(e) => props.onLabel(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">all labels (macro)</option>
          {Object.keys(report.labels).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </figcaption>
      <table aria-label="Annotator pairs">
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
                if (a === b) return <td key={b} className="diag" aria-label="same annotator" />;
                const key = keyOf(a, b);
                const v = figures?.[metric][key];
                const interval: Interval | undefined =
                  metric === 'kappa' ? intervals?.[key] : undefined;
                const range = interval
                  ? `, 95 % interval ${fmt(interval[0])}–${fmt(interval[1])}`
                  : '';
                return (
                  <td key={b} style={heat(v)}>
                    <button
                      type="button"
                      className="num cell"
                      style={{ color: heat(v).color }}
                      title={unitsOf(key)}
                      aria-label={`${METRIC_NAMES[metric]} ${nameOf(a)} and ${nameOf(b)}, ${labelName}: ${fmt(v)}${range}; ${unitsOf(key)}`}
                      onClick={() =>
                        onOpen(
                          { kind: 'pair', a, b, label },
                          `${METRIC_NAMES[metric]}: ${nameOf(a)} and ${nameOf(b)}, ${labelName}`,
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
        <span>0</span>
        <span className="heat-ramp" />
        <span>1</span>
        <span className="muted">— undefined</span>
      </div>
    </figure>
  );
}
