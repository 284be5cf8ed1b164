/**
 * What the suggestion layer shows, as a tiny external store (read with
 * useSyncExternalStore, like annotate/session.ts): the worker's phase, the
 * held-out evaluation, the open document's suggestions and the current
 * one, the "label all occurrences" offer. Suggestions live here and in
 * the worker only, never in IndexedDB: they are not the analyst's spans.
 */
import { useSyncExternalStore } from 'react';
import type { Evaluation } from '@core/suggest/evaluate.ts';
import type { TrainingSummary } from '@core/suggest/model.ts';
import type { Suggestion } from '@core/suggest/types.ts';
import type { Problem } from '@core/problems/problem.ts';
import type { MessageId } from '../i18n/catalogs.ts';

/** An offer to label every other occurrence of a phrase just labelled. */
export interface OccurrenceOffer {
  docId: string;
  quote: string;
  label: string;
  /** The occurrences not yet labelled so, across the corpus. */
  items: Suggestion[];
  /** How many of them are in the document where the phrase was labelled. */
  inDoc: number;
}

export interface SuggestState {
  /** What the worker is doing. */
  phase: 'starting' | 'idle' | 'training' | 'evaluating';
  /** Training or evaluation progress in [0, 1], or null. */
  progress: number | null;
  trained: TrainingSummary | null;
  /** How many of the analyst's spans the model and figures now follow. */
  spans: number;
  evaluation: Evaluation | null;
  /** Why suggestions are hidden on the open document (blind mode, double annotation; a message id), or null. */
  hidden: MessageId | null;
  /** The open document's suggestions, in document order. */
  docId: string | null;
  suggestions: Suggestion[];
  /** Index of the current suggestion (Enter accepts it, Backspace rejects it). */
  current: number;
  offer: OccurrenceOffer | null;
  /** A place the reading pane should scroll to (the next uncertain sentence). */
  reveal: { docId: string; start: number; seq: number } | null;
  /** The last failure of the worker, as a problem (worded in the interface language when shown). */
  error: Problem | null;
}

let state: SuggestState = {
  phase: 'starting',
  progress: null,
  trained: null,
  spans: 0,
  evaluation: null,
  hidden: null,
  docId: null,
  suggestions: [],
  current: 0,
  offer: null,
  reveal: null,
  error: null,
};
const listeners = new Set<() => void>();

/** The current state. */
export function getSuggestState(): SuggestState {
  return state;
}

/** Merges `patch` into the state and notifies readers. */
export function updateSuggestState(patch: Partial<SuggestState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The suggestion layer's state, re-rendering on change. */
export function useSuggestState(): SuggestState {
  return useSyncExternalStore(subscribe, getSuggestState, getSuggestState);
}

/** The identity of a suggestion: where, and which label. */
export function suggestionKey(s: Pick<Suggestion, 'docId' | 'start' | 'end' | 'label'>): string {
  return `${s.docId}\u0000${s.start}\u0000${s.end}\u0000${s.label}`;
}

/** The current suggestion, or null. */
export function currentSuggestion(s: SuggestState = state): Suggestion | null {
  return s.hidden ? null : (s.suggestions[s.current] ?? null);
}
