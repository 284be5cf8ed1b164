/**
 * The dashboard's chart: Krippendorff's α per label as a dot with its 95 %
 * bootstrap interval as whiskers, on an axis with lines at 0.667 and 0.800
 * (Krippendorff's thresholds), each label flagged reliable, tentative or
 * not reliable for training data, with the mean pairwise κ and the units
 * the figure rests on. Plain SVG; every dot and number is a keyboard-
 * focusable control that opens the spans behind it.
 *
 * The axis mirrors with the interface: in Arabic it runs from 0 on the
 * right to 1 on the left, as the rows read (name on the right, figures on
 * the left), the way Arabic charts lay out a number line in a right-to-left
 * page. Its labels are measured and any that would touch another is left
 * out (the ends first, then the thresholds, then the inner ticks).
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
import { useLayoutEffect, useRef, useState } from 'react';
import type { EvidenceQuery } from './evidence.ts';
import { textWidth } from '../components/text-metrics.ts';
import { useUiLocale } from '../i18n/I18nProvider.tsx';
import { directionOf } from '@core/i18n/locale.ts';
import { meanOf } from './format.ts';
import { useFmt } from './useFmt.ts';
import type { MessageId } from '../i18n/catalogs.ts';
import { T, useT } from '../i18n/T.tsx';
import { useNumber } from '../i18n/useNumber.ts';
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
  const num = useNumber();
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
  const rtl = directionOf(useUiLocale().lang) === 'rtl';
  /** Where `v` lies along the axis, 0 at the leading edge and 1 at the far one. */
  const at = (v: number): number => {
    const f = (Math.max(min, Math.min(1, v)) - min) / (1 - min);
    return rtl ? 1 - f : f;
  };
  const x = (v: number): string => `${(at(v) * 100).toFixed(2)}%`;
  const ticks = [min, ...[0, 0.2, 0.4, 1].filter((t) => t > min)];
  // In order of priority: the two ends, the thresholds, the inner ticks.
  const tick = (v: number): AxisLabel => ({ v, text: fmt(v).slice(0, -2), thr: false });
  const axisLabels: AxisLabel[] = [
    tick(min),
    tick(1),
    { v: TENTATIVE_ALPHA, text: fmt(TENTATIVE_ALPHA).replace(/^[0٠]/, ''), thr: true },
    { v: RELIABLE_ALPHA, text: fmt(RELIABLE_ALPHA).replace(/^[0٠]/, '').slice(0, -2), thr: true },
    ...ticks.filter((v) => v !== min && v !== 1).map(tick),
  ];
  const u = report.units.alpha;
  const open = (r: Row, what: 'alpha' | 'kappa'): void =>
    onOpen({ kind: 'label', label: r.key }, t('alpha.for', { what, name: r.name }));
  return (
    <figure className="alpha-plot">
      <figcaption>
        <T
          id="alpha.caption"
          values={{
            tokens: u.tokens,
            docs: u.documents,
            level: num(0.95, { style: 'percent' }),
            tentative: fmt(TENTATIVE_ALPHA),
            reliable: fmt(RELIABLE_ALPHA),
          }}
        />
      </figcaption>
      <ul aria-label={t('alpha.list')}>
        {rows.map((r) => {
          const alpha = r.f.alpha;
          const band = reliabilityOf(alpha);
          const kappa = meanOf(pairFigureValues(r.f.kappa));
          const what =
            t('alpha.what', { name: r.name, value: fmt(alpha) }) +
            (r.ci
              ? t('alpha.interval', { range: fmtCi(r.ci), level: num(0.95, { style: 'percent' }) })
              : '') +
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
          <AxisLabels labels={axisLabels} at={at} />
        </li>
      </ul>
    </figure>
  );
}

/** A label of the α axis: the value it marks, its text, whether a threshold. */
interface AxisLabel {
  v: number;
  text: string;
  thr: boolean;
}

/** Axis label size in px (as .dot-row.axis text in dashboard-plot.css). */
const AXIS_SIZE = 10;

/**
 * The axis labels, placed in pixels once the track's width is known: in
 * the given order of priority, each centred on its value, kept inside the
 * track, and left out if it would come within 4 px of one already placed.
 */
function AxisLabels({
  labels,
  at,
}: {
  labels: AxisLabel[];
  at: (v: number) => number;
}): React.JSX.Element {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(0);
  const [font, setFont] = useState('system-ui, sans-serif');
  useLayoutEffect(() => {
    const el = ref.current!;
    setFont(getComputedStyle(el).fontFamily);
    const measure = (): void => setWidth(el.getBoundingClientRect().width);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const placed: { from: number; to: number; label: AxisLabel }[] = [];
  if (width > 0) {
    for (const label of labels) {
      // Thresholds are bold: a little more room than the regular measure.
      const w = textWidth(label.text, AXIS_SIZE, font) * (label.thr ? 1.2 : 1.1);
      const mid = Math.min(width - w / 2, Math.max(w / 2, at(label.v) * width));
      const box = { from: mid - w / 2, to: mid + w / 2, label };
      if (placed.every((p) => box.to + 4 <= p.from || box.from >= p.to + 4)) placed.push(box);
    }
  }
  return (
    <svg ref={ref} className="dot-track" height="18">
      {placed.map(({ from, to, label }) => (
        <text
          key={`${label.thr}-${label.v}`}
          x={(from + to) / 2}
          y="13"
          textAnchor="middle"
          className={label.thr ? 'thr-label' : undefined}
        >
          {label.text}
        </text>
      ))}
    </svg>
  );
}
