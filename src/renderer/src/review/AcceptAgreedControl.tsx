/**
 * "Accept all where at least N annotators agree exactly": the number input
 * and its button, shared by the review view (one document) and the
 * agreement dashboard (every document).
 */

export interface AcceptAgreedControlProps {
  /** Annotators who proposed spans: the largest sensible N. */
  proposers: number;
  minAgree: number;
  onMinAgree: (n: number) => void;
  onAccept: () => void;
  disabled?: boolean;
  /** Appended to the button's text, e.g. `, in every document`. */
  scope?: string;
}

export function AcceptAgreedControl({
  proposers,
  minAgree,
  onMinAgree,
  onAccept,
  disabled = false,
  scope = '',
}: AcceptAgreedControlProps): React.JSX.Element {
  return (
    <>
      <label>
        Minimum annotators agreeing
        <input
          type="number"
          min={1}
          max={Math.max(1, proposers)}
          value={minAgree}
          onChange={(e) => onMinAgree(Math.max(1, Number(e.target.value) || 1))}
        />
      </label>
      <button type="button" disabled={disabled} onClick={onAccept}>
        Accept all where at least {minAgree} annotators agree exactly{scope}
      </button>
    </>
  );
}
