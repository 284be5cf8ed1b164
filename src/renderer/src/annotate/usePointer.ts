/**
 * Mouse handling of the reading pane: a drag (either direction, across
 * lines and scripts) becomes a snapped selection; a click selects the
 * innermost span under the pointer (clicking again cycles through
 * overlapping ones); hovering shows how many spans cover the point.
 *
 * No drag is ever lost. The listeners sit on the document and test at each
 * event whether it happened inside the pane's text element as it is then
 * (not the element present when the pane mounted), and they are attached
 * while the pane commits, before any event can reach it. A mouse-up that
 * arrives before the pane has mapped its text is kept and handled as soon
 * as the map exists.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { LabelDef, SpanRecord } from '@core/model.ts';
import type { OffsetMap } from '@core/offsets.ts';
import { snapSelection } from '@core/snap.ts';
import { spansCovering } from '@core/spans.ts';
import type { Token } from '@core/tokenize.ts';
import { getSession, updateSession } from './session.ts';
import { caretAt, type DomTextMap } from './text-map.ts';

export interface PointerContext {
  map: OffsetMap;
  /** The document's tokens (db/tokens.ts), unpacked on the first call. */
  tokens: () => readonly Token[];
  domMap: DomTextMap | null;
  spans: readonly SpanRecord[];
  labels: readonly LabelDef[];
  /** A drag snapped to [start, end): makes it the pending selection, or a span in sticky mode. */
  select: (start: number, end: number) => void;
}

/** What a mouse-up left behind, kept until the text map can read it. */
type Release =
  | {
      kind: 'drag';
      /** The selection's boundary points when the button went up. */
      range: StaticRange;
      altKey: boolean;
    }
  | { kind: 'click'; at: { node: Node; offset: number } | null };

/** Turns a release into a selection or a span click, with `c.domMap` set. */
function handleRelease(c: PointerContext, domMap: DomTextMap, r: Release): void {
  if (r.kind === 'drag') {
    const { startContainer, startOffset, endContainer, endOffset } = r.range;
    const s = domMap.pointToCp(startContainer, startOffset, 'start');
    const t = domMap.pointToCp(endContainer, endOffset, 'end');
    const snapped = snapSelection(c.map, c.tokens(), s, t, r.altKey ? 'grapheme' : 'token');
    if (snapped) c.select(snapped.start, snapped.end);
    return;
  }
  const hit = r.at ? spansCovering(c.spans, domMap.pointToCp(r.at.node, r.at.offset, 'start')) : [];
  if (hit.length === 0) {
    updateSession({ selectedSpanId: null, pending: null });
    return;
  }
  const current = hit.findIndex((h) => h.id === getSession().selectedSpanId);
  updateSession({ selectedSpanId: hit[(current + 1) % hit.length]!.id, pending: null });
}

/** Wires mouse selection, span clicks and hover counts on the element in `textRef`. */
export function usePointer(
  textRef: RefObject<HTMLElement | null>,
  tipRef: RefObject<HTMLElement | null>,
  ctx: PointerContext,
): void {
  const ctxRef = useRef(ctx);
  const queued = useRef<Release | null>(null);
  // Synced while the pane commits (not after paint), so an event never
  // meets the context of an earlier render.
  useLayoutEffect(() => {
    ctxRef.current = ctx;
    const release = queued.current;
    if (release && ctx.domMap) {
      queued.current = null;
      handleRelease(ctx, ctx.domMap, release);
    }
  });

  useLayoutEffect(() => {
    let dragging = false;
    let hoverFrame = 0;
    const inText = (target: EventTarget | null): boolean =>
      target instanceof Node && (textRef.current?.contains(target) ?? false);

    const onDown = (e: MouseEvent): void => {
      dragging = e.button === 0 && inText(e.target);
    };
    const onUp = (e: MouseEvent): void => {
      if (!dragging) return;
      dragging = false;
      const sel = window.getSelection();
      let release: Release;
      if (sel && !sel.isCollapsed && sel.rangeCount > 0) {
        release = { kind: 'drag', range: new StaticRange(sel.getRangeAt(0)), altKey: e.altKey };
        sel.removeAllRanges();
      } else {
        release = { kind: 'click', at: caretAt(e.clientX, e.clientY) };
      }
      const c = ctxRef.current;
      if (c.domMap) handleRelease(c, c.domMap, release);
      else queued.current = release;
    };
    const hideTip = (): void => {
      cancelAnimationFrame(hoverFrame);
      if (tipRef.current && !tipRef.current.hidden) tipRef.current.hidden = true;
    };
    const onMove = (e: MouseEvent): void => {
      if (!inText(e.target)) {
        hideTip();
        return;
      }
      cancelAnimationFrame(hoverFrame);
      hoverFrame = requestAnimationFrame(() => {
        const c = ctxRef.current;
        const tip = tipRef.current;
        const el = textRef.current;
        if (!tip || !el || !c.domMap) return;
        const at = caretAt(e.clientX, e.clientY);
        const hit = at
          ? spansCovering(c.spans, c.domMap.pointToCp(at.node, at.offset, 'start'))
          : [];
        if (hit.length === 0) {
          tip.hidden = true;
          return;
        }
        const names = hit.map((h) => c.labels.find((l) => l.key === h.label)?.name ?? h.label);
        tip.textContent = `${hit.length} ${hit.length === 1 ? 'span' : 'spans'}: ${names.join(', ')}`;
        const box = (tip.offsetParent ?? el).getBoundingClientRect();
        tip.style.left = `${e.clientX - box.left + 12}px`;
        tip.style.top = `${e.clientY - box.top + 18}px`;
        tip.hidden = false;
      });
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('mouseup', onUp);
    document.addEventListener('mousemove', onMove);
    return () => {
      cancelAnimationFrame(hoverFrame);
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('mouseup', onUp);
      document.removeEventListener('mousemove', onMove);
    };
  }, [textRef, tipRef]);
}
