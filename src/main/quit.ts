/**
 * Runs the app's clean-up before it quits: Electron quits without waiting
 * for promises, so the first `before-quit` is held (preventDefault) until
 * the clean-up is done, then the quit is repeated and let through. A
 * clean-up that hangs (a stalled disk) is given up after `limitMs`, so the
 * app still quits.
 */
import type { App } from 'electron';

/** Holds the first quit until `cleanup` has run (or `limitMs` has passed). */
export function cleanUpBeforeQuit(
  app: Pick<App, 'on' | 'quit'>,
  cleanup: () => Promise<void>,
  limitMs = 10_000,
): void {
  let state: 'running' | 'cleaning' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.error(`stance: clean-up before quitting took over ${limitMs} ms; quitting anyway`);
        resolve();
      }, limitMs);
    });
    void Promise.race([
      cleanup().catch((err: unknown) => console.error('stance: clean-up before quitting:', err)),
      limit,
    ]).finally(() => {
      clearTimeout(timer);
      state = 'done';
      app.quit();
    });
  });
}
