/**
 * What one document's review shows, derived from its live data
 * (useDocReview): the lanes, the proposals and gold, the disagreements,
 * the passages (blocks) with their paragraphs, and each passage's share of
 * them, memoized so a passage's adjudication list re-renders only when its
 * rows change.
 */
import { useCallback, useMemo } from 'react';
import { candidates, type Candidate } from '@core/agreement/adjudicate.ts';
import {
  classifyDisagreements,
  type DocDisagreement,
  type Region,
} from '@core/agreement/disagreements.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord, type SpanRecord } from '@core/model.ts';
import { OffsetMap } from '@core/offsets.ts';
import { nameIn } from './annotators.ts';
import { reviewBlocks, sentenceBlocks, type Block } from './blocks.ts';
import { blockParagraphs } from './useLaneHighlights.ts';
import type { DocReviewData } from './useDocReview.ts';

const GOLD_LANE: AnnotatorRecord = {
  id: GOLD_ANNOTATOR_ID,
  name: 'Gold',
  kind: 'gold',
  createdAt: 0,
};

const NO_SPANS = new Map<string, SpanRecord[]>();

/** Whether an extent starts in passage `b`. */
export const inBlock =
  (b: Block) =>
  (s: { start: number }): boolean =>
    s.start >= b.start && s.start < b.end;

/** One passage's proposals, gold spans and disagreements. */
export interface BlockShare {
  cands: Candidate[];
  gold: SpanRecord[];
  dis: Region[];
}

/** The review's derived view of `data` (empty while it loads). */
export interface ReviewModel {
  text: string;
  byAnn: Map<string, SpanRecord[]>;
  map: OffsetMap;
  /** A lane per annotator who annotated the document, gold always last. */
  lanes: AnnotatorRecord[];
  /** The lanes not hidden by the layer checkboxes. */
  visible: AnnotatorRecord[];
  gold: SpanRecord[];
  disagreement: DocDisagreement;
  disagreeing: Region[];
  cands: Candidate[];
  blocks: Block[];
  paras: ReturnType<typeof blockParagraphs>;
  perBlock: BlockShare[];
  /** Everyone with proposals (not gold). */
  proposers: string[];
  nameOf: (id: string) => string;
}

/** Derives the review of `data`, with the lanes in `hidden` left out of `visible`. */
export function useReviewModel(
  data: DocReviewData | null | undefined,
  hidden: ReadonlySet<string>,
): ReviewModel {
  const text = data?.doc.text ?? '';
  const byAnn = data?.byAnn ?? NO_SPANS;
  const map = useMemo(() => new OffsetMap(text), [text]);
  const lanes = useMemo(() => {
    const all = data?.annotators ?? [];
    // A lane per annotator who annotated the document; gold always has one,
    // as it is where adjudication lands.
    const gold = all.find((a) => a.id === GOLD_ANNOTATOR_ID) ?? GOLD_LANE;
    return [...all.filter((a) => a.id !== GOLD_ANNOTATOR_ID && byAnn.has(a.id)), gold];
  }, [data, byAnn]);
  const proposals = useMemo(
    () => new Map([...byAnn].filter(([a]) => a !== GOLD_ANNOTATOR_ID)),
    [byAnn],
  );
  const gold = useMemo(() => byAnn.get(GOLD_ANNOTATOR_ID) ?? [], [byAnn]);
  const disagreement = useMemo(() => classifyDisagreements(proposals), [proposals]);
  const cands = useMemo(() => candidates(proposals), [proposals]);
  const sentences = useMemo(() => sentenceBlocks(text), [text]);
  const blocks = useMemo(
    () => reviewBlocks(text, [...byAnn.values()].flat(), sentences),
    [text, byAnn, sentences],
  );
  const paras = useMemo(() => blockParagraphs(text, map, blocks), [text, map, blocks]);
  const visible = useMemo(() => lanes.filter((l) => !hidden.has(l.id)), [lanes, hidden]);
  const disagreeing = useMemo(
    () => disagreement.regions.filter((r) => r.kinds.length > 0),
    [disagreement],
  );
  const proposers = useMemo(() => [...proposals.keys()], [proposals]);
  const perBlock = useMemo(
    () =>
      blocks.map((b) => ({
        cands: cands.filter(inBlock(b)),
        gold: gold.filter(inBlock(b)),
        dis: disagreeing.filter(inBlock(b)),
      })),
    [blocks, cands, gold, disagreeing],
  );
  const annotators = data?.annotators;
  const nameOf = useCallback((id: string): string => nameIn(annotators ?? [], id), [annotators]);
  return {
    text,
    byAnn,
    map,
    lanes,
    visible,
    gold,
    disagreement,
    disagreeing,
    cands,
    blocks,
    paras,
    perBlock,
    proposers,
    nameOf,
  };
}
