/**
 * The reading pane: the article right to left, one text node per paragraph
 * (so Arabic letters stay joined), spans painted with the CSS Custom
 * Highlight API and an underline layer, mouse and keyboard annotation.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import { OffsetMap } from '@core/offsets.ts';
import { paragraphs } from '@core/paragraphs.ts';
import { resizeByToken } from '@core/spans.ts';
import type { Token } from '@core/tokenize.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { addSpan, deleteSpan, markDone, saveFontSize, updateSpan } from './actions.ts';
import { redo, undo } from './editor.ts';
import { HighlightPainter } from './highlights.ts';
import { getSession, setLabelAction, updateSession, useSession } from './session.ts';
import { DomTextMap } from './text-map.ts';
import { useAnnotationKeys } from './useAnnotationKeys.ts';
import { useArticle } from './useArticle.ts';
import { useFontSize } from './useFontSize.ts';
import { usePointer } from './usePointer.ts';
import { useResizeHandles } from './useResizeHandles.ts';
import { useSpans } from './useSpans.ts';
import { ReadingToolbar } from './ReadingToolbar.tsx';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import './reading-pane.css';

export interface ReadingPaneProps {
  self: AnnotatorRecord;
  docId: string | null;
  /** Opens the next (+1) or previous (−1) document of the list's order. */
  onOpenRelative?: (delta: 1 | -1) => void;
}

/** A long quote cut to its first and last words for messages. */
function shorten(quote: string): string {
  const chars = Array.from(quote);
  return chars.length <= 120
    ? quote
    : `${chars.slice(0, 60).join('')} … ${chars.slice(-40).join('')}`;
}

export function ReadingPane({ self, docId, onOpenRelative }: ReadingPaneProps): React.JSX.Element {
  const article = useArticle(docId);
  if (!docId) return <p className="empty">Open an article to start annotating.</p>;
  if (!article || article.doc.id !== docId) return <p className="empty">Loading…</p>;
  return (
    <DocumentView
      key={docId}
      self={self}
      docId={docId}
      title={article.doc.title}
      text={article.doc.text}
      tokens={article.tokens}
      onOpenRelative={onOpenRelative}
    />
  );
}

interface ViewProps {
  self: AnnotatorRecord;
  docId: string;
  title: string;
  text: string;
  /** The text's tokens (db/tokens.ts), for snapping and resizing by words. */
  tokens: () => readonly Token[];
  onOpenRelative: ((delta: 1 | -1) => void) | undefined;
}

