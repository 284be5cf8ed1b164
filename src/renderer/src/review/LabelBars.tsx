/**
 * The chart of the dashboard: a bar per label for Krippendorff's alpha over
 * all chosen annotators, with the mean pairwise kappa beside it. Every
 * number is a button that opens the spans behind it.
 */
import {
  pairFigureValues,
  type AgreementReport,
  type LabelFigures,
} from '@core/agreement/types.ts';
import type { LabelDef } from '@core/model.ts';
import type { EvidenceQuery } from './evidence.ts';
import { fmt, meanOf } from './format.ts';

export interface LabelBarsProps {
  report: AgreementReport;
  labels: LabelDef[];
  onOpen: (q: EvidenceQuery, title: string) => void;
}

function Bar({
  name,
  color,
  f,
  label,
  onOpen,
}: {
  name: string;
  color: string;
  f: LabelFigures;
  label: string | null;
  onOpen: LabelBarsProps['onOpen'];
}): React.JSX.Element {
  const alpha = f.alpha;
  const kappa = meanOf(pairFigureValues(f.kappa));
  const width = alpha === null ? 0 : Math.max(0, Math.min(1, alpha)) * 100;
  return (
    <li className="bar-row">
      <span className="bar-name">{name}</span>
      <span className="bar-track" aria-hidden="true">
        <span className="bar-fill" style={{ width: `${width}%`, background: color }} />
        <span className="bar-tick" style={{ insetInlineStart: '80%' }} />
      </span>
      <button
        type="button"
        className="num"
        aria-label={`alpha for ${name}: ${fmt(alpha)}`}
        onClick={() => onOpen({ kind: 'label', label }, `alpha for ${name}`)}
      >
        α {fmt(alpha)}
      </button>
      <button
        type="button"
        className="num muted"
        aria-label={`mean kappa for ${name}: ${fmt(kappa)}`}
        onClick={() => onOpen({ kind: 'label', label }, `kappa for ${name}`)}
      >
        κ̄ {fmt(kappa)}
      </button>
    </li>
  );
}

export function LabelBars({ report, labels, onOpen }: LabelBarsProps): React.JSX.Element {
  const color = (key: string): string => labels.find((l) => l.key === key)?.color ?? '#777';
  return (
    <figure className="label-bars">
      <figcaption>
        Agreement per label: Krippendorff&apos;s α over all chosen annotators (bar; the tick marks
        0.8), and the mean of pairwise Cohen&apos;s κ
      </figcaption>
      <ul aria-label="Agreement per label">
        {Object.entries(report.labels).map(([key, f]) => (
          <Bar key={key} name={key} color={color(key)} f={f} label={key} onOpen={onOpen} />
        ))}
        <Bar name="overall (macro)" color="#555" f={report.macro} label={null} onOpen={onOpen} />
      </ul>
    </figure>
  );
}
