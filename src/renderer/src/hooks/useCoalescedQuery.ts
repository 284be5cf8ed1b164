/**
 * A live read for screens that compute over the whole project (Analysis,
 * the agreement dashboard) and for the small kept-view reads in front of
 * them. Dexie's liveQuery aborts a read in flight and starts it again at
 * every committed write to what it read, and emits nothing until a read
 * finishes with no write in between: under a steady stream of writes (an
 * import, a colleague's sync, tokens stored in the background on a busy
 * machine) a read that takes longer than the gap between two writes never
 * finishes, and the screen waits forever. This hook lets a read finish and
 * shows its result, then reads once more if any watched table changed
 * meanwhile (changes coalesced): it always makes progress and is at most
 * one read behind the database.
 */
import { useEffect, useRef, useState } from 'react';
import { Dexie } from 'dexie';
import { db } from '../db/db.ts';

/** What useCoalescedQuery returns. */
export interface CoalescedResult<T> {
  /** The last finished read for the current key; undefined until there is one. */
  value: T | undefined;
  /** True while a watched table has changed since that read started (another read follows). */
  stale: boolean;
}

interface Held<T> {
  key: string;
  value: T;
  stale: boolean;
}

/** True when a storagemutated event touches one of `prefixes` (Dexie's `idb://db/table/…` parts). */
function touches(parts: Record<string, unknown>, prefixes: readonly string[]): boolean {
  return Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)));
}

/**
 * Runs `query` (null: reads nothing) and again after every change to one of
 * `tables`, never aborting a read in flight. `key` names what the query
 * reads (its parameters): a new key reads again, and a value read for an
 * older key is never returned. A failed read is thrown at render, as
 * useLiveQuery does, for the screen's error boundary.
 */
export function useCoalescedQuery<T>(
  tables: readonly string[],
  key: string,
  query: (() => Promise<T>) | null,
): CoalescedResult<T> {
  const [held, setHeld] = useState<Held<T> | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: unknown } | null>(null);
  // The newest query, for reads started by a change (the listener outlives renders).
  const latest = useRef(query);
  latest.current = query;
  const tableKey = tables.join('\n');
  const enabled = query !== null;

  useEffect(() => {
    if (!enabled) return;
    let closed = false;
    let running = false;
    let dirty = false;
    let scheduled = false;
    const prefixes = tableKey.split('\n').map((t) => `idb://${db.name}/${t}/`);
    const run = (): void => {
      const read = latest.current;
      if (closed || running || !read) return;
      running = true;
      dirty = false;
      // Outside any Dexie transaction zone, whatever the caller's: a read
      // taken for part of a finished transaction would never settle.
      Dexie.ignoreTransaction(read)
        .then(
          (value) => {
            if (closed) return;
            setHeld({ key, value, stale: dirty });
            setFailure(null);
          },
          (error: unknown) => {
            if (!closed) setFailure({ key, error });
          },
        )
        .finally(() => {
          running = false;
          if (dirty) run();
        });
    };
    const onChange = (parts: Record<string, unknown>): void => {
      if (closed || !touches(parts, prefixes)) return;
      dirty = true;
      setHeld((h) => (h && h.key === key && !h.stale ? { ...h, stale: true } : h));
      // Dexie fires this inside the committed transaction's zone: a read
      // started here would be taken for part of that finished transaction.
      // A task later, the read runs outside every Dexie zone.
      if (!scheduled) {
        scheduled = true;
        setTimeout(() => {
          scheduled = false;
          run();
        }, 0);
      }
    };
    Dexie.on('storagemutated', onChange);
    run();
    return () => {
      closed = true;
      Dexie.on.storagemutated.unsubscribe(onChange);
    };
  }, [tableKey, key, enabled]);

  if (failure && failure.key === key) throw failure.error;
  return held && held.key === key && enabled
    ? { value: held.value, stale: held.stale }
    : { value: undefined, stale: false };
}
