/**
 * Waiting for a condition in browser tests. The default of vi.waitFor (1 s)
 * is too short on a loaded 2-core CI machine; conditions are polled, never
 * slept on, so a generous limit costs nothing when the code is fast.
 */
import { vi } from 'vitest';

/** Polls `check` until it passes (or 10 s go by). */
export function waitFor<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 10_000, interval: 20 });
}
