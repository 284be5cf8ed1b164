/**
 * One passage's lanes in the review: its text once per annotator shown
 * (painted by useLaneHighlights, never wrapped in elements). Memoized, so an
 * adjudication click, which changes one row of the passage's list,
 * re-renders no lane.
 */
import { memo } from 'react';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord, type SpanRecord } from '@core/model.ts';
import type { Block } from './blocks.ts';
import { useT, type Translate } from '../i18n/T.tsx';

export interface PassageLanesProps {
  block: Block;
  /** The passage's index among the review's blocks (the lanes' `data-block`). */
  index: number;
  /** The passage's text. */
  text: string;
  /** The annotators whose lanes are shown. */
  lanes: readonly AnnotatorRecord[];
  self: AnnotatorRecord;
  /** annotatorId → spans on the document. */
  spans: ReadonlyMap<string, readonly SpanRecord[]>;
  onLaneClick: (e: React.MouseEvent<HTMLElement>, annotatorId: string, b: Block) => void;
}

/** A lane's name: gold, "you", or the colleague's name. */
export function laneName(a: AnnotatorRecord, self: AnnotatorRecord, t: Translate): string {
  if (a.id === GOLD_ANNOTATOR_ID) return t('review.goldLane');
  return a.id === self.id ? t('export.you', { name: a.name }) : a.name;
}

export const PassageLanes = memo(function PassageLanes({
  block,
  index,
  text,
  lanes,
  self,
  spans,
  onLaneClick,
}: PassageLanesProps): React.JSX.Element {
  const t = useT();
  return (
    <div className="lanes">
      {lanes.map((a) => (
        <div className="lane" key={a.id}>
          <bdi className={`lane-name kind-${a.kind}`}>{laneName(a, self, t)}</bdi>
          <p
            className="lane-text"
            dir="rtl"
            lang="ar"
            data-lane=""
            data-annotator={a.id}
            data-block={index}
            onClick={(e) => onLaneClick(e, a.id, block)}
            aria-label={t('review.laneSpans', {
              name: laneName(a, self, t),
              count: (spans.get(a.id) ?? []).filter(
                (s) => s.start >= block.start && s.start < block.end,
              ).length,
            })}
          >
            {text}
          </p>
        </div>
      ))}
    </div>
  );
});
