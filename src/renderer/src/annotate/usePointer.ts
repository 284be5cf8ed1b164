/**
 * Mouse handling of the reading pane: a drag (either direction, across
 * lines and scripts) becomes a snapped pending selection, or a span at once
 * in sticky mode; a click selects the innermost span under the pointer
 * (clicking again cycles through overlapping ones); hovering shows how many
 * spans cover the point.
 */
import { useEffect, useRef, type RefObject } from 'react';
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
  /** Stores a span over [start, end) with `label` (and paints it). */
  create: (label: string, start: number, end: number) => void;
}

/** Wires mouse selection, span clicks and hover counts on `textRef`. */
export function usePointer(
  textRef: RefObject<HTMLElement | null>,
  tipRef: RefObject<HTMLElement | null>,
  ctx: PointerContext,
): void {
  const ctxRef = useRef(ctx);
  useEffect(() => {
    ctxRef.current = ctx;
  });

  useEffect(() => {
    const el = textRef.current;
    if (!el) return;
    let dragging = false;
    let hoverFrame = 0;

    const onDown = (e: MouseEvent): void => {
      if (e.button === 0) dragging = true;
    };
    const onUp = (e: MouseEvent): void => {
      if (!dragging) return;
      dragging = false;
      const c = ctxRef.current;
      if (!c.domMap) return;
      const sel = window.getSelection();
      if (sel && !sel.isCollapsed && sel.rangeCount > 0) {
        const r = sel.getRangeAt(0);
        const s = c.domMap.pointToCp(r.startContainer, r.startOffset, 'start');
        const t = c.domMap.pointToCp(r.endContainer, r.endOffset, 'end');
        const snapped = snapSelection(c.map, c.tokens(), s, t, e.altKey ? 'grapheme' : 'token');
        sel.removeAllRanges();
        if (!snapped) return;
        const sticky = getSession().sticky;
        if (sticky && c.labels.some((l) => l.key === sticky)) {
          c.create(sticky, snapped.start, snapped.end);
        } else {
          updateSession({ pending: snapped, selectedSpanId: null });
        }
        return;
      }
      const at = caretAt(e.clientX, e.clientY);
      const hit = at ? spansCovering(c.spans, c.domMap.pointToCp(at.node, at.offset, 'start')) : [];
      if (hit.length === 0) {
        updateSession({ selectedSpanId: null, pending: null });
        return;
      }
      const current = hit.findIndex((h) => h.id === getSession().selectedSpanId);
      updateSession({ selectedSpanId: hit[(current + 1) % hit.length]!.id, pending: null });
    };
    const onMove = (e: MouseEvent): void => {
      cancelAnimationFrame(hoverFrame);
      hoverFrame = requestAnimationFrame(() => {
        const c = ctxRef.current;
        const tip = tipRef.current;
        if (!tip || !c.domMap) return;
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
    const onLeave = (): void => {
      cancelAnimationFrame(hoverFrame);
      if (tipRef.current) tipRef.current.hidden = true;
    };
    el.addEventListener('mousedown', onDown);
    el.addEventListener('mousemove', onMove);
    el.addEventListener('mouseleave', onLeave);
    document.addEventListener('mouseup', onUp);
    return () => {
      cancelAnimationFrame(hoverFrame);
      el.removeEventListener('mousedown', onDown);
      el.removeEventListener('mousemove', onMove);
      el.removeEventListener('mouseleave', onLeave);
      document.removeEventListener('mouseup', onUp);
    };
  }, [textRef, tipRef]);
}
