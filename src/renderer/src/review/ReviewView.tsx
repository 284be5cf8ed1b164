/**
 * One document as every annotator tagged it: a lane per annotator (this
 * analyst, each colleague, gold) over each passage that has spans,
 * disagreements underlined, and the adjudication controls that build gold.
 * It reads only this document (useDocReview). An accept or reject shows in
 * its row before it is stored (useDecisions). What it shows is derived in
 * useReviewModel; the head is ReviewHeader, the solo case ReviewSolo.
 */
import { useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { spanKey } from '@core/agreement/types.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord } from '@core/model.ts';
import { caretAt } from '../annotate/text-map.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { AdjudicationList } from './AdjudicationList.tsx';
import type { Block } from './blocks.ts';
import { KIND_TEXT } from './disagreement-text.ts';
import { PassageLanes } from './PassageLanes.tsx';
import { PassageSidePanel } from './PassageSidePanel.tsx';
import { ReviewHeader } from './ReviewHeader.tsx';
import { ReviewSolo } from './ReviewSolo.tsx';
import { laneTextMap, useLaneHighlights } from './useLaneHighlights.ts';
import { useDecisions } from './useDecisions.ts';
import { useDocReview } from './useDocReview.ts';
import { inBlock, useReviewModel } from './useReviewModel.ts';
import { useTeam } from '../team/useTeam.ts';
import { useT } from '../i18n/T.tsx';
import { useTitleText } from '../i18n/useTitleText.ts';

export function ReviewView({
  self,
  docId,
  side,
}: {
  self: AnnotatorRecord;
  docId: string;
  /** Where the selected passage's proposals go (the side panel), if anywhere. */
  side?: HTMLElement | null;
}): React.JSX.Element {
  const data = useDocReview(docId);
  const decisions = useDecisions(docId, data);
  const labels = useLabels();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState<{ start: number; end: number } | null>(null);
  const [selected, setSelected] = useState<Block | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const team = useTeam();
  const t = useT();
  const titleText = useTitleText();
  const model = useReviewModel(data, hidden);
  const { text, byAnn, map, paras, blocks, perBlock, cands, gold, proposers, nameOf } = model;

  const slotOf = useCallback(
    (label: string): number => {
      const i = labels.findIndex((l) => l.key === label);
      return i < 0 ? labels.length : i;
    },
    [labels],
  );
  useLaneHighlights(root, {
    text,
    paras,
    spans: byAnn,
    slotOf,
    disagreements: model.disagreeing,
    focus,
    // The lanes in the DOM: which are shown, and whether the view shows
    // lanes at all (a team project is never solo, see below).
    lanes: data ? [team.config ? 'team' : '', ...model.visible.map((l) => l.id)].join(' ') : '',
  });

  /** A click on a lane brings up the adjudication row of the span under it. */
  const focusSpanAt = useCallback(
    (e: React.MouseEvent<HTMLElement>, annotatorId: string, b: Block): void => {
      setSelected(b);
      const caret = caretAt(e.clientX, e.clientY);
      const tm = root.current && laneTextMap(root.current, annotatorId, map, paras);
      if (!caret || !tm || caret.node !== e.currentTarget.firstChild) return;
      const cp = tm.pointToCp(caret.node, caret.offset, 'start');
      const hit = (byAnn.get(annotatorId) ?? []).find((s) => s.start <= cp && cp < s.end);
      if (!hit) return;
      const key = spanKey(hit);
      const row =
        annotatorId === GOLD_ANNOTATOR_ID
          ? root.current?.querySelector(`[data-gold="${key}"]`)
          : root.current?.querySelector(`[data-key="${key}"]`);
      row?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
      setFocus(hit);
    },
    [map, paras, byAnn],
  );
  const toggleLane = useCallback(
    (id: string) =>
      setHidden((h) => {
        const next = new Set(h);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  if (data === null) return <p className="empty">{t('review.gone')}</p>;
  if (!data) return <p className="loading">{t('review.loading')}</p>;
  const { doc, rejected, goldStatus } = data;

  // The analyst alone (nobody else's spans) and no gold yet: nothing to
  // compare or adjudicate. One colleague's spans can be adjudicated:
  // accepting them into gold applies. In a team project colleagues' labels
  // arrive by themselves, and gold may be built from one analyst's spans:
  // never solo there.
  const solo =
    !team.config &&
    proposers.every((id) => id === self.id) &&
    gold.length === 0 &&
    rejected.length === 0 &&
    !goldStatus;
  if (solo)
    return (
      <ReviewSolo
        title={doc.title}
        proposers={proposers}
        nameOf={nameOf}
        blindHidden={data.blindHidden}
      />
    );

  const colorVars = Object.fromEntries(labels.map((l, i) => [`--rv-l${i}`, l.color]));
  const current = selected && blocks.find((b) => b.start === selected.start);
  return (
    <section
      className="review"
      aria-label={t('review.of', { title: titleText(doc.title) })}
      ref={root}
      style={colorVars}
    >
      <ReviewHeader
        self={self}
        doc={doc}
        lanes={model.lanes}
        hidden={hidden}
        onToggleLane={toggleLane}
        proposers={proposers}
        goldStatus={goldStatus}
        blindHidden={data.blindHidden}
        disagreement={model.disagreement}
      />
      {blocks.map((b, bi) => {
        const { cands: blockCands, gold: blockGold, dis: blockDis } = perBlock[bi]!;
        const blockText = paras[bi]!.text;
        if (blockCands.length === 0 && blockGold.length === 0)
          return (
            <p key={b.start} className="context" dir="rtl" lang="ar">
              {blockText}
            </p>
          );
        return (
          <div
            key={b.start}
            className={
              (blockDis.length > 0 ? 'passage disagrees' : 'passage') +
              (current === b ? ' selected' : '')
            }
            role="group"
            aria-label={t('review.passageAt', { start: b.start, end: b.end })}
            onFocus={() => setSelected(b)}
          >
            {blockDis.length > 0 && (
              <p className="passage-flag">
                ≠{' '}
                {[...new Set(blockDis.flatMap((r) => r.kinds))]
                  .map((k) => t(KIND_TEXT[k]))
                  .join(t('list.semi'))}
              </p>
            )}
            <PassageLanes
              block={b}
              index={bi}
              text={blockText}
              lanes={model.visible}
              self={self}
              spans={byAnn}
              onLaneClick={focusSpanAt}
            />
            <AdjudicationList
              text={doc.text}
              tokens={data.tokens}
              candidates={blockCands}
              gold={blockGold}
              decisions={decisions}
              labels={labels}
              proposers={proposers}
              nameOf={nameOf}
              onFocus={setFocus}
            />
          </div>
        );
      })}
      {side &&
        createPortal(
          <PassageSidePanel
            text={doc.text}
            passage={current ?? null}
            candidates={current ? cands.filter(inBlock(current)) : []}
            gold={current ? gold.filter(inBlock(current)) : []}
            stateOf={decisions.stateOf}
            labels={labels}
            proposers={proposers}
            nameOf={nameOf}
          />,
          side,
        )}
    </section>
  );
}
