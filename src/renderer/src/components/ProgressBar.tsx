/** A labelled progress bar for reading, writing or exporting. */
import { useIntl } from 'react-intl';
import './progress-bar.css';

export function ProgressBar({
  label,
  done,
  total,
}: {
  label: string;
  done: number;
  total: number;
}): React.JSX.Element {
  const intl = useIntl();
  const share = total > 0 ? done / total : 0;
  return (
    <div className="progress">
      <progress aria-label={label} value={done} max={Math.max(total, 1)} />
      <span aria-hidden="true">
        {intl.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 })}
      </span>
    </div>
  );
}
