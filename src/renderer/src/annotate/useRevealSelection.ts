/**
 * Scrolls the reading pane to a span selected from the span list or by
 * keys, once per selection, as soon as the span is stored. It never scrolls
 * again when the spans change later, and never for a span made in the pane
 * (the analyst is looking at it): a write that finishes after the analyst
 * has scrolled on must not pull the text back from under the pointer.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { SpanRecord } from '@core/model.ts';
import type { DomTextMap } from './text-map.ts';

/**
 * Reveals the span `selectedId` inside the `.reading-pane` scroller around
 * `textRef`. Returns a function that marks a span as already in view (call
 * it for a span made in the pane).
 */
export function useRevealSelection(
  textRef: RefObject<HTMLElement | null>,
  domMap: DomTextMap | null,
  spans: readonly SpanRecord[],
  selectedId: string | null,
): (id: string) => void {
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (selectedId === revealed.current) return;
    if (selectedId === null) {
      revealed.current = null;
      return;
    }
    const s = spans.find((x) => x.id === selectedId);
    const scroller = textRef.current?.closest('.reading-pane');
    // Not stored yet (or not mapped yet): revealed when it is.
    if (!s || !domMap || !scroller) return;
    revealed.current = selectedId;
    const r = domMap.rangeFor(s.start, s.end);
    if (!r) return;
    const box = r.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    if (box.top < view.top || box.bottom > view.bottom)
      scroller.scrollBy({ top: box.top - view.top - view.height / 3 });
  }, [textRef, domMap, spans, selectedId]);
  return (id) => {
    revealed.current = id;
  };
}
