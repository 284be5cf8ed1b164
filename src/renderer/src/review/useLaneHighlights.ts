/**
 * Paints the review lanes with the CSS Custom Highlight API: no element is
 * ever wrapped around part of an Arabic word, so shaping and selection stay
 * intact. Ranges are rebuilt from code-point anchors through OffsetMap on
 * every change. Each lane element carries `data-annotator`, `data-start` and
 * `data-end` (its block's code-point extent) and holds one text node.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { OffsetMap } from '@core/offsets.ts';

/** Number of label colour slots (`::highlight(rv-l0)` … in review.css). */
export const LABEL_SLOTS = 12;

export interface LaneHighlightInput {
  text: string;
  /** annotatorId → spans to paint in that annotator's lanes. */
  spans: ReadonlyMap<string, readonly { start: number; end: number; label: string }[]>;
  slotOf: (label: string) => number;
  /** Extents marked as disagreements, in every lane. */
  disagreements: readonly { start: number; end: number }[];
  /** An extent to emphasise (the span being adjudicated), or null. */
  focus: { start: number; end: number } | null;
}

const NAMES = [
  ...Array.from({ length: LABEL_SLOTS }, (_, i) => `rv-l${i}`),
  'rv-disagree',
  'rv-focus',
];

/** Registers the lanes' highlights for as long as the component is mounted. */
export function useLaneHighlights(
  container: RefObject<HTMLElement | null>,
  input: LaneHighlightInput,
): void {
  useLayoutEffect(() => {
    const root = container.current;
    if (!root || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const map = new OffsetMap(input.text);
    const ranges = new Map<string, Range[]>(NAMES.map((n) => [n, []]));
    for (const lane of root.querySelectorAll<HTMLElement>('[data-lane]')) {
      const node = lane.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const bStart = Number(lane.dataset.start);
      const bEnd = Number(lane.dataset.end);
      const base = map.toUtf16(bStart);
      const length = (node as Text).length;
      const add = (name: string, start: number, end: number): void => {
        const s = Math.max(start, bStart);
        const e = Math.min(end, bEnd);
        if (e <= s) return;
        const r = new Range();
        r.setStart(node, Math.min(length, map.toUtf16(s) - base));
        r.setEnd(node, Math.min(length, map.toUtf16(e) - base));
        ranges.get(name)!.push(r);
      };
      for (const s of input.spans.get(lane.dataset.annotator ?? '') ?? [])
        add(`rv-l${input.slotOf(s.label) % LABEL_SLOTS}`, s.start, s.end);
      for (const d of input.disagreements) add('rv-disagree', d.start, d.end);
      if (input.focus) add('rv-focus', input.focus.start, input.focus.end);
    }
    for (const [name, list] of ranges) {
      const h = new Highlight(...list);
      if (name === 'rv-focus') h.priority = 2;
      else if (name === 'rv-disagree') h.priority = 1;
      CSS.highlights.set(name, h);
    }
    return () => {
      for (const name of NAMES) CSS.highlights.delete(name);
    };
  });
}
