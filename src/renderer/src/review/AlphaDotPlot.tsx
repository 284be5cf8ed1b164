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
  TENTATIVE_ALPHA,
  reliabilityOf,
  type Reliability,
} from '@core/agreement/reliability.ts';
import type { FullReport } from '@core/agreement/report.ts';
import type { LabelFigures } from '@core/agreement/types.ts';
import type { LabelDef } from '@core/model.ts';
import type { EvidenceQuery } from './evidence.ts';
import { meanOf } from './format.ts';
import { useFmt } from './useFmt.ts';
import type { MessageId } from '../i18n/catalogs.ts';
import { T, useT } from '../i18n/T.tsx';
import { pairFigureValues } from '@core/agreement/types.ts';

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

/** Each band's words (as core's RELIABILITY_TEXT, which the CLI prints) and its short name. */
const BAND_TEXT: Record<Reliability, MessageId> = {
  reliable: 'band.reliable',
  tentative: 'band.tentative',
  unreliable: 'band.unreliable',
};
const BAND_SHORT: Record<Reliability, MessageId> = {
  reliable: 'band.reliableShort',
  tentative: 'band.tentativeShort',
  unreliable: 'band.unreliableShort',
};

export function AlphaDotPlot({ report, ci, labels, onOpen }: AlphaDotPlotProps): React.JSX.Element {
  const t = useT();
  const fmt = useFmt();
  const fmtCi = (ci: Interval | undefined): string =>
    ci === undefined || ci === null ? '' : `${fmt(ci[0])}–${fmt(ci[1])}`;
  const color = (key: string): string => labels.find((l) => l.key === key)?.color ?? '#777';
  const rows: Row[] = [
    ...Object.entries(report.labels).map(([key, f]) => ({
      key,
      name: key,
      color: color(key),
      f,
      ci: ci?.labels[key]?.alpha,
    })),
    {
      key: null,
      name: t('alpha.macro'),
      color: '#444',
      f: report.macro,
      ci: ci?.macro.alpha,
    },
  ];
  // The axis runs from 0 (or below, when an interval goes below) to 1.
  const lows = rows.flatMap((r) => [r.f.alpha ?? 0, r.ci?.[0] ?? 0]);
  const min = Math.min(0, Math.floor(Math.min(...lows) * 5) / 5);
  const x = (v: number): string =>
    `${(((Math.max(min, Math.min(1, v)) - min) / (1 - min)) * 100).toFixed(2)}%`;
  const ticks = [min, ...[0, 0.2, 0.4, 1].filter((t) => t > min)];
  const u = report.units.alpha;
  const open = (r: Row, what: 'alpha' | 'kappa'): void =>
    onOpen({ kind: 'label', label: r.key }, t('alpha.for', { what, name: r.name }));
  return (
    <figure className="alpha-plot">
      <figcaption>
        <T id="alpha.caption" values={{ tokens: u.tokens, docs: u.documents }} />
      </figcaption>
      <ul aria-label={t('alpha.list')}>
        {rows.map((r) => {
          const alpha = r.f.alpha;
          const band = reliabilityOf(alpha);
          const kappa = meanOf(pairFigureValues(r.f.kappa));
          const what =
            t('alpha.what', { name: r.name, value: fmt(alpha) }) +
            (r.ci ? t('alpha.interval', { range: fmtCi(r.ci) }) : '') +
            (band ? t('list.sep') + t(BAND_TEXT[band]) : '');
          return (
            <li key={r.name} className={`dot-row${r.key === null ? ' macro' : ''}`}>
              <bdi className="dot-name" title={r.name}>
                {r.name}
              </bdi>
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
                    aria-label={t('alpha.point', { what })}
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
              <button type="button" className="num" onClick={() => open(r, 'alpha')}>
                {/* Named by the full sentence; the short figure is what shows. */}
                <span aria-hidden="true">
                  {t('alpha.value', { value: fmt(alpha) })}
                  {r.ci && <small>{t('alpha.ci', { range: fmtCi(r.ci) })}</small>}
                </span>
                <span className="sr-only">{what}</span>
              </button>
              <span className={`band band-${band ?? 'none'}`}>
                {band ? t(BAND_SHORT[band]) : t('band.undefined')}
              </span>
              <button type="button" className="num muted" onClick={() => open(r, 'kappa')}>
                <span aria-hidden="true">{t('alpha.kappaValue', { value: fmt(kappa) })}</span>
                <span className="sr-only">
                  {t('alpha.meanKappa', { name: r.name, value: fmt(kappa) })}
                </span>
              </button>
            </li>
          );
        })}
        <li className="dot-row axis" aria-hidden="true">
          <span />
          <svg className="dot-track" height="18">
            {ticks.map((tick) => (
              <text key={tick} x={x(tick)} y="13" textAnchor="middle">
                {fmt(tick).slice(0, -2)}
              </text>
            ))}
            <text x={x(TENTATIVE_ALPHA)} y="13" textAnchor="middle" className="thr-label">
              {fmt(TENTATIVE_ALPHA).replace(/^[0٠]/, '')}
            </text>
            <text x={x(RELIABLE_ALPHA)} y="13" textAnchor="middle" className="thr-label">
              {fmt(RELIABLE_ALPHA).replace(/^[0٠]/, '').slice(0, -2)}
            </text>
          </svg>
        </li>
      </ul>
    </figure>
  );
}
