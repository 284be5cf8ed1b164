/**
 * Dexie's liveQuery as a React hook, kept in React's own state. The hook
 * of dexie-react-hooks keeps the result in a ref it reads while rendering:
 * when React renders the component in a lane that leaves out the hook's
 * forced update (a background render useDeferredValue started, say) the
 * render sees the new result but counts as "nothing changed" and bails
 * out, keeping the hooks' new dependencies while dropping their effects
 * (react#24042). An effect that depends on the result then never runs: the
 * Analysis view stayed on "Counting…" with its labels read, because the
 * effect starting its reads had already "seen" them. Here the result is an
 * external store read with useSyncExternalStore, which marks a render that
 * sees a new result as an update, so effects that depend on it always run.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { liveQuery } from 'dexie';

/** What the hook last had: a result, or the querier's failure. */
type Snapshot<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** One hook's result, observable by React: replaced (never mutated) at every emission. */
class LiveResult<T> {
  private snapshot: Snapshot<T>;
  private readonly listeners = new Set<() => void>();

  constructor(initial: T) {
    this.snapshot = { ok: true, value: initial };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): Snapshot<T> => this.snapshot;

  /** Observes `querier` until the returned function is called; the last result stays meanwhile. */
  observe(querier: () => Promise<T> | T): () => void {
    const subscription = liveQuery(querier).subscribe({
      next: (value) => {
        const s = this.snapshot;
        if (s.ok && Object.is(s.value, value)) return;
        this.set({ ok: true, value });
      },
      error: (error: unknown) => this.set({ ok: false, error }),
    });
    return () => subscription.unsubscribe();
  }

  private set(snapshot: Snapshot<T>): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}

/**
 * The result of `querier`, read again whenever what it read changes
 * (Dexie's liveQuery), and afresh when `deps` change (the last result
 * stays until the new one arrives, as with dexie-react-hooks).
 * `defaultResult` (undefined if not given) until the first result. A
 * failed read is thrown at render, for the screen's error boundary.
 */
export function useLiveQuery<T>(querier: () => Promise<T> | T, deps?: unknown[]): T | undefined;
export function useLiveQuery<T, D>(
  querier: () => Promise<T> | T,
  deps: unknown[],
  defaultResult: D,
): T | D;
export function useLiveQuery<T, D>(
  querier: () => Promise<T> | T,
  deps: unknown[] = [],
  defaultResult?: D,
): T | D | undefined {
  const [result] = useState(() => new LiveResult<T | D | undefined>(defaultResult));
  const snapshot = useSyncExternalStore(result.subscribe, result.getSnapshot);
  // The querier of the render whose `deps` changed: callers name what it reads in `deps`.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => result.observe(querier), [result, ...deps]);
  if (!snapshot.ok) throw snapshot.error;
  return snapshot.value;
}
