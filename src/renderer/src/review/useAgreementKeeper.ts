/**
 * Runs the agreement keeper (agreement-keeper.ts) while the workbench is
 * open. Its code, and the dashboard's counting code with it, is loaded
 * only at the first quiet moment, not with the first screen.
 */
import { useEffect } from 'react';
import { whenQuiet } from '../quiet.ts';

/** Keeps the agreement dashboard's default view counted in the background. */
export function useAgreementKeeper(): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let stopped = false;
    const cancel = whenQuiet(() => {
      import('./agreement-keeper.ts')
        .then(({ startAgreementKeeper }) => {
          if (!stopped) stop = startAgreementKeeper();
        })
        .catch(() => undefined);
    });
    return () => {
      stopped = true;
      cancel();
      stop?.();
    };
  }, []);
}
