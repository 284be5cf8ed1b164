/**
 * The reading pane: the article right to left, one text node per paragraph
 * (so Arabic letters stay joined), spans painted with the CSS Custom
 * Highlight API and an underline layer, mouse and keyboard annotation.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AnnotatorRecord, LabelDef } from '@core/model.ts';
import { OffsetMap } from '@core/offsets.ts';
import { paragraphs } from '@core/paragraphs.ts';
import type { Token } from '@core/tokenize.ts';
import { useLoadedLabels } from '../hooks/useLabels.ts';
import {
  addSpan,
  deleteSpan,
  markDone,
  readLabelSet,
  resizeSpan,
  saveFontSize,
  updateSpan,
} from './actions.ts';
import { redo, undo } from './editor.ts';
import { editName } from './history.ts';
import { HighlightPainter } from './highlights.ts';
import {
  getSession,
  setLabelAction,
  takeOpeningSelection,
  updateSession,
  useSession,
  type SessionState,
} from './session.ts';
import { DomTextMap } from './text-map.ts';
import { useAnnotationKeys } from './useAnnotationKeys.ts';
import { useArticle } from './useArticle.ts';
import { useFontSize } from './useFontSize.ts';
import { usePointer } from './usePointer.ts';
import { useResizeHandles } from './useResizeHandles.ts';
import { useRevealSelection } from './useRevealSelection.ts';
import { useSpans } from './useSpans.ts';
import { ReadingToolbar } from './ReadingToolbar.tsx';
import { offerOccurrences } from '../suggest/service.ts';
import { useSuggestionLayer } from '../suggest/useSuggestionLayer.ts';
import { T, useT } from '../i18n/T.tsx';
import { useUiLocale } from '../i18n/I18nProvider.tsx';
import { noticeWords } from './notice-words.ts';
import { phrase } from '../failures.ts';
import './reading-pane.css';
import { Lazy, lazyPart } from '../components/Lazy.tsx';

// Loaded on demand, the first time it opens (docs/architecture.md, What loads when).
const ShortcutSheet = lazyPart(
  () => import('./ShortcutSheet.tsx'),
  (m) => m.ShortcutSheet,
);

export interface ReadingPaneProps {
  self: AnnotatorRecord;
  docId: string | null;
  /** Opens the next (+1) or previous (−1) document of the list's order. */
  onOpenRelative?: (delta: 1 | -1) => void;
  /** Focus mode is on (the side panels are hidden). */
  focus?: boolean;
  /** Turns focus mode on or off (the F key, the toolbar's button). */
  onToggleFocus?: () => void;
}

/** A long quote cut to its first and last words for messages. */
function shorten(quote: string): string {
  const chars = Array.from(quote);
  return chars.length <= 120
    ? quote
    : `${chars.slice(0, 60).join('')} … ${chars.slice(-40).join('')}`;
}

const NO_LABELS: LabelDef[] = [];

