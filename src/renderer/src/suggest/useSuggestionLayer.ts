/**
 * The reading pane's side of the suggestion layer: paints the open
 * document's suggestions (dashed, apart from the analyst's spans), scrolls
 * to the sentence "next most uncertain" found, and gives the pane's keys
 * their suggestion actions: Enter accepts the current suggestion (it
 * becomes the analyst's span through the pane's own create, so undo works),
 * Backspace rejects it (for good: rejections are stored), j / k move
 * between suggestions.
 */
import { useLayoutEffect } from 'react';
import type { Suggestion } from '@core/suggest/types.ts';
import type { HighlightPainter } from '../annotate/highlights.ts';
import type { DomTextMap } from '../annotate/text-map.ts';
import { phrase } from '../failures.ts';
import { rejectStored, tally } from './actions.ts';
import { forget, step, suggestSelf } from './service.ts';
import { currentSuggestion, getSuggestState, useSuggestState } from './store.ts';

/** What the pane's keys do with suggestions. */
export interface SuggestionKeys {
  /** Accepts the current suggestion; false when there is none. */
  accept: () => boolean;
  /** Rejects the current suggestion; false when there is none. */
  reject: () => boolean;
  step: (delta: 1 | -1) => void;
}

/** Paints the layer while mounted and returns its key actions. */
export function useSuggestionLayer(
  docId: string,
  domMap: DomTextMap | null,
  painter: HighlightPainter,
  labelsKey: unknown,
  create: (label: string, start: number, end: number) => void,
): SuggestionKeys {
  const st = useSuggestState();
  const shown = st.docId === docId && !st.hidden ? st.suggestions : NONE;
  const current = shown[st.current] ?? null;
  useLayoutEffect(() => {
    if (domMap) painter.paintSuggestions(domMap, shown, current);
  }, [painter, domMap, shown, current, labelsKey]);
  // Keep the current suggestion in view as it moves (j / k, accept, reject)…
  useLayoutEffect(() => {
    if (domMap && current) scrollTo(domMap, current.start, 'nearest');
  }, [domMap, current]);
  // …and show the sentence "next most uncertain sentence" found.
  const reveal = st.reveal?.docId === docId ? st.reveal : null;
  useLayoutEffect(() => {
    if (domMap && reveal) scrollTo(domMap, reveal.start, 'center');
  }, [domMap, reveal]);

  const mine = (): Suggestion | null => {
    const s = currentSuggestion(getSuggestState());
    return s && s.docId === docId ? s : null;
  };
  const keys: SuggestionKeys = {
    accept: () => {
      const s = mine();
      if (!s) return false;
      forget(s);
      create(s.label, s.start, s.end);
      void tally(s.label, 1, 0);
      return true;
    },
    reject: () => {
      const s = mine();
      if (!s) return false;
      forget(s);
      // Stored, so it stays rejected after a reload; counted once, there.
      void rejectStored(suggestSelf(), s, phrase('suggest.rememberReject'));
      return true;
    },
    step,
  };
  useLayoutEffect(() => {
    active = keys;
    return () => {
      if (active === keys) active = null;
    };
  });
  return keys;
}

/** The open reading pane's suggestion actions, for the panel's buttons. */
let active: SuggestionKeys | null = null;

/** Accepts the current suggestion in the open reading pane. */
export function acceptCurrent(): boolean {
  return active?.accept() ?? false;
}

/** Rejects the current suggestion in the open reading pane. */
export function rejectCurrent(): boolean {
  return active?.reject() ?? false;
}

const NONE: Suggestion[] = [];

/** Scrolls the paragraph holding code point `at` into view. */
function scrollTo(map: DomTextMap, at: number, block: ScrollLogicalPosition): void {
  map.rangeFor(at, at + 1)?.startContainer.parentElement?.scrollIntoView({ block });
}
