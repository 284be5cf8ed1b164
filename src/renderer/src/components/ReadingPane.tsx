/** The reading pane (filled in by the annotation work). */
import type { AnnotatorRecord } from '@core/model.ts';

export interface ReadingPaneProps {
  self: AnnotatorRecord;
  docId: string | null;
}

export function ReadingPane({ docId }: ReadingPaneProps): React.JSX.Element {
  return docId ? (
    <p className="empty">Loading…</p>
  ) : (
    <p className="empty">Open an article to start annotating.</p>
  );
}
