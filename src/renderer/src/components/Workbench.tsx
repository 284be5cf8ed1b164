/** The main window layout: document list, reading pane, side panel. */
import { useState } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import { AppHeader } from './AppHeader.tsx';
import { DocumentList } from './DocumentList.tsx';
import { LabelPanel } from './LabelPanel.tsx';
import { ReadingPane } from './ReadingPane.tsx';
import { WriteErrorBanner } from './WriteErrorBanner.tsx';
import { ModeTabs, type WorkbenchMode } from '../review/ModeTabs.tsx';
import { ReviewArea } from '../review/ReviewArea.tsx';

export function Workbench({ self }: { self: AnnotatorRecord }): React.JSX.Element {
  const [docId, setDocId] = useState<string | null>(null);
  const [mode, setMode] = useState<WorkbenchMode>('annotate');
  return (
    <div className="workbench">
      <AppHeader self={self} />
      <WriteErrorBanner />
      <nav className="doc-list" aria-label="Documents">
        <DocumentList self={self} selectedId={docId} onSelect={setDocId} />
      </nav>
      <main className="reading-pane" aria-label="Reading pane">
        <ModeTabs mode={mode} onChange={setMode} />
        {mode === 'annotate' ? (
          <ReadingPane self={self} docId={docId} />
        ) : (
          <ReviewArea
            mode={mode}
            self={self}
            docId={docId}
            onOpenReview={(id) => {
              setDocId(id);
              setMode('review');
            }}
          />
        )}
      </main>
      <aside className="side-panel" aria-label="Labels and spans">
        <LabelPanel />
      </aside>
    </div>
  );
}
