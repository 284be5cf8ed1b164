/**
 * Runs heavy work the analyst does not wait for (the automatic daily backup
 * reads every table in one transaction) at the first quiet moment: once no
 * write has been committed and no key, pointer or wheel input has come for
 * a while, and then when the main thread is idle. Unlike idle.ts alone,
 * this does not fire a second or two after start, while the analyst is
 * opening a document or a tab that opened the app is closed again.
 */
import Dexie from 'dexie';
import { whenIdle } from './idle.ts';

/** How long the workbench must be quiet before heavy background work starts. */
export const QUIET_MS = 3000;

const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Calls `task` once the window has been quiet for `quietMs` (no Dexie write
 * committed in this window or another of the profile, no input), then idle.
 * Returns a function that cancels it.
 */
export function whenQuiet(task: () => unknown, quietMs = QUIET_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | null = null;
  const restart = (): void => {
    if (cancelIdle) return; // already waiting for idle: too late to hold it
    clearTimeout(timer);
    timer = setTimeout(fire, quietMs);
  };
  const stopListening = (): void => {
    Dexie.on.storagemutated.unsubscribe(restart);
    for (const e of INPUT_EVENTS) window.removeEventListener(e, restart, true);
  };
  function fire(): void {
    stopListening();
    cancelIdle = whenIdle(task);
  }
  Dexie.on('storagemutated', restart);
  for (const e of INPUT_EVENTS)
    window.addEventListener(e, restart, { capture: true, passive: true });
  restart();
  return () => {
    clearTimeout(timer);
    stopListening();
    cancelIdle?.();
  };
}
