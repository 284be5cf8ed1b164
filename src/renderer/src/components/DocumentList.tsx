/** The document list (filled in by the corpus work). */
import type { AnnotatorRecord } from '@core/model.ts';

export interface DocumentListProps {
  self: AnnotatorRecord;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function DocumentList(_props: DocumentListProps): React.JSX.Element {
  return <p className="empty">No documents yet.</p>;
}
