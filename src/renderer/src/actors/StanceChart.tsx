/**
 * A stacked bar chart of stances (SVG, no library): one bar per date bucket
 * or outlet, one colour per label, with a legend; saved as SVG (through the
 * host's export path) or PNG. Colours and fonts are attributes, so the
 * saved file looks like the screen. It mirrors in Arabic (bars grow from
 * the right, the legend starts at the right), and every label is measured
 * and set in its own direction, so Arabic and English names never overlap.
 */
import { useRef, useState } from 'react';
import type { Counts } from '@core/actors/analysis.ts';
import { saveText } from './actions.ts';
import { useIntl } from 'react-intl';
import { asLanguage, directionOf } from '@core/i18n/locale.ts';
import { useT } from '../i18n/T.tsx';
import { useNumber } from '../i18n/useNumber.ts';
import { anchorFor, textDirection, textWidth, useFontsLoaded } from '../components/text-metrics.ts';
import { downloadBlob, pngBlob, svgMarkup } from './chart-export.ts';
import { errorWords } from '../i18n/problems.ts';

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
const LEGEND = 24;
const FONT = "'Noto Naskh Arabic', system-ui, sans-serif";
/** Legend text size, and the gap between a swatch and its text, and between entries. */
const LEGEND_SIZE = 11;
const SWATCH_GAP = 4;
const ENTRY_GAP = 14;
/** Room measured text is given beyond its canvas width (hinting, a late font). */
const SLACK = 1.1;

/** Where a legend entry starts (from the chart's leading edge) and its row. */
interface LegendSlot {
  from: number;
  y: number;
  width: number;
}

/**
 * Legend entries in rows under the title, measured in the legend's font and
 * wrapped before the chart's edge. `from` counts from the leading edge: the
 * left in a left-to-right interface, the right in Arabic.
 */
export function legendLayout(series: readonly ChartSeries[]): {
  at: LegendSlot[];
  height: number;
} {
  const at: LegendSlot[] = [];
  let from = 4;
  let y = 22;
  for (const s of series) {
    const width = Math.ceil(textWidth(s.name, LEGEND_SIZE, FONT) * SLACK);
    const w = 12 + SWATCH_GAP + width + ENTRY_GAP;
    if (from > 4 && from + w > WIDTH) {
      from = 4;
      y += 18;
    }
    at.push({ from, y, width });
    from += w;
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
  const num = useNumber();
  const intl = useIntl();
  useFontsLoaded();
  const ref = useRef<SVGSVGElement>(null);
  const [message, setMessage] = useState('');
  // The chart reads from the interface's leading edge: bars grow from the
  // right in Arabic. `px` turns a distance from the leading edge into x.
  const dir = directionOf(asLanguage(new Intl.Locale(intl.locale).language) ?? 'en');
  const rtl = dir === 'rtl';
  const px = (from: number): number => (rtl ? WIDTH - from : from);
  const ahead = rtl ? 'left' : 'right';
  const behind = rtl ? 'right' : 'left';
  // The bar names' column is as wide as the widest name (within limits).
  const nameWidth = Math.max(0, ...bars.map((b) => textWidth(b.name, 13, FONT)));
  const labelCol = Math.min(220, Math.max(60, Math.ceil(nameWidth * SLACK) + 12));
  const max = Math.max(1, ...bars.map((b) => b.total));
  const scale = (n: number): number => ((WIDTH - labelCol - 40) * n) / max;
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
      (e: unknown) => setMessage(errorWords(t, e)),
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
          direction={dir}
        >
          {/* Each text carries its own direction (Arabic and English names mix),
              and is anchored so it runs away from the edge it starts at. */}
          <text
            x={px(4)}
            y={14}
            fontWeight={700}
            fill="#1d1d1b"
            direction={textDirection(title, dir)}
            textAnchor={anchorFor(textDirection(title, dir), ahead)}
          >
            {title}
          </text>
          {series.map((s, i) => {
            const slot = legend.at[i]!;
            const own = textDirection(s.name, dir);
            return (
              <g key={s.key} className="legend-entry">
                <rect
                  x={rtl ? WIDTH - slot.from - 12 : slot.from}
                  y={slot.y}
                  width={12}
                  height={12}
                  fill={s.color}
                />
                <text
                  x={px(slot.from + 12 + SWATCH_GAP)}
                  y={slot.y + 11}
                  fill="#1d1d1b"
                  fontSize={LEGEND_SIZE}
                  direction={own}
                  textAnchor={anchorFor(own, ahead)}
                >
                  {s.name}
                </text>
              </g>
            );
          })}
          {bars.map((b, i) => {
            const y = top + i * ROW;
            let from = labelCol;
            const own = textDirection(b.name, dir);
            return (
              <g key={b.name}>
                <text
                  x={px(labelCol - 8)}
                  y={y + 15}
                  fill="#1d1d1b"
                  direction={own}
                  textAnchor={anchorFor(own, behind)}
                >
                  {b.name}
                </text>
                {series.map((s) => {
                  const w = scale(b.counts[s.key] ?? 0);
                  const r = (
                    <rect
                      key={s.key}
                      x={rtl ? WIDTH - from - w : from}
                      y={y}
                      width={w}
                      height={18}
                      fill={s.color}
                    />
                  );
                  from += w;
                  return r;
                })}
                <text
                  x={px(from + 6)}
                  y={y + 14}
                  fill="#5f5f5a"
                  fontSize={11}
                  direction={dir}
                  textAnchor={anchorFor(dir, ahead)}
                >
                  {num(b.total)}
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
