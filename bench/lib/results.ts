/**
 * The shape of bench/results.json: per section, named figures (each the
 * median of several runs, with the runs kept), and the targets with
 * whether each was met.
 */
import { summarize, type Summary } from './stats.ts';

/** One measured quantity. `runs` are the raw samples the median came from. */
export interface Figure extends Summary {
  unit: string;
  /** What exactly was measured, for the report. */
  label: string;
}

/** One benchmark section (render, store, export, …). */
export interface SectionResult {
  /** False when it could not be measured; `reason` says why. */
  measured: boolean;
  reason?: string;
  figures: Record<string, Figure>;
  /** Facts about the setup that a reader needs (sizes, chunking, caveats). */
  notes: string[];
  seconds: number;
}

/** A row of the targets table. */
export interface TargetRow {
  what: string;
  target: string;
  measured: string;
  /** null: not measured. */
  met: boolean | null;
  /** How far off, when missed (e.g. "1.8× over"). */
  missedBy?: string;
  why?: string;
}

/** Makes a figure from samples. */
export function figure(label: string, unit: string, samples: readonly number[]): Figure {
  return { label, unit, ...summarize(samples) };
}

/** A section that could not run, and why. */
export function notMeasured(reason: string): SectionResult {
  return { measured: false, reason, figures: {}, notes: [], seconds: 0 };
}
