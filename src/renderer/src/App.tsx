/**
 * The app root: opens the database (or explains why it cannot), runs the
 * first-run dialog once, then shows the workbench.
 */
import { useEffect, useState } from 'react';
import { describeOpenError, openWorkbenchDb, requestPersistentStorage } from './db/db.ts';
import { FirstRun } from './components/FirstRun.tsx';
import { Workbench } from './components/Workbench.tsx';
import { useSelf } from './hooks/useSelf.ts';

type OpenState = { kind: 'opening' } | { kind: 'open' } | { kind: 'failed'; message: string };

export function App(): React.JSX.Element {
  const [state, setState] = useState<OpenState>({ kind: 'opening' });

  useEffect(() => {
    openWorkbenchDb()
      .then(() => {
        setState({ kind: 'open' });
        void requestPersistentStorage();
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
