/**
 * The dashboard's chart: Krippendorff's α per label as a dot with its 95 %
 * bootstrap interval as whiskers, on an axis with lines at 0.667 and 0.800
 * (Krippendorff's thresholds), each label flagged reliable, tentative or
 * not reliable for training data, with the mean pairwise κ and the units
 * the figure rests on. Plain SVG; every dot and number is a keyboard-
 * focusable control that opens the spans behind it.
 */
import type { AgreementIntervals, Interval } from '@core/agreement/bootstrap.ts';
import {
  RELIABLE_ALPHA,
  RELIABILITY_TEXT,
  TENTATIVE_ALPHA,
  reliabilityOf,
} from '@core/agreement/reliability.ts';
import type { FullReport } from '@core/agreement/report.ts';
import type { LabelFigures } from '@core/agreement/types.ts';
import type { LabelDef } from '@core/model.ts';
import type { EvidenceQuery } from './evidence.ts';
import { fmt, meanOf } from './format.ts';

export interface AlphaDotPlotProps {
  report: FullReport;
  ci: AgreementIntervals | null;
  labels: LabelDef[];
  onOpen: (q: EvidenceQuery, title: string) => void;
}

interface Row {
  key: string | null;
  name: string;
  color: string;
  f: LabelFigures;
  ci: Interval | undefined;
}

const fmtCi = (ci: Interval | undefined): string =>
  ci === undefined ? '' : ci === null ? '' : `${fmt(ci[0])}–${fmt(ci[1])}`;

export function AlphaDotPlot({ report, ci, labels, onOpen }: AlphaDotPlotProps): React.JSX.Element {
  const color = (key: string): string => labels.find((l) => l.key === key)?.color ?? '#777';
  const rows: Row[] = [
    ...Object.entries(report.labels).map(([key, f]) => ({
      key,
      name: key,
      color: color(key),
      f,
      ci: ci?.labels[key]?.alpha,
    })),
    { key: null, name: 'all labels (macro)', color: '#444', f: report.macro, ci: ci?.macro.alpha },
  ];
  // The axis runs from 0 (or below, when an interval goes below) to 1.
  const lows = rows.flatMap((r) => [r.f.alpha ?? 0, r.ci?.[0] ?? 0]);
  const min = Math.min(0, Math.floor(Math.min(...lows) * 5) / 5);
  const x = (v: number): string =>
    `${(((Math.max(min, Math.min(1, v)) - min) / (1 - min)) * 100).toFixed(2)}%`;
  const ticks = [min, ...[0, 0.2, 0.4, 1].filter((t) => t > min)];
  const u = report.units.alpha;
  const open = (r: Row, what: string): void =>
    onOpen({ kind: 'label', label: r.key }, `${what} for ${r.name}`);
  return (
    <figure className="alpha-plot">
      <figcaption>
        Krippendorff&apos;s α per label over all chosen annotators: the dot is α, the whiskers its
        95 % bootstrap interval; lines at 0.667 (tentative) and 0.800 (reliable). κ̄ is the mean of
        the pairwise Cohen&apos;s κ. α rests on {u.tokens.toLocaleString('en')} tokens in{' '}
        {u.documents.toLocaleString('en')} documents.
      </figcaption>
      <ul aria-label="Alpha per label">
        {rows.map((r) => {
          const alpha = r.f.alpha;
          const band = reliabilityOf(alpha);
          const kappa = meanOf(Object.values(r.f.kappa));
          const what = `alpha for ${r.name}: ${fmt(alpha)}${
            r.ci ? `, 95 % interval ${fmtCi(r.ci)}` : ''
          }${band ? `, ${RELIABILITY_TEXT[band]}` : ''}`;
          return (
            <li key={r.name} className={`dot-row${r.key === null ? ' macro' : ''}`}>
              <span className="dot-name" title={r.name}>
                {r.name}
              </span>
              <svg className="dot-track" height="26" role="presentation">
                <line
                  x1={x(TENTATIVE_ALPHA)}
                  x2={x(TENTATIVE_ALPHA)}
                  y1="0"
                  y2="26"
                  className="thr tentative"
                />
                <line
                  x1={x(RELIABLE_ALPHA)}
                  x2={x(RELIABLE_ALPHA)}
                  y1="0"
                  y2="26"
                  className="thr reliable"
                />
                {r.ci && (
                  <g className="whisker">
                    <line x1={x(r.ci[0])} x2={x(r.ci[1])} y1="13" y2="13" />
                    <line x1={x(r.ci[0])} x2={x(r.ci[0])} y1="7" y2="19" />
                    <line x1={x(r.ci[1])} x2={x(r.ci[1])} y1="7" y2="19" />
                  </g>
                )}
                {alpha !== null && (
                  <circle
                    cx={x(alpha)}
                    cy="13"
                    r="6.5"
                    fill={r.color}
                    className="dot"
                    role="button"
                    tabIndex={0}
                    aria-label={`${what} (point on the chart)`}
                    onClick={() => open(r, 'alpha')}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        open(r, 'alpha');
                      }
                    }}
                  >
                    <title>{what}</title>
                  </circle>
                )}
              </svg>
              <button
                type="button"
                className="num"
                aria-label={what}
                onClick={() => open(r, 'alpha')}
              >
                α {fmt(alpha)}
                {r.ci && <small> [{fmtCi(r.ci)}]</small>}
              </button>
              <span className={`band band-${band ?? 'none'}`}>
                {band === 'reliable'
                  ? 'reliable'
                  : band === 'tentative'
                    ? 'tentative'
                    : band === 'unreliable'
                      ? 'not reliable for training'
                      : 'undefined'}
              </span>
              <button
                type="button"
                className="num muted"
                aria-label={`mean kappa for ${r.name}: ${fmt(kappa)}`}
                onClick={() => open(r, 'kappa')}
              >
                κ̄ {fmt(kappa)}
              </button>
            </li>
          );
        })}
        <li className="dot-row axis" aria-hidden="true">
          <span />
          <svg className="dot-track" height="18">
            {ticks.map((t) => (
              <text key={t} x={x(t)} y="13" textAnchor="middle">
                {t.toFixed(1)}
              </text>
            ))}
            <text x={x(TENTATIVE_ALPHA)} y="13" textAnchor="middle" className="thr-label">
              .667
            </text>
            <text x={x(RELIABLE_ALPHA)} y="13" textAnchor="middle" className="thr-label">
              .8
            </text>
          </svg>
        </li>
      </ul>
    </figure>
  );
}
