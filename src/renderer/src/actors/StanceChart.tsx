/**
 * A stacked bar chart of stances (SVG, no library): one bar per date bucket
 * or outlet, one colour per label, with a legend; saved as SVG (through the
 * host's export path) or PNG. Colours and fonts are attributes, so the
 * saved file looks like the screen.
 */
import { useRef, useState } from 'react';
import { describeError } from '@core/errors.ts';
import type { Counts } from '@core/actors/analysis.ts';
import { saveText } from './actions.ts';
import { useT } from '../i18n/T.tsx';
import { downloadBlob, pngBlob, svgMarkup } from './chart-export.ts';

/** One column (label) of the chart: its key, name and colour. */
export interface ChartSeries {
  key: string;
  name: string;
  color: string;
}

/** Props of StanceChart. */
export interface StanceChartProps {
  title: string;
  /** File name without extension. */
  fileName: string;
  bars: (Counts & { name: string })[];
  series: readonly ChartSeries[];
}

const ROW = 26;
const WIDTH = 560;
const LABEL = 150;
const LEGEND = 24;
const FONT = "'Noto Naskh Arabic', system-ui, sans-serif";
/** Generous width of a legend character at 11px (names are not measured). */
const CHAR = 7;

/** Legend entries in rows under the title, wrapped before the chart's edge. */
function legendLayout(series: readonly ChartSeries[]): {
  at: { x: number; y: number }[];
  height: number;
} {
  const at: { x: number; y: number }[] = [];
  let x = 4;
  let y = 22;
  for (const s of series) {
    const w = 16 + s.name.length * CHAR + 14;
    if (x > 4 && x + w > WIDTH) {
      x = 4;
      y += 18;
    }
    at.push({ x, y });
    x += w;
  }
  return { at, height: y - 4 };
}

/** The chart, its accessible description and its save buttons. */
export function StanceChart({
  title,
  fileName,
  bars,
  series,
}: StanceChartProps): React.JSX.Element {
  const t = useT();
  const ref = useRef<SVGSVGElement>(null);
  const [message, setMessage] = useState('');
  const max = Math.max(1, ...bars.map((b) => b.total));
  const scale = (n: number): number => ((WIDTH - LABEL - 40) * n) / max;
  const legend = legendLayout(series);
  const top = LEGEND + legend.height;
  const height = top + Math.max(1, bars.length) * ROW + 4;
  const described = bars
    .map((b) =>
      t('analysis.bar', {
        name: b.name,
        parts: series
          .map((s) => t('analysis.barPart', { n: b.counts[s.key] ?? 0, label: s.name }))
          .join(', '),
        total: b.total,
      }),
    )
    .join('. ');
  const save = (p: Promise<string | null>): void => {
    setMessage('');
    p.then(
      (where) => where && setMessage(t('analysis.saved', { where })),
      (e: unknown) => setMessage(describeError(e)),
    );
  };
  return (
    <figure className="stance-chart">
      {/* The title is drawn in the SVG, so a saved chart carries it. */}
      {bars.length === 0 ? (
        <p className="empty">{t('analysis.chartEmpty', { title })}</p>
      ) : (
        <svg
          ref={ref}
          role="img"
          aria-label={`${title}. ${described}`}
          viewBox={`0 0 ${WIDTH} ${height}`}
          width={WIDTH}
          height={height}
          fontFamily={FONT}
          fontSize={13}
        >
          <text x={4} y={14} fontWeight={700} fill="#1d1d1b">
            {title}
          </text>
          {series.map((s, i) => (
            <g key={s.key} transform={`translate(${legend.at[i]!.x}, ${legend.at[i]!.y})`}>
              <rect width={12} height={12} fill={s.color} />
              <text x={16} y={11} fill="#1d1d1b" fontSize={11}>
                {s.name}
              </text>
            </g>
          ))}
          {bars.map((b, i) => {
            const y = top + i * ROW;
            let x = LABEL;
            return (
              <g key={b.name}>
                <text x={LABEL - 8} y={y + 15} textAnchor="end" fill="#1d1d1b">
                  {b.name}
                </text>
                {series.map((s) => {
                  const w = scale(b.counts[s.key] ?? 0);
                  const r = <rect key={s.key} x={x} y={y} width={w} height={18} fill={s.color} />;
                  x += w;
                  return r;
                })}
                <text x={x + 6} y={y + 14} fill="#5f5f5a" fontSize={11}>
                  {b.total}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <div className="chart-actions">
        <button
          type="button"
          aria-label={t('analysis.saveSvg', { title })}
          disabled={bars.length === 0}
          onClick={() => save(saveText(`${fileName}.svg`, svgMarkup(ref.current!)))}
        >
          {t('analysis.svg')}
        </button>
        <button
          type="button"
          aria-label={t('analysis.savePng', { title })}
          disabled={bars.length === 0}
          onClick={() =>
            save(
              pngBlob(ref.current!).then((blob) => {
                downloadBlob(`${fileName}.png`, blob);
                return `${fileName}.png`;
              }),
            )
          }
        >
          {t('analysis.png')}
        </button>
        <span role="status">{message}</span>
      </div>
    </figure>
  );
}
