/**
 * The annotator-pair matrix: one pairwise figure (kappa, exact F1 or
 * overlap F1) for one label or overall, each cell a button that opens the
 * two annotators' spans behind it.
 */
import { pairFigure, type AgreementReport } from '@core/agreement/types.ts';
import type { EvidenceQuery } from './evidence.ts';
import { fmt } from './format.ts';

export type PairMetric = 'kappa' | 'f1_exact' | 'f1_overlap';

export const METRIC_NAMES: Record<PairMetric, string> = {
  kappa: "Cohen's κ (tokens)",
  f1_exact: 'span F1, exact',
  f1_overlap: 'span F1, overlap',
};

export interface PairMatrixProps {
  report: AgreementReport;
  metric: PairMetric;
  onMetric: (m: PairMetric) => void;
  /** A label key, or null for the macro average. */
  label: string | null;
  onLabel: (l: string | null) => void;
  nameOf: (id: string) => string;
  onOpen: (q: EvidenceQuery, title: string) => void;
}

function shade(x: number | null | undefined): string {
  if (x === null || x === undefined) return 'transparent';
  const v = Math.max(0, Math.min(1, x));
  return `rgb(${Math.round(255 - 155 * v)} ${Math.round(255 - 60 * v)} ${Math.round(255 - 20 * v)})`;
}

export function PairMatrix(props: PairMatrixProps): React.JSX.Element {
  const { report, metric, label, nameOf, onOpen } = props;
  const figures =
    label === null
      ? report.macro
      : Object.hasOwn(report.labels, label)
        ? report.labels[label]
        : null;
  const ids = report.annotators;
  const value = (a: string, b: string): number | null | undefined =>
    figures ? pairFigure(figures[metric], a, b) : undefined;
  const labelName = label ?? 'all labels (macro)';
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
                const v = value(a, b);
                return (
                  <td key={b} style={{ background: shade(v) }}>
                    <button
                      type="button"
                      className="num"
                      aria-label={`${METRIC_NAMES[metric]} ${nameOf(a)} and ${nameOf(b)}, ${labelName}: ${fmt(v)}`}
                      onClick={() =>
                        onOpen(
                          { kind: 'pair', a, b, label },
                          `${METRIC_NAMES[metric]}: ${nameOf(a)} and ${nameOf(b)}, ${labelName}`,
                        )
                      }
                    >
                      {fmt(v)}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
