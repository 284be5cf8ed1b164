/**
 * The one place failures are shown (see failures.ts): each one as an alert
 * saying what failed, where, and why, with a button to dismiss it. The
 * workbench shows the list at layer 0; an open modal dialog shows it inside
 * itself, since everything behind a modal dialog is inert.
 */
import { dismissFailure } from '../failures.ts';
import { useFailures, useTopLayer } from '../hooks/useFailures.ts';

export function FailureList({
  layer,
  className = '',
}: {
  /** 0 for the workbench, else the layer id of the dialog showing it. */
  layer: number;
  className?: string;
}): React.JSX.Element | null {
  const failures = useFailures();
  const top = useTopLayer();
  if (layer !== top || failures.length === 0) return null;
  return (
    <div className={`failures ${className}`}>
      {failures.map((f) => (
        <div key={f.id} role="alert" className="failure">
          <p>
            <strong>{f.what} failed</strong> <span className="failure-where">({f.where})</span>:{' '}
            {f.reason}
          </p>
          <button
            type="button"
            onClick={() => dismissFailure(f.id)}
            aria-label={`Dismiss: ${f.what} failed`}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
