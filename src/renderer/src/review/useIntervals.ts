/**
 * Runs the bootstrap for the dashboard in steps between frames, so the
 * figures show at once and their intervals follow; restarts when the
 * figures' tallies change, and stops when they change or the view closes.
 */
import { useEffect, useState } from 'react';
import { bootstrapSteps, type AgreementIntervals } from '@core/agreement/bootstrap.ts';
import type { Tallies } from '@core/agreement/tallies.ts';

export interface IntervalsState {
  ci: AgreementIntervals | null;
  /** Share of resamples done, 0–1. */
  progress: number;
}

export function useIntervals(tallies: Tallies | null): IntervalsState {
  const [state, setState] = useState<IntervalsState & { of: Tallies | null }>({
    ci: null,
    progress: 0,
    of: null,
  });
  useEffect(() => {
    if (!tallies) return;
    const steps = bootstrapSteps(tallies);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = (): void => {
      const r = steps.next();
      if (r.done) setState({ ci: r.value, progress: 1, of: tallies });
      else {
        setState({ ci: null, progress: r.value, of: tallies });
        timer = setTimeout(step, 0);
      }
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [tallies]);
  return state.of === tallies ? state : { ci: null, progress: 0 };
}
