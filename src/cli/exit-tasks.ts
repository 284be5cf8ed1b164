/**
 * What must be undone if the CLI is stopped midway (Ctrl+C, `kill`, a
 * closed output pipe): temporary files such as `convert -o`'s `.partial`
 * file and its standard-output spool. Commands register a synchronous
 * task while the file exists and unregister it once it is gone; the
 * process wiring (process.ts) runs what is left before it exits.
 */

const tasks = new Set<() => void>();

/** Registers `task`; returns the function that unregisters it. */
export function atExit(task: () => void): () => void {
  tasks.add(task);
  return () => {
    tasks.delete(task);
  };
}

/** Runs and forgets every registered task; one failing does not stop the others. */
export function runExitTasks(): void {
  for (const task of [...tasks]) {
    tasks.delete(task);
    try {
      task();
    } catch {
      // Best effort: the process is ending.
    }
  }
}

/** How many tasks are registered (for tests: nothing may be left behind). */
export function pendingExitTasks(): number {
  return tasks.size;
}
