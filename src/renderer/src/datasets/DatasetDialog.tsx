/**
 * The frame of the dataset dialogs (export, import, backup): a modal with a
 * title that names it for assistive technology, closed with Escape or its
 * Close button (unless a write is running).
 */
import { useEffect, useId, type ReactNode } from 'react';
import './datasets.css';

export function DatasetDialog({
  title,
  onClose,
  busy = false,
  children,
}: {
  title: string;
  onClose: () => void;
  busy?: boolean;
  children: ReactNode;
}): React.JSX.Element {
  const titleId = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);
  return (
    <div className="ds-backdrop">
      <section role="dialog" aria-modal="true" aria-labelledby={titleId} className="ds-dialog">
        <div className="ds-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" onClick={onClose} disabled={busy}>
            Close
          </button>
        </div>
        {children}
      </section>
    </div>
  );
}

/** A labelled progress bar for reading, writing or exporting. */
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
    <div className="ds-progress">
      <progress aria-label={label} value={done} max={Math.max(total, 1)} />
      <span aria-hidden="true">{pct}%</span>
    </div>
  );
}

/** A dialog's outcome: what happened (status) and what went wrong (alert). */
export function DialogOutcome({
  status,
  error,
}: {
  status: string | null;
  error: string | null;
}): React.JSX.Element {
  return (
    <>
      {status && (
        <p role="status" className="ds-status">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
