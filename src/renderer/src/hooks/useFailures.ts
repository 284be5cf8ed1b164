/** The failures reported to the analyst (see failures.ts), live. */
import { useSyncExternalStore } from 'react';
import { currentFailures, subscribeFailures, topLayer, type Failure } from '../failures.ts';

/** The failures shown now, oldest first. */
export function useFailures(): readonly Failure[] {
  return useSyncExternalStore(subscribeFailures, currentFailures);
}

/** The layer that shows failures now: the top open modal dialog, else 0. */
export function useTopLayer(): number {
  return useSyncExternalStore(subscribeFailures, topLayer);
}
