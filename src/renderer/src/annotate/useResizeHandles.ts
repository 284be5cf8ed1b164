/**
 * Drag handles on the selected span: one at its start, one at its end.
 * Dragging a handle moves that edge to the word under the pointer (or the
 * letter, with Alt); the span never becomes empty or turns inside out.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { SpanRecord } from '@core/model.ts';
import type { OffsetMap } from '@core/offsets.ts';
import { snapSelection } from '@core/snap.ts';
import type { Token } from '@core/tokenize.ts';
import { updateSpan } from './actions.ts';
import { editName } from './history.ts';
import { caretAt, type DomTextMap } from './text-map.ts';

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

/** The x of the caret before (edge 'start') or after ('end') a code point. */
function edgeBox(
  map: DomTextMap,
  cpMap: OffsetMap,
  at: number,
  edge: 'start' | 'end',
): { x: number; top: number; bottom: number } | null {
  const from = edge === 'start' ? at : at - 1;
  const range = map.rangeFor(from, from + 1);
  if (!range) return null;
  const b = range.getBoundingClientRect();
  const rtl = RTL_CHAR.test(cpMap.slice(from, from + 1));
  const x = (edge === 'start') === rtl ? b.right : b.left;
  return { x, top: b.top, bottom: b.bottom };
}

export interface HandleContext {
  domMap: DomTextMap | null;
  map: OffsetMap;
  tokens: () => readonly Token[];
  selected: SpanRecord | null;
}

/** Positions the two handles and wires their drags. */
export function useResizeHandles(
  startRef: RefObject<HTMLElement | null>,
  endRef: RefObject<HTMLElement | null>,
  ctx: HandleContext,
  layoutKey: unknown,
): void {
  const ctxRef = useRef(ctx);
  useLayoutEffect(() => {
    ctxRef.current = ctx;
  });
  const { domMap, map, selected } = ctx;

  useLayoutEffect(() => {
    const place = (el: HTMLElement | null, edge: 'start' | 'end'): void => {
      if (!el) return;
      const box =
        domMap && selected
          ? edgeBox(domMap, map, edge === 'start' ? selected.start : selected.end, edge)
          : null;
      const origin = el.parentElement?.getBoundingClientRect();
      if (!box || !origin) {
        el.hidden = true;
        return;
      }
      el.hidden = false;
      el.style.left = `${box.x - origin.left - 2.5}px`;
      el.style.top = `${box.top - origin.top}px`;
      el.style.height = `${box.bottom - box.top}px`;
    };
    place(startRef.current, 'start');
    place(endRef.current, 'end');
  }, [domMap, map, selected, startRef, endRef, layoutKey]);

  useEffect(() => {
    const wire = (el: HTMLElement | null, edge: 'start' | 'end'): (() => void) => {
      if (!el) return () => undefined;
      const onDown = (down: MouseEvent): void => {
        if (down.button !== 0) return;
        down.preventDefault();
        const onUp = (up: MouseEvent): void => {
          document.removeEventListener('mouseup', onUp);
          const c = ctxRef.current;
          const at = caretAt(up.clientX, up.clientY);
          if (!c.domMap || !c.selected || !at) return;
          const s = c.selected;
          const cp = c.domMap.pointToCp(at.node, at.offset, edge);
          const mode = up.altKey ? 'grapheme' : 'token';
          // Snap the edge by snapping a one-character probe at the pointer.
          const probe = snapSelection(
            c.map,
            c.tokens(),
            Math.max(0, cp - (edge === 'end' ? 1 : 0)),
            cp + (edge === 'start' ? 1 : 0),
            mode,
          );
          if (!probe) return;
          const next =
            edge === 'start'
              ? { start: probe.start, end: s.end }
              : { start: s.start, end: probe.end };
          if (next.start >= next.end || (next.start === s.start && next.end === s.end)) return;
          void updateSpan(s.id, next, editName('edit.resizeSpan'), c.map);
        };
        document.addEventListener('mouseup', onUp);
      };
      el.addEventListener('mousedown', onDown);
      return () => el.removeEventListener('mousedown', onDown);
    };
    const a = wire(startRef.current, 'start');
    const b = wire(endRef.current, 'end');
    return () => {
      a();
      b();
    };
  }, [startRef, endRef]);
}
