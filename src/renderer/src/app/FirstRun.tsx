/** The first-run dialog: asks the analyst's name once, then creates the profile. */
import { useId, useState, type FormEvent } from 'react';
import { validateAnalystName } from '../db/profile.ts';
import { phrase, reportFailure } from '../failures.ts';
import { startProfile } from './actions.ts';
import { T } from '../i18n/T.tsx';
import { DisplaySettings } from './DisplaySettings.tsx';

export function FirstRun(): React.JSX.Element {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const errorId = useId();

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const problem = validateAnalystName(name);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      await startProfile(name);
    } catch (err) {
      reportFailure(
        {
          key: 'first-run',
          what: phrase('failureTask.createProfile'),
          where: phrase('firstRun.title'),
        },
        err,
      );
      setBusy(false);
    }
  }

  return (
    <div className="first-run-backdrop">
      <DisplaySettings />
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="first-run"
        onSubmit={(e) => void submit(e)}
      >
        <h1 id={titleId}>
          <T id="firstRun.title" />
        </h1>
        <p>
          <T id="firstRun.intro" />
        </p>
        <label>
          <T id="firstRun.name" />
          <input
            autoFocus
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            dir="auto"
          />
        </label>
        {error && (
          <p id={errorId} role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          <T id="firstRun.start" />
        </button>
      </form>
    </div>
  );
}
