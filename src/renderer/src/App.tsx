/**
 * The app root: opens the database (or explains why it cannot), runs the
 * first-run dialog once, then shows the workbench.
 */
import { useEffect, useState } from 'react';
import { db, describeOpenError, openWorkbenchDb, requestPersistentStorage } from './db/db.ts';
import { healDerived } from './db/derived-rebuild.ts';
import { reportWriteFailure } from './db/write-errors.ts';
import { whenIdle } from './idle.ts';
import { FirstRun } from './app/FirstRun.tsx';
import { Workbench } from './app/Workbench.tsx';
import { useSelf } from './hooks/useSelf.ts';

type OpenState = { kind: 'opening' } | { kind: 'open' } | { kind: 'failed'; message: string };

export function App(): React.JSX.Element {
  const [state, setState] = useState<OpenState>({ kind: 'opening' });

  useEffect(() => {
    openWorkbenchDb()
      .then(() => {
        performance.mark('stance:db-open');
        setState({ kind: 'open' });
        void requestPersistentStorage();
        // Derived list rows out of step with the articles are rebuilt, once
        // the start is over (the check reads every count row).
        whenIdle(() =>
          healDerived(db).catch((err: unknown) =>
            reportWriteFailure('Rebuilding the document list', err),
          ),
        );
      })
      .catch((err: unknown) => setState({ kind: 'failed', message: describeOpenError(err) }));
  }, []);

  if (state.kind === 'failed') {
    return (
      <div role="alert" className="fatal">
        <h1>Stance Workbench cannot open its data</h1>
        <p>{state.message}</p>
      </div>
    );
  }
  if (state.kind === 'opening') return <p className="loading">Opening your workbench…</p>;
  return <OpenApp />;
}

function OpenApp(): React.JSX.Element {
  const self = useSelf();
  if (self === undefined) return <p className="loading">Opening your workbench…</p>;
  if (self === null) return <FirstRun />;
  return <Workbench self={self} />;
}
