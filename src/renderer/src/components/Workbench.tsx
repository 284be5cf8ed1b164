/** The main window layout: document list, reading pane, side panel. */
import type { AnnotatorRecord } from '@core/model.ts';
import { AppHeader } from './AppHeader.tsx';
import { LabelPanel } from './LabelPanel.tsx';

export function Workbench({ self }: { self: AnnotatorRecord }): React.JSX.Element {
  return (
    <div className="workbench">
      <AppHeader self={self} />
      <nav className="doc-list" aria-label="Documents">
        <p className="empty">No documents yet.</p>
      </nav>
      <main className="reading-pane" aria-label="Reading pane">
        <p className="empty">Open an article to start annotating.</p>
      </main>
      <aside className="side-panel" aria-label="Labels and spans">
        <LabelPanel />
      </aside>
    </div>
  );
}
