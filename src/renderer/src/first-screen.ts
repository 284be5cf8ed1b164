/**
 * Start-up work that the first screen does not need (the suggestion
 * service reading every article and this analyst's spans) waits until the
 * document list has its rows and then for a quiet moment (quiet.ts), so it
 * neither competes with the list's reads nor fills IndexedDB's queue while
 * the analyst opens the first document. (Measured in the start bench: a
 * tab closed while these reads ran delayed the next tab's database open by
 * seconds.) See docs/architecture.md, What loads when.
 */
import { whenQuiet } from './quiet.ts';

let shown = false;
const waiting = new Set<() => void>();

/** The document list has its first rows (corpus/useDocumentRows.ts). */
export function firstScreenShown(): void {
  if (shown) return;
  shown = true;
  for (const fn of waiting) fn();
  waiting.clear();
}

/**
 * Calls `task` once the first screen is shown and then the window has been
 * quiet for `quietMs` (no write, no input) and idle; returns a cancel.
 */
export function afterFirstScreen(task: () => unknown, quietMs = 1000): () => void {
  let cancelQuiet: (() => void) | null = null;
  const start = (): void => {
    cancelQuiet = whenQuiet(task, quietMs);
  };
  if (shown) start();
  else waiting.add(start);
  return () => {
    waiting.delete(start);
    cancelQuiet?.();
  };
}
