/** The first-run dialog: asks the analyst's name once, then creates the profile. */
import { useId, useState, type FormEvent } from 'react';
import { validateAnalystName } from '../db/profile.ts';
import { reportFailure } from '../failures.ts';
import { startProfile } from './actions.ts';

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
        { key: 'first-run', what: 'Creating your profile', where: 'Welcome to Stance Workbench' },
        err,
      );
      setBusy(false);
    }
  }

  return (
    <div className="first-run-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="first-run"
        onSubmit={(e) => void submit(e)}
      >
        <h1 id={titleId}>Welcome to Stance Workbench</h1>
        <p>
          Your name is stored with every span you make and in every dataset you export, so that
          colleagues can compare their labels with yours.
        </p>
        <label>
          Your name
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
          Start annotating
        </button>
      </form>
    </div>
  );
}
