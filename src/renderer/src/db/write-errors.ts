/**
 * Failed writes, reported to the analyst. Every user edit goes through
 * `runWrite`: the edit shows as saved only once its transaction committed;
 * when storage refuses it (QuotaExceededError, AbortError, …) the analyst is
 * told what failed and why, and nothing already stored is touched.
 */
import { useSyncExternalStore } from 'react';
import { describeStorageError } from './db.ts';

export interface WriteFailure {
  /** What the analyst was doing, e.g. "Saving the span". */
  action: string;
  /** Why it failed, in words. */
  reason: string;
  at: number;
}

let current: WriteFailure | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

/** Records a failure for the banner. */
export function reportWriteFailure(action: string, err: unknown): void {
  current = { action, reason: describeStorageError(err), at: Date.now() };
  emit();
}

/** Clears the banner. */
export function dismissWriteFailure(): void {
  current = null;
  emit();
}

/**
 * Runs a write; on failure reports it and resolves to undefined, so callers
 * never show an unsaved edit as saved.
 */
export async function runWrite<T>(action: string, write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write();
  } catch (err) {
    reportWriteFailure(action, err);
    return undefined;
  }
}

/** The current write failure, or null. */
export function useWriteFailure(): WriteFailure | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
