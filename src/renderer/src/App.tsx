/**
 * The app root: opens the database (or explains why it cannot), runs the
 * first-run dialog once, then shows the workbench. Failures reported while
 * no dialog is open show here, at the bottom of the window. Everything is
 * inside the language provider, which follows the stored choice once the
 * database is open and the system language before.
 */
import { FirstRun } from './app/FirstRun.tsx';
import { useOpenWorkbench } from './app/useOpenWorkbench.ts';
import { Workbench } from './app/Workbench.tsx';
import { FailureList } from './components/FailureList.tsx';
import { useSelf } from './hooks/useSelf.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { useProblemWords } from './i18n/problems.ts';
import { T } from './i18n/T.tsx';
import type { Problem } from '@core/problems/problem.ts';

export function App(): React.JSX.Element {
  const state = useOpenWorkbench();
  return (
    <I18nProvider open={state.kind === 'open'}>
      {state.kind === 'failed' ? (
        <div role="alert" className="fatal">
          <h1>
            <T id="app.cannotOpen" />
          </h1>
          <OpenFailure problem={state.problem} />
        </div>
      ) : state.kind === 'opening' ? (
        <p className="loading">
          <T id="app.opening" />
        </p>
      ) : (
        <>
          <OpenApp />
          <FailureList layer={0} className="failures-floating" />
        </>
      )}
    </I18nProvider>
  );
}

function OpenApp(): React.JSX.Element {
  const self = useSelf();
  if (self === undefined)
    return (
      <p className="loading">
        <T id="app.opening" />
      </p>
    );
  if (self === null) return <FirstRun />;
  return <Workbench self={self} />;
}

/** Why the database could not be opened, in the interface language. */
function OpenFailure({ problem }: { problem: Problem }): React.JSX.Element {
  const words = useProblemWords();
  return <p>{words(problem)}</p>;
}
