/**
 * The app root: opens the database (or explains why it cannot), runs the
 * first-run dialog once, then shows the workbench. Failures reported while
 * no dialog is open show here, at the bottom of the window.
 */
import { FirstRun } from './app/FirstRun.tsx';
import { useOpenWorkbench } from './app/useOpenWorkbench.ts';
import { Workbench } from './app/Workbench.tsx';
import { FailureList } from './components/FailureList.tsx';
import { useSelf } from './hooks/useSelf.ts';

export function App(): React.JSX.Element {
  const state = useOpenWorkbench();
  if (state.kind === 'failed') {
    return (
      <div role="alert" className="fatal">
        <h1>Stance Workbench cannot open its data</h1>
        <p>{state.message}</p>
      </div>
    );
  }
  if (state.kind === 'opening') return <p className="loading">Opening your workbench…</p>;
  return (
    <>
      <OpenApp />
      <FailureList layer={0} className="failures-floating" />
    </>
  );
}

function OpenApp(): React.JSX.Element {
  const self = useSelf();
  if (self === undefined) return <p className="loading">Opening your workbench…</p>;
  if (self === null) return <FirstRun />;
  return <Workbench self={self} />;
}
