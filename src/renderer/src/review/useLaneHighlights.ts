/**
 * Paints the review lanes with the CSS Custom Highlight API: no element is
 * ever wrapped around part of an Arabic word, so shaping and selection stay
 * intact. Each annotator's lanes (one text node per passage) are mapped to
 * code points by the reading pane's own DomTextMap, built over the passages
 * as its paragraphs, so review and annotation share one DOM ↔ offset map.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { OffsetMap } from '@core/offsets.ts';
import type { Paragraph } from '@core/paragraphs.ts';
import { DomTextMap } from '../annotate/text-map.ts';
import type { Block } from './blocks.ts';

/** Number of label colour slots (`::highlight(rv-l0)` … in review.css). */
export const LABEL_SLOTS = 12;

/** The passages as DomTextMap paragraphs (code-point and UTF-16 extents). */
export function blockParagraphs(
  text: string,
  map: OffsetMap,
  blocks: readonly Block[],
): Paragraph[] {
  return blocks.map((b, index) => {
    const u16Start = map.toUtf16(b.start);
    const u16End = map.toUtf16(b.end);
    return {
      index,
      start: b.start,
      end: b.end,
      u16Start,
      u16End,
      text: text.slice(u16Start, u16End),
    };
  });
}

/**
 * The DomTextMap of one annotator's lanes under `root`: lanes carry
 * `data-annotator` and `data-block` (the index into `paras`).
 */
export function laneTextMap(
  root: HTMLElement,
  annotatorId: string,
  map: OffsetMap,
  paras: readonly Paragraph[],
): DomTextMap | null {
  const lanes = [...root.querySelectorAll<HTMLElement>('[data-lane]')].filter(
    (l) => l.dataset.annotator === annotatorId,
  );
  const used: Paragraph[] = [];
  const nodes: Text[] = [];
  for (const lane of lanes) {
    const p = paras[Number(lane.dataset.block)];
    const node = lane.firstChild;
    if (!p || !node || node.nodeType !== Node.TEXT_NODE) continue;
    used.push(p);
    nodes.push(node as Text);
  }
  return nodes.length === 0 ? null : new DomTextMap(map, used, nodes);
}

export interface LaneHighlightInput {
  text: string;
  paras: readonly Paragraph[];
  /** annotatorId → spans to paint in that annotator's lanes. */
  spans: ReadonlyMap<string, readonly { start: number; end: number; label: string }[]>;
  slotOf: (label: string) => number;
  /** Extents marked as disagreements, in every lane. */
  disagreements: readonly { start: number; end: number }[];
  /** An extent to emphasise (the span being adjudicated), or null. */
  focus: { start: number; end: number } | null;
  /** The lanes shown (their annotator ids): the lanes' text nodes change with them. */
  lanes: string;
}

const NAMES = [
  ...Array.from({ length: LABEL_SLOTS }, (_, i) => `rv-l${i}`),
  'rv-disagree',
  'rv-focus',
];

/**
 * Registers the lanes' highlights for as long as the component is mounted,
 * and paints them again only when what they show changes (not on every
 * render: an adjudication click repaints one row, never every lane).
 */
export function useLaneHighlights(
  container: RefObject<HTMLElement | null>,
  input: LaneHighlightInput,
): void {
  const { text, paras, spans, slotOf, disagreements, focus, lanes } = input;
  useLayoutEffect(() => {
    const root = container.current;
    if (!root || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const map = new OffsetMap(text);
    const ranges = new Map<string, Range[]>(NAMES.map((n) => [n, []]));
    const annotators = new Set(
      [...root.querySelectorAll<HTMLElement>('[data-lane]')].map((l) => l.dataset.annotator ?? ''),
    );
    for (const annotatorId of annotators) {
      const tm = laneTextMap(root, annotatorId, map, paras);
      if (!tm) continue;
      const add = (name: string, start: number, end: number): void => {
        for (const r of tm.paragraphRanges(start, end)) ranges.get(name)!.push(r);
      };
      for (const s of spans.get(annotatorId) ?? [])
        add(`rv-l${slotOf(s.label) % LABEL_SLOTS}`, s.start, s.end);
      for (const d of disagreements) add('rv-disagree', d.start, d.end);
      if (focus) add('rv-focus', focus.start, focus.end);
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
  }, [container, text, paras, spans, slotOf, disagreements, focus, lanes]);
}
