/**
 * A screen's view kept between visits (db/view-cache.ts), live: the kept
 * value (if any) with whether it is current, and the project's generation;
 * plus the function that keeps a newly computed one. For screens that
 * compute over the whole project and want to paint before that is done.
 */
import { useCallback } from 'react';
import { db } from '../db/db.ts';
import { keepView, readKeptView, type KeptView } from '../db/view-cache.ts';
import { useCoalescedQuery } from './useCoalescedQuery.ts';

/** What useKeptView returns; undefined fields while not read yet. */
export interface KeptViewState {
  /** Undefined while reading; null when nothing is kept under the key. */
  kept: KeptView | null | undefined;
  /** The current generation; undefined while reading. */
  gen: string | undefined;
  /** Keeps `value` as computed at `gen` (nothing is kept if the project changed since). */
  keep: (gen: string, value: unknown) => void;
}

/** The view kept under `key` (null: no key, nothing is read). */
export function useKeptView(key: string | null): KeptViewState {
  // Read again whenever the generation changes (every write to what views count).
  const read = useCoalescedQuery(
    ['viewCache'],
    key ?? '',
    key ? () => readKeptView(db, key) : null,
  ).value;
  const keep = useCallback(
    (gen: string, value: unknown): void => {
      // Only an optimization: if it cannot be kept, the next visit computes.
      if (key) keepView(db, key, gen, value).catch(() => undefined);
    },
    [key],
  );
  if (!key) return { kept: null, gen: undefined, keep };
  if (read === undefined) return { kept: undefined, gen: undefined, keep };
  return { kept: read.kept ?? null, gen: read.gen, keep };
}
