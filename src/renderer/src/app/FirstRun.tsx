/** The first-run dialog: asks the analyst's name once, then creates the profile. */
import { useId, useState, type FormEvent } from 'react';
import { db } from '../db/db.ts';
import { createProfile, validateAnalystName } from '../db/profile.ts';

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
      await createProfile(db, name);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
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
