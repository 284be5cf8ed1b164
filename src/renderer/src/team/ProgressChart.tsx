/** A stacked bar per analyst: done, in progress, not started (SVG, no library). */
import type { AnalystProgress } from '@core/team/progress.ts';
import { useT, type Translate } from '../i18n/T.tsx';

/** The chart's words in the interface language. */
const texts = (t: Translate) => ({
  title: t('team.chart'),
  bar: (p: AnalystProgress) =>
    t('team.bar', { name: p.name, done: p.done, prog: p.inProgress, rest: p.notStarted }),
});

const ROW = 28;
const WIDTH = 420;
const LABEL = 120;

export function ProgressChart({ rows }: { rows: AnalystProgress[] }): React.JSX.Element {
  const T = texts(useT());
  const max = Math.max(1, ...rows.map((r) => r.done + r.inProgress + r.notStarted));
  const scale = (n: number): number => ((WIDTH - LABEL - 8) * n) / max;
  return (
    <svg
      className="progress-chart"
      role="img"
      aria-label={`${T.title}. ${rows.map(T.bar).join('. ')}`}
      viewBox={`0 0 ${WIDTH} ${Math.max(ROW, rows.length * ROW)}`}
      width={WIDTH}
      height={Math.max(ROW, rows.length * ROW)}
    >
      {rows.map((r, i) => {
        const y = i * ROW + 4;
        const done = scale(r.done);
        const prog = scale(r.inProgress);
        const rest = scale(r.notStarted);
        return (
          <g key={r.id}>
            <text x={0} y={y + 14} className="pc-name">
              {r.name}
            </text>
            <rect x={LABEL} y={y} width={done} height={18} className="pc-done" />
            <rect x={LABEL + done} y={y} width={prog} height={18} className="pc-progress" />
            <rect x={LABEL + done + prog} y={y} width={rest} height={18} className="pc-rest" />
          </g>
        );
      })}
    </svg>
  );
}