export function ReadingPane({
  self,
  docId,
  onOpenRelative,
  focus = false,
  onToggleFocus,
}: ReadingPaneProps): React.JSX.Element {
  const article = useArticle(docId);
  if (!docId)
    return (
      <p className="empty">
        <T id="annotate.openArticle" />
      </p>
    );
  if (!article || article.doc.id !== docId)
    return (
      <p className="empty">
        <T id="annotate.loading" />
      </p>
    );
  return (
    <DocumentView
      key={docId}
      self={self}
      docId={docId}
      title={article.doc.title}
      text={article.doc.text}
      tokens={article.tokens}
      onOpenRelative={onOpenRelative}
      focus={focus}
      onToggleFocus={onToggleFocus}
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
  focus: boolean;
  onToggleFocus: (() => void) | undefined;
}

function DocumentView(props: ViewProps): React.JSX.Element {
  const { self, docId, title, text, tokens, onOpenRelative, onToggleFocus } = props;
  const t = useT();
  const { lang } = useUiLocale();
  const loadedLabels = useLoadedLabels();
  const labels = loadedLabels ?? NO_LABELS;
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

  // A new document starts with nothing selected (or what a link asked for).
  useEffect(() => {
    updateSession({
      selectedSpanId: null,
      pending: null,
      notice: null,
      ...takeOpeningSelection(docId),
    });
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

  const markInView = useRevealSelection(textRef, domMap, spans, session.selectedSpanId);

  // Paint first, store, and take the paint back if the write fails (the
  // editor reports the failure; the span list only ever shows stored spans).
  const create = (label: string, start: number, end: number): void => {
    const rollback = domMap ? painter.paintProvisional(domMap, label, start, end) : () => {};
    const { span, stored } = addSpan(map, docId, self.id, label, start, end);
    markInView(span.id);
    void stored.then((ok) => {
      if (!ok) rollback();
      // A phrase just labelled: offer its other occurrences ("label all").
      else void offerOccurrences(span);
    });
  };
  // An accepted suggestion becomes a span like any other, left unselected
  // so that Backspace goes on rejecting suggestions.
  const suggestion = useSuggestionLayer(docId, domMap, painter, labels, (label, start, end) => {
    create(label, start, end);
    updateSession({ selectedSpanId: null });
  });
  /**
   * Runs `fn` with the label set: at once when it is loaded, else as soon
   * as it is read, so a key pressed while the pane is still loading its
   * labels is applied, not dropped.
   */
  const withLabels = (fn: (labels: readonly LabelDef[]) => void): void => {
    if (loadedLabels) fn(loadedLabels);
    else void readLabelSet().then(fn);
  };
  // A drag: the pending selection, or at once a span in sticky mode.
  const select = (start: number, end: number): void => {
    const sticky = getSession().sticky;
    if (!sticky) {
      updateSession({ pending: { start, end }, selectedSpanId: null });
      return;
    }
    withLabels((all) => {
      if (all.some((l) => l.key === sticky)) create(sticky, start, end);
      else updateSession({ pending: { start, end }, selectedSpanId: null });
    });
  };
  usePointer(textRef, tipRef, { map, tokens, domMap, spans, labels, select });
  useResizeHandles(
    startHandle,
    endHandle,
    { domMap, map, tokens, selected },
    `${fontSize}:${layoutTick}`,
  );

  /** Labels what `target` (the session when the label was chosen) had selected. */
  const applyLabel = (key: string, target: SessionState = getSession()): void => {
    const { pending, selectedSpanId } = target;
    if (pending) create(key, pending.start, pending.end);
    else if (selectedSpanId)
      void updateSpan(selectedSpanId, { label: key }, editName('edit.relabelAs', { label: key }));
    else updateSession({ notice: phrase('annotate.selectFirst') });
  };
  const applyLabelRef = useRef(applyLabel);
  useLayoutEffect(() => {
    applyLabelRef.current = applyLabel;
  });
  useEffect(() => {
    setLabelAction((k) => applyLabelRef.current(k));
    return () => setLabelAction(null);
  }, []);

  const byHotkey = (all: readonly LabelDef[], h: number): string | undefined =>
    all.find((l) => l.hotkey === h)?.key;
  const changeFont = (delta: 1 | -1): void => void saveFontSize(fontSize + delta * 2);
  const doneAndNext = async (): Promise<void> => {
    if (await markDone(docId, self.id)) onOpenRelative?.(1);
  };

  useAnnotationKeys({
    label: (h) => {
      // What the key labels is fixed when it is pressed.
      const target = getSession();
      withLabels((all) => {
        const key = byHotkey(all, h);
        if (key) applyLabel(key, target);
      });
    },
    toggleSticky: (h) => {
      withLabels((all) => {
        const key = byHotkey(all, h);
        if (key) updateSession({ sticky: getSession().sticky === key ? null : key });
      });
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
    // By the session's selection, which may be a span still being stored;
    // with no span selected, Backspace rejects the current suggestion.
    deleteSpan: () => {
      const id = getSession().selectedSpanId;
      if (id) void deleteSpan(id);
      else suggestion.reject();
    },
    acceptSuggestion: suggestion.accept,
    stepSuggestion: suggestion.step,
    resize: (edge, delta) => {
      const id = getSession().selectedSpanId;
      if (id) void resizeSpan(id, edge, delta, tokens(), map);
    },
    fontSize: changeFont,
    shortcuts: () => setSheetOpen(true),
    focusMode: () => onToggleFocus?.(),
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
        focus={props.focus}
        onToggleFocus={onToggleFocus}
      />
      <p role="status" aria-label={t('annotate.selection')} className="rp-notice">
        {session.pending ? (
          <T
            id="annotate.selected"
            values={{
              quote: (
                <bdi lang="ar" dir="rtl">
                  {shorten(map.slice(session.pending.start, session.pending.end))}
                </bdi>
              ),
            }}
          />
        ) : (
          session.notice && noticeWords(t, session.notice, labels, lang)
        )}
      </p>
      <article
        className="rp-doc"
        aria-label={t('annotate.articleText')}
        style={{ fontSize: `${fontSize}px` }}
      >
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
          title={t('annotate.dragStart')}
          aria-hidden="true"
        />
        <div
          className="rp-handle"
          ref={endHandle}
          hidden
          title={t('annotate.dragEnd')}
          aria-hidden="true"
        />
      </article>
      <Lazy kind="dialog">
        {sheetOpen && <ShortcutSheet labels={labels} onClose={() => setSheetOpen(false)} />}
      </Lazy>
    </div>
  );
}
