/**
 * The one place failures are shown (see failures.ts): each one as an alert
 * saying what failed, where, and why, with a button to dismiss it. The
 * workbench shows the list at layer 0; an open modal dialog shows it inside
 * itself, since everything behind a modal dialog is inert.
 */
import { dismissFailure } from '../failures.ts';
import { useFailures, useTopLayer } from '../hooks/useFailures.ts';
import { phraseWords, problemWords } from '../i18n/problems.ts';
import { T, useT } from '../i18n/T.tsx';

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
  const t = useT();
  if (layer !== top || failures.length === 0) return null;
  return (
    <div className={`failures ${className}`}>
      {failures.map((f) => {
        const what = phraseWords(t, f.what.id, f.what.values);
        return (
          <div key={f.id} role="alert" className="failure">
            <p>
              <T
                id="failure.failed"
                values={{
                  what,
                  where: phraseWords(t, f.where.id, f.where.values),
                  reason: problemWords(t, f.problem),
                  b: (c) => <strong>{c}</strong>,
                  w: (c) => <span className="failure-where">{c}</span>,
                }}
              />
            </p>
            <button
              type="button"
              onClick={() => dismissFailure(f.id)}
              aria-label={t('failure.dismissLabel', { what })}
            >
              <T id="failure.dismiss" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