function DocumentView(props: ViewProps): React.JSX.Element {
  const { self, docId, title, text, tokens, onOpenRelative } = props;
  const labels = useLabels();
  const spans = useSpans(docId, self.id);
  const fontSize = useFontSize();
  const session = useSession();
  const [sheetOpen, setSheetOpen] = useState(false);

  const map = useMemo(() => new OffsetMap(text), [text]);
  const paras = useMemo(() => paragraphs(text, map), [text, map]);
  const textRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const startHandle = useRef<HTMLDivElement>(null);
  const endHandle = useRef<HTMLDivElement>(null);
  const [domMap, setDomMap] = useState<DomTextMap | null>(null);
  const [painter] = useState(() => new HighlightPainter());
  const [layoutTick, setLayoutTick] = useState(0);

  // A new document starts with nothing selected.
  useEffect(() => {
    updateSession({ selectedSpanId: null, pending: null, notice: null });
  }, [docId]);
  useEffect(() => () => painter.dispose(), [painter]);

  useLayoutEffect(() => {
    const el = textRef.current;
    if (!el) return;
    const nodes = [...el.children].map((p) => p.firstChild as Text);
    setDomMap(new DomTextMap(map, paras, nodes));
  }, [map, paras]);

  useEffect(() => {
    const el = textRef.current;
    if (!el) return;
    // Underlines follow the text when it reflows or the Arabic font arrives.
    const relayout = (): void => setLayoutTick((t) => t + 1);
    const ro = new ResizeObserver(relayout);
    ro.observe(el);
    document.fonts.addEventListener('loadingdone', relayout);
    return () => {
      ro.disconnect();
      document.fonts.removeEventListener('loadingdone', relayout);
    };
  }, []);

  useLayoutEffect(() => painter.setLabels(labels), [painter, labels]);
  useLayoutEffect(() => {
    if (domMap) painter.paintSpans(domMap, spans);
  }, [painter, domMap, spans, labels]);
  // Underlines are drawn for what is in view (plus a screen either side),
  // again after every scroll, reflow or change of spans.
  useLayoutEffect(() => {
    const layer = layerRef.current;
    const scroller = textRef.current?.closest('.reading-pane');
    if (!domMap || !layer || !scroller) return;
    let frame = 0;
    const draw = (): void => {
      const view = scroller.getBoundingClientRect();
      const { start, end } = domMap.visibleExtent(
        view.top - view.height,
        view.bottom + view.height,
      );
      painter.drawUnderlines(domMap, layer, start, end);
    };
    draw();
    const onScroll = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(draw);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [painter, domMap, spans, labels, fontSize, layoutTick]);
  const selected = spans.find((s) => s.id === session.selectedSpanId) ?? null;
  useLayoutEffect(() => {
    if (domMap) painter.paintSelection(domMap, selected, session.pending);
  }, [painter, domMap, selected, session.pending, labels]);

  // Bring the selected span into view (selected from the list or by keys).
  useEffect(() => {
    const s = spans.find((x) => x.id === session.selectedSpanId);
    const scroller = textRef.current?.closest('.reading-pane');
    const r = s && domMap?.rangeFor(s.start, s.end);
    if (!r || !scroller) return;
    const box = r.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    if (box.top < view.top || box.bottom > view.bottom)
      scroller.scrollBy({ top: box.top - view.top - view.height / 3 });
  }, [session.selectedSpanId, spans, domMap]);

  // Paint first, store, and take the paint back if the write fails (the
  // editor reports the failure; the span list only ever shows stored spans).
  const create = (label: string, start: number, end: number): void => {
    const rollback = domMap ? painter.paintProvisional(domMap, label, start, end) : () => {};
    void addSpan(map, docId, self.id, label, start, end).then((span) => {
      if (!span) rollback();
    });
  };
  const ctx = { map, tokens, domMap, spans, labels, create };
  usePointer(textRef, tipRef, ctx);
  useResizeHandles(
    startHandle,
    endHandle,
    { domMap, map, tokens, selected },
    `${fontSize}:${layoutTick}`,
  );

  const applyLabel = (key: string): void => {
    const { pending, selectedSpanId } = getSession();
    if (pending) create(key, pending.start, pending.end);
    else if (selectedSpanId) void updateSpan(selectedSpanId, { label: key }, `relabel as ${key}`);
    else updateSession({ notice: 'Select some text first, then choose a label.' });
  };
  const applyLabelRef = useRef(applyLabel);
  useEffect(() => {
    applyLabelRef.current = applyLabel;
  });
  useEffect(() => {
    setLabelAction((k) => applyLabelRef.current(k));
    return () => setLabelAction(null);
  }, []);

  const byHotkey = (h: number): string | undefined => labels.find((l) => l.hotkey === h)?.key;
  const changeFont = (delta: 1 | -1): void => void saveFontSize(fontSize + delta * 2);
  const doneAndNext = async (): Promise<void> => {
    if (await markDone(docId, self.id)) onOpenRelative?.(1);
  };

  useAnnotationKeys({
    label: (h) => {
      const key = byHotkey(h);
      if (key) applyLabel(key);
    },
    toggleSticky: (h) => {
      const key = byHotkey(h);
      if (key) updateSession({ sticky: getSession().sticky === key ? null : key });
    },
    undo: () => void undo(docId, self.id),
    redo: () => void redo(docId, self.id),
    escape: () => {
      window.getSelection()?.removeAllRanges();
      updateSession({ pending: null, selectedSpanId: null });
    },
    nextSpan: (delta) => {
      if (spans.length === 0) return;
      const i = spans.findIndex((s) => s.id === session.selectedSpanId);
      const next =
        i < 0 ? (delta > 0 ? 0 : spans.length - 1) : (i + delta + spans.length) % spans.length;
      updateSession({ selectedSpanId: spans[next]!.id, pending: null });
    },
    openDoc: (delta) => onOpenRelative?.(delta),
    doneAndNext: () => void doneAndNext(),
    deleteSpan: () => {
      if (selected) void deleteSpan(selected.id);
    },
    resize: (edge, delta) => {
      if (!selected) return;
      const r = resizeByToken(tokens(), selected, edge, delta);
      if (r) void updateSpan(selected.id, r, 'resize span', map);
    },
    fontSize: changeFont,
    shortcuts: () => setSheetOpen(true),
  });

  return (
    <div className="rp">
      <ReadingToolbar
        self={self}
        docId={docId}
        title={title}
        labels={labels}
        fontSize={fontSize}
        onFontSize={changeFont}
        onShortcuts={() => setSheetOpen(true)}
        onDoneAndNext={() => void doneAndNext()}
      />
      <p role="status" aria-label="Selection" className="rp-notice">
        {session.pending
          ? `Selected: “${shorten(map.slice(session.pending.start, session.pending.end))}”. Press a label's hotkey or click a label.`
          : (session.notice ?? '')}
      </p>
      <article className="rp-doc" aria-label="Article text" style={{ fontSize: `${fontSize}px` }}>
        <div className="rp-text" ref={textRef}>
          {paras.map((p) => (
            <p key={p.index} className="rp-para" dir="rtl" lang="ar">
              {p.text}
            </p>
          ))}
        </div>
        <div className="rp-underlines" ref={layerRef} aria-hidden="true" />
        <div className="rp-tip" ref={tipRef} role="tooltip" hidden />
        <div
          className="rp-handle"
          ref={startHandle}
          hidden
          title="Drag to move the start of the span"
          aria-hidden="true"
        />
        <div
          className="rp-handle"
          ref={endHandle}
          hidden
          title="Drag to move the end of the span"
          aria-hidden="true"
        />
      </article>
      {sheetOpen && <ShortcutSheet labels={labels} onClose={() => setSheetOpen(false)} />}
    </div>
  );
}
