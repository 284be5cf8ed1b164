/**
 * The state of the annotating session shared by the reading pane, the span
 * panel and the label panel: the selected span, the pending (snapped)
 * selection, the sticky label and the last notice. A tiny external
 * store read with useSyncExternalStore; data itself lives in IndexedDB.
 */
import { useSyncExternalStore } from 'react';
import type { Phrase } from '../failures.ts';

export interface SessionState {
  selectedSpanId: string | null;
  /** A snapped selection waiting for a label, in code points. */
  pending: { start: number; end: number } | null;
  /** Label key every new selection gets at once, or null. */
  sticky: string | null;
  /**
   * Short confirmation of the last undo/redo (or a hint), announced
   * politely: a catalog phrase, worded in the interface language when shown.
   */
  notice: Phrase | null;
}

let state: SessionState = {
  selectedSpanId: null,
  pending: null,
  sticky: null,
  notice: null,
};
const listeners = new Set<() => void>();

/** Current session state. */
export function getSession(): SessionState {
  return state;
}

/** Merges `patch` into the session state and notifies readers. */
export function updateSession(patch: Partial<SessionState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The session state, re-rendering on change. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, getSession, getSession);
}

/** What a click on a label does; the reading pane installs it. */
let labelAction: ((key: string) => void) | null = null;

/** Installs (or removes, with null) the handler of label clicks. */
export function setLabelAction(fn: ((key: string) => void) | null): void {
  labelAction = fn;
}

/** Applies a label to the pending selection or the selected span. */
export function applyLabel(key: string): void {
  labelAction?.(key);
}

/** What to select when a document opens (a link to a span from another view). */
let revealOnOpen: { docId: string; patch: Partial<SessionState> } | null = null;

/**
 * Asks the reading pane to select `patch` (a span, or an extent as the
 * pending selection) when it next opens document `docId`, instead of
 * starting with nothing selected.
 */
export function selectOnOpen(docId: string, patch: Partial<SessionState>): void {
  revealOnOpen = { docId, patch };
}

/** The selection a newly opened document starts with (taken once). */
export function takeOpeningSelection(docId: string): Partial<SessionState> {
  const r = revealOnOpen;
  revealOnOpen = null;
  return r && r.docId === docId ? r.patch : {};
}
