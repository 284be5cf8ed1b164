/**
 * Runs work the analyst does not wait for (checks, automatic backups) once
 * start-up is over, so it never competes with the first paint of the list.
 */

/** Calls `task` when the main thread is idle, or after `timeoutMs` at the latest. */
export function whenIdle(task: () => unknown, timeoutMs = 2000): () => void {
  const id = requestIdleCallback(() => void task(), { timeout: timeoutMs });
  return () => cancelIdleCallback(id);
}
