/**
 * The modal dialog every dialog of the workbench is built on: a native
 * <dialog> opened with showModal(), so the page behind it is inert (no
 * pointer, no focus, no keyboard shortcut reaches the article), focus stays
 * inside it, and its title names it for assistive technology. Escape and
 * the Close button close it, unless a write is running (`busy`). Failures
 * show inside it while it is open.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { clearFailures, popLayer, pushLayer } from '../failures.ts';
import { FailureList } from './FailureList.tsx';
import { T } from '../i18n/T.tsx';
import './dialog.css';

export interface DialogProps {
  title: string;
  /** Called when the analyst closes it; the parent then stops rendering it. */
  onClose: () => void;
  /** While true (a write is running) Escape and Close do nothing. */
  busy?: boolean;
  /** The activity whose failures are cleared when the dialog closes (see failures.ts). */
  failureKey?: string;
  className?: string;
  children: ReactNode;
}

export function Dialog({
  title,
  onClose,
  busy = false,
  failureKey,
  className = '',
  children,
}: DialogProps): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [layer, setLayer] = useState(-1);
  const latest = useRef({ onClose, busy });
  useEffect(() => {
    latest.current = { onClose, busy };
  });
  // onClose is called once, however the dialog was closed.
  const closed = useRef(false);
  const close = (): void => {
    if (closed.current) return;
    closed.current = true;
    latest.current.onClose();
  };

  useLayoutEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    const id = pushLayer();
    setLayer(id);
    return () => popLayer(id);
  }, []);
  useEffect(() => () => (failureKey ? clearFailures(failureKey) : undefined), [failureKey]);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape: closing is the parent's decision (it unmounts the dialog).
        e.preventDefault();
        if (!latest.current.busy) close();
      }}
      onClose={() => {
        // Closed by the browser itself (e.g. Escape pressed twice without
        // any other input): tell the parent, so its state follows.
        close();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={close} disabled={busy}>
          <T id="dialog.close" />
        </button>
      </div>
      {children}
      <FailureList layer={layer} className="failures-inline" />
    </dialog>
  );
}
