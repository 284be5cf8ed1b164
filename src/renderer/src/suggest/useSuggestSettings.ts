/** The suggestion layer's settings (thresholds, tallies), live from IndexedDB. */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { db } from '../db/db.ts';
import { getSetting, type SuggestTally } from '../db/settings.ts';

const NONE = {};

/** What the suggestion settings hold; empty objects until read or when unset. */
export interface SuggestSettings {
  thresholds: Record<string, number>;
  tallies: Record<string, SuggestTally>;
}

const EMPTY: SuggestSettings = { thresholds: NONE, tallies: NONE };

/** The suggestion settings, re-rendering when they change. */
export function useSuggestSettings(): SuggestSettings {
  return useLiveQuery(
    async () => ({
      thresholds: (await getSetting(db, 'suggestThresholds')) ?? NONE,
      tallies: (await getSetting(db, 'suggestTallies')) ?? NONE,
    }),
    [],
    EMPTY,
  );
}
