/**
 * The one channel for failures the analyst must see: a failed write, an
 * import or restore refused, an export that stopped, a background task
 * (automatic backup, the start-up check) that went wrong. Code that catches
 * a failure reports it here, saying what failed and where; the UI shows
 * every reported failure in one place (components/FailureList.tsx), with
 * role="alert", until it is dismissed, cleared by a later success of the
 * same activity, or its dialog closes. What failed and where are catalog
 * messages (`Phrase`), worded in the interface language when shown, so a
 * failure reads in Arabic whatever code reported it. Plain data, no React:
 * the hook that reads it is hooks/useFailures.ts.
 */
import { describeError } from '@core/errors.ts';
import { errorProblem, problemText, type Problem } from '@core/problems/problem.ts';
import type { MessageId } from './i18n/catalogs.ts';

/**
 * A catalog message and its values: words the list shows in the interface
 * language. A value may be a phrase itself (the edit inside "Saving the
 * edit “…”"), worded in the same language.
 */
export interface Phrase {
  id: MessageId;
  values?: Readonly<Record<string, PhraseValue>>;
}

/** A value a phrase names: a number, text (a name, shown as it is), or a phrase. */
export type PhraseValue = string | number | Phrase;

/** Message `id` with `values`, as a phrase. */
export function phrase(id: MessageId, values?: Record<string, PhraseValue>): Phrase {
  return values ? { id, values } : { id };
}

/** A failure shown to the analyst. */
export interface Failure {
  id: number;
  /**
   * The activity it belongs to (e.g. `annotate:write`, `export`): a new
   * failure of the same activity replaces it, and `clearFailures(key)` (a
   * later success, a closed dialog) removes it.
   */
  key: string;
  /** What failed, said as an action, e.g. "Exporting the dataset". */
  what: Phrase;
  /** Where: the part of the app, file or line, e.g. "Export dataset", "data.jsonl". */
  where: Phrase;
  /** Why, in English (see describeError): for logs and tests. */
  reason: string;
  /** Why, as data (see errorProblem): what the list words in the interface language. */
  problem: Problem;
}

/** What a caller says about a failure; the reason comes from the error. */
export interface FailureReport {
  key: string;
  what: Phrase;
  where: Phrase;
}

/** Failures shown at once, at most: the oldest give way. */
const MAX_SHOWN = 5;

let failures: readonly Failure[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: readonly Failure[]): void {
  failures = next;
  for (const l of listeners) l();
}

/**
 * Reports a failure: `err` is any thrown value, or the problem (a refusal)
 * saying why. Replaces an earlier failure of the same key.
 */
export function reportFailure(report: FailureReport, err: unknown): void {
  const problem = errorProblem(err);
  const failure: Failure = {
    ...report,
    id: nextId++,
    reason: problem.code === 'unexpected' ? describeError(err) : problemText(problem),
    problem,
  };
  set([...failures.filter((f) => f.key !== report.key), failure].slice(-MAX_SHOWN));
}

/** Removes the failures of activity `key` (it succeeded, or its dialog closed). */
export function clearFailures(key: string): void {
  if (failures.some((f) => f.key === key)) set(failures.filter((f) => f.key !== key));
}

/** Removes one failure: the analyst dismissed it. */
export function dismissFailure(id: number): void {
  set(failures.filter((f) => f.id !== id));
}

/** The failures shown now, oldest first. */
export function currentFailures(): readonly Failure[] {
  return failures;
}

/** Calls `listener` whenever the failures change; returns the unsubscribe. */
export function subscribeFailures(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/*
 * Where failures are shown. A modal dialog makes everything behind it inert
 * (unseen by assistive technology, out of reach of the pointer), so while
 * one is open the failures show inside it; `layers` is the stack of open
 * modal dialogs, the workbench being layer 0.
 */
let layers: readonly number[] = [];
let nextLayer = 1;

/** Registers an opened modal dialog; returns its layer id. */
export function pushLayer(): number {
  const id = nextLayer++;
  layers = [...layers, id];
  for (const l of listeners) l();
  return id;
}

/** Unregisters a closed modal dialog. */
export function popLayer(id: number): void {
  layers = layers.filter((l) => l !== id);
  for (const l of listeners) l();
}

/** The layer that shows failures now: the top open dialog, else 0 (the workbench). */
export function topLayer(): number {
  return layers[layers.length - 1] ?? 0;
}
