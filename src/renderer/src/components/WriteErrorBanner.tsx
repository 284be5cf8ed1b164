/** Tells the analyst that an edit was not saved, and why. */
import { dismissWriteFailure, useWriteFailure } from '../db/write-errors.ts';

export function WriteErrorBanner(): React.JSX.Element | null {
  const failure = useWriteFailure();
  if (!failure) return null;
  return (
    <div role="alert" className="write-error">
      <strong>{failure.action} failed: it was not saved.</strong> The reason: {failure.reason}
      <button type="button" onClick={dismissWriteFailure}>
        Dismiss
      </button>
    </div>
  );
}
