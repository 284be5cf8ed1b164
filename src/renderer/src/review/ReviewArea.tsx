/** What the reading-pane region shows in the Review and Agreement modes. */
import type { AnnotatorRecord } from '@core/model.ts';
import { AgreementDashboard } from './AgreementDashboard.tsx';
import { ReviewView } from './ReviewView.tsx';

export interface ReviewAreaProps {
  mode: 'review' | 'agreement';
  self: AnnotatorRecord;
  docId: string | null;
  /** Opens a document's review view. */
  onOpenReview: (docId: string) => void;
}

export function ReviewArea({
  mode,
  self,
  docId,
  onOpenReview,
}: ReviewAreaProps): React.JSX.Element {
  if (mode === 'agreement') return <AgreementDashboard self={self} onOpenReview={onOpenReview} />;
  if (!docId)
    return <p className="empty">Open an article, or a row of the Agreement table, to review it.</p>;
  return <ReviewView self={self} docId={docId} />;
}
