/** The main window layout: document list, reading pane, side panel. */
import { useState } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import { useSampleCorpus } from '../hooks/useSampleCorpus.ts';
import { AppHeader } from './AppHeader.tsx';
import { CleanupView } from './CleanupView.tsx';
import { DocumentList } from './DocumentList.tsx';
import { ImportControls } from './ImportControls.tsx';
import { LabelPanel } from './LabelPanel.tsx';
import { ReadingPane } from './ReadingPane.tsx';
import { GuidelinesPanel } from './GuidelinesPanel.tsx';
import { SpanPanel } from './SpanPanel.tsx';
import { relativeId } from '../annotate/navigation.ts';

export function Workbench({ self }: { self: AnnotatorRecord }): React.JSX.Element {
  const [docId, setDocId] = useState<string | null>(null);
  // The list's current sorted and filtered order (next/previous document).
  const [order, setOrder] = useState<string[]>([]);
  const corpusError = useSampleCorpus();
  return (
    <div className="workbench">
      <AppHeader self={self} />
      <nav className="doc-list" aria-label="Documents">
        <ImportControls onImported={setDocId} />
        {corpusError && (
          <p role="alert" className="error">
            {corpusError}
          </p>
        )}
        <DocumentList
          self={self}
          selectedId={docId}
          onSelect={setDocId}
          onVisibleOrder={setOrder}
        />
      </nav>
      <main className="reading-pane" aria-label="Reading pane">
        <CleanupView docId={docId} onDocIdChange={setDocId} />
        <ReadingPane
          self={self}
          docId={docId}
          onOpenRelative={(delta) => {
            const next = relativeId(order, docId, delta);
            if (next) setDocId(next);
          }}
        />
      </main>
      <aside className="side-panel" aria-label="Labels and spans">
        <LabelPanel />
        <GuidelinesPanel />
        <SpanPanel self={self} docId={docId} />
      </aside>
    </div>
  );
}
