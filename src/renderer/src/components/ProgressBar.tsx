/** A labelled progress bar for reading, writing or exporting. */
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
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="progress">
      <progress aria-label={label} value={done} max={Math.max(total, 1)} />
      <span aria-hidden="true">{pct}%</span>
    </div>
  );
}
