/**
 * A suggester's switch-on threshold, typed in the digits the analyst chose.
 * A number input shows only Western digits, so this is a text field
 * (inputMode "decimal", so touch keyboards show digits) that reads both
 * digit sets and the Arabic decimal mark, shows its value in the chosen
 * digits, steps by 0.05 with the arrow keys as a number field does, and
 * says what it expects when what was typed is not a number from 0 to 1.
 */
import { useId, useState } from 'react';
import type { SuggesterName } from '@core/suggest/types.ts';
import { parseDecimal } from '../i18n/parse-number.ts';
import { useT } from '../i18n/T.tsx';
import { useNumber } from '../i18n/useNumber.ts';
import { saveThreshold } from './actions.ts';

const STEP = 0.05;

/** The editable threshold of suggester `name`, labelled `label`. */
export function ThresholdInput({
  name,
  label,
  value,
}: {
  name: SuggesterName;
  label: string;
  value: number;
}): React.JSX.Element {
  const t = useT();
  const num = useNumber();
  const show = (v: number): string => num(v, { maximumFractionDigits: 3 });
  /** What the field holds while the analyst types; null shows the stored value. */
  const [typed, setTyped] = useState<string | null>(null);
  const hintId = useId();
  const parsed = typed === null ? value : parseDecimal(typed);
  const valid = parsed !== null && parsed >= 0 && parsed <= 1;
  const save = (v: number): void => {
    const rounded = Math.round(v * 1000) / 1000;
    if (rounded !== value) void saveThreshold(name, rounded);
  };
  return (
    <label className="suggest-threshold">
      {label}{' '}
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        size={6}
        value={typed ?? show(value)}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : hintId}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setTyped(text);
          const v = parseDecimal(text);
          if (v !== null && v >= 0 && v <= 1) save(v);
        }}
        onBlur={() => {
          if (valid) setTyped(null);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          e.preventDefault();
          const base = valid ? parsed : value;
          const next = Math.min(1, Math.max(0, base + (e.key === 'ArrowUp' ? STEP : -STEP)));
          setTyped(null);
          save(next);
        }}
      />
      {!valid && (
        <span id={hintId} className="field-hint" role="alert">
          {t('suggest.thresholdInvalid', { min: show(0), max: show(1), example: show(0.35) })}
        </span>
      )}
    </label>
  );
}
