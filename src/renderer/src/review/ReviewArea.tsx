/** What the reading-pane region shows in the Review and Agreement modes. */
import type { AnnotatorRecord } from '@core/model.ts';
import { AgreementDashboard } from './AgreementDashboard.tsx';
import { ReviewView } from './ReviewView.tsx';
import { T } from '../i18n/T.tsx';

export interface ReviewAreaProps {
  mode: 'review' | 'agreement';
  self: AnnotatorRecord;
  docId: string | null;
  /** Opens a document's review view. */
  onOpenReview: (docId: string) => void;
  /** The side panel's slot for the selected passage's proposals. */
  side?: HTMLElement | null;
}

export function ReviewArea({
  mode,
  self,
  docId,
  onOpenReview,
  side,
}: ReviewAreaProps): React.JSX.Element {
  if (mode === 'agreement') return <AgreementDashboard self={self} onOpenReview={onOpenReview} />;
  if (!docId)
    return (
      <p className="empty">
        <T id="review.openOne" />
      </p>
    );
  return <ReviewView key={docId} self={self} docId={docId} side={side} />;
}
