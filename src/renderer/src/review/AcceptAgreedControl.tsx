/**
 * "Accept all where at least N annotators agree exactly": the number input
 * and its button, shared by the review view (one document) and the
 * agreement dashboard (every document).
 */

import { useT } from '../i18n/T.tsx';

export interface AcceptAgreedControlProps {
  /** Annotators who proposed spans: the largest sensible N. */
  proposers: number;
  minAgree: number;
  onMinAgree: (n: number) => void;
  onAccept: () => void;
  disabled?: boolean;
  /** Every document (the dashboard) rather than the open one. */
  everyDocument?: boolean;
}

export function AcceptAgreedControl({
  proposers,
  minAgree,
  onMinAgree,
  onAccept,
  disabled = false,
  everyDocument = false,
}: AcceptAgreedControlProps): React.JSX.Element {
  const t = useT();
  return (
    <>
      <label>
        {t('accept.min')}
        <input
          type="number"
          min={1}
          max={Math.max(1, proposers)}
          value={minAgree}
          onChange={(e) => onMinAgree(Math.max(1, Number(e.target.value) || 1))}
        />
      </label>
      <button type="button" disabled={disabled} onClick={onAccept}>
        {everyDocument ? t('accept.allEvery', { n: minAgree }) : t('accept.all', { n: minAgree })}
      </button>
    </>
  );
}
