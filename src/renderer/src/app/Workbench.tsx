/**
 * The main window layout: document list, reading pane, side panel. In a
 * narrow window (useNarrow) the list and the side panel share one column,
 * shown one at a time through ColumnSwitch.
 */
import { useState } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import { useAutoBackup } from '../datasets/useAutoBackup.ts';
import { useAgreementKeeper } from '../review/useAgreementKeeper.ts';
import { useSampleCorpus } from '../corpus/useSampleCorpus.ts';
import { AppHeader } from './AppHeader.tsx';
import { CleanupView } from '../corpus/CleanupView.tsx';
import { DocumentList } from '../corpus/DocumentList.tsx';
import { ImportControls } from '../corpus/ImportControls.tsx';
import { LabelPanel } from '../labels/LabelPanel.tsx';
import { ReadingPane } from '../annotate/ReadingPane.tsx';
import { ModeTabs, type WorkbenchMode } from '../review/ModeTabs.tsx';
import { GuidelinesPanel } from '../labels/GuidelinesPanel.tsx';
import { SpanPanel } from '../annotate/SpanPanel.tsx';
import { relativeId } from '../annotate/navigation.ts';
import { SuggestionPanel } from '../suggest/SuggestionPanel.tsx';
import { useSuggestService } from '../suggest/useSuggestService.ts';
import { ActorsButton } from '../actors/ActorsButton.tsx';
import { Lazy } from '../components/Lazy.tsx';
import { AnalysisView, preloadMode, ReviewArea, TeamView } from './lazy-views.ts';
import { selectOnOpen } from '../annotate/session.ts';
import { useT } from '../i18n/T.tsx';
import { ColumnSwitch, type Column } from './ColumnSwitch.tsx';
import { useNarrow } from './useNarrow.ts';

export function Workbench({ self }: { self: AnnotatorRecord }): React.JSX.Element {
  const [docId, setDocId] = useState<string | null>(null);
  const [mode, setMode] = useState<WorkbenchMode>('annotate');
  // Focus mode: the side panels are hidden and the reading pane takes the window.
  const [focus, setFocus] = useState(false);
  const t = useT();
  const narrow = useNarrow();
  const [column, setColumn] = useState<Column>('list');
  const hasSide = mode !== 'agreement' && mode !== 'analysis';
  const focused = focus && mode === 'annotate';
  // Narrow: one of the list and the side panel, chosen with the switch.
  const shared = narrow && hasSide && !focused;
  const sideName =
    mode === 'annotate' ? t('workbench.labelsAndSpans') : t('workbench.labelsAndProposals');
  // The list's current sorted and filtered order (next/previous document).
  const [order, setOrder] = useState<string[]>([]);
  useSampleCorpus();
  // Review puts the selected passage's proposals here (a portal).
  const [reviewSide, setReviewSide] = useState<HTMLElement | null>(null);
  useAutoBackup();
  useAgreementKeeper();
  // The suggestion worker follows the corpus, this analyst's spans and the open document.
  useSuggestService(self.id, mode === 'annotate' ? docId : null);
  return (
    <div
      className={`workbench mode-${mode}${focused ? ' focus-mode' : ''}${shared ? ' shared-column' : ''}`}
    >
      <AppHeader self={self} reviewing={mode === 'review' || mode === 'agreement'} />
      {shared && <ColumnSwitch column={column} sideName={sideName} onChange={setColumn} />}
      <nav
        className="doc-list"
        aria-label={t('workbench.documents')}
        hidden={focused || (shared && column !== 'list')}
      >
        <ImportControls self={self} onImported={setDocId} />
        <DocumentList
          self={self}
          selectedId={docId}
          onSelect={setDocId}
          onVisibleOrder={setOrder}
        />
      </nav>
      <main className="reading-pane" aria-label={t('workbench.readingPane')}>
        <div className="pane-bar">
          <ModeTabs mode={mode} onChange={setMode} onIntent={preloadMode} />
          {mode === 'annotate' && <CleanupView docId={docId} onDocIdChange={setDocId} />}
        </div>
        {mode === 'annotate' ? (
          <>
            <ReadingPane
              self={self}
              docId={docId}
              focus={focus}
              onToggleFocus={() => setFocus((f) => !f)}
              onOpenRelative={(delta) => {
                const next = relativeId(order, docId, delta);
                if (next) setDocId(next);
              }}
            />
          </>
        ) : (
          <Lazy kind="view">
            {mode === 'team' ? (
              <TeamView self={self} visibleIds={order} />
            ) : mode === 'analysis' ? (
              <AnalysisView
                self={self}
                onOpenSpan={(span) => {
                  // The analyst's own span is selected; a colleague's is shown as the selection.
                  selectOnOpen(
                    span.docId,
                    span.annotatorId === self.id
                      ? { selectedSpanId: span.id }
                      : { pending: { start: span.start, end: span.end } },
                  );
                  setDocId(span.docId);
                  setMode('annotate');
                }}
              />
            ) : (
              <ReviewArea
                mode={mode}
                self={self}
                docId={docId}
                onOpenReview={(id) => {
                  setDocId(id);
                  setMode('review');
                }}
                side={reviewSide}
              />
            )}
          </Lazy>
        )}
      </main>
      {/* The dashboard and Analysis take the whole width: they name every label themselves. */}
      {hasSide && (
        <aside
          className="side-panel"
          hidden={focused || (shared && column !== 'side')}
          aria-label={sideName}
        >
          {mode === 'annotate' && <ActorsButton docId={docId} />}
          <LabelPanel />
          <GuidelinesPanel />
          {mode === 'annotate' ? (
            <>
              <SuggestionPanel self={self} docId={docId} />
              <SpanPanel self={self} docId={docId} />
            </>
          ) : (
            <div ref={setReviewSide} className="review-side" />
          )}
        </aside>
      )}
    </div>
  );
}
