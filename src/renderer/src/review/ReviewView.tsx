/**
 * One document as every annotator tagged it: a lane per annotator (this
 * analyst, each colleague, gold) over each passage that has spans,
 * disagreements underlined, and the adjudication controls that build gold.
 * It reads only this document (useDocReview). An accept or reject shows in
 * its row before it is stored (useDecisions).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { candidates } from '@core/agreement/adjudicate.ts';
import { classifyDisagreements } from '@core/agreement/disagreements.ts';
import { spanKey } from '@core/agreement/types.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord, type SpanRecord } from '@core/model.ts';
import { OffsetMap } from '@core/offsets.ts';
import { caretAt } from '../annotate/text-map.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { AcceptAgreedControl } from './AcceptAgreedControl.tsx';
import { acceptAllAgreed, ADJUDICATE_FAILURE, setGoldStatus } from './actions.ts';
import { clearFailures, phrase, reportFailure } from '../failures.ts';
import { AdjudicationList } from './AdjudicationList.tsx';
import { nameIn } from './annotators.ts';
import { reviewBlocks, sentenceBlocks, type Block } from './blocks.ts';
import { disagreementSummary, KIND_TEXT } from './disagreement-text.ts';
import { laneName, PassageLanes } from './PassageLanes.tsx';
import { PassageSidePanel } from './PassageSidePanel.tsx';
import { blockParagraphs, laneTextMap, useLaneHighlights } from './useLaneHighlights.ts';
import { useDecisions } from './useDecisions.ts';
import { useDocReview } from './useDocReview.ts';
import { GoldConflict } from '../team/GoldConflict.tsx';
import { useTeam } from '../team/useTeam.ts';
import { useT } from '../i18n/T.tsx';
import { useTitleText } from '../i18n/useTitleText.ts';

const GOLD_LANE: AnnotatorRecord = {
  id: GOLD_ANNOTATOR_ID,
  name: 'Gold',
  kind: 'gold',
  createdAt: 0,
};

const NO_SPANS = new Map<string, SpanRecord[]>();

/** Whether an extent starts in passage `b`. */
const inBlock =
  (b: Block) =>
  (s: { start: number }): boolean =>
    s.start >= b.start && s.start < b.end;

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
  const [minAgree, setMinAgree] = useState(2);
  const [message, setMessage] = useState('');
  const [focus, setFocus] = useState<{ start: number; end: number } | null>(null);
  const [selected, setSelected] = useState<Block | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const team = useTeam();
  const t = useT();
  const titleText = useTitleText();

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
  const slotOf = useCallback(
    (label: string): number => {
      const i = labels.findIndex((l) => l.key === label);
      return i < 0 ? labels.length : i;
    },
    [labels],
  );
  const disagreeing = useMemo(
    () => disagreement.regions.filter((r) => r.kinds.length > 0),
    [disagreement],
  );
  const proposers = useMemo(() => [...proposals.keys()], [proposals]);
  // Each passage's proposals, gold spans and disagreements, kept from render
  // to render so a passage's adjudication list re-renders only when its rows change.
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

  useLaneHighlights(root, {
    text,
    paras,
    spans: byAnn,
    slotOf,
    disagreements: disagreeing,
    focus,
    // The lanes in the DOM: which are shown, and whether the view shows
    // lanes at all (a team project is never solo, see below).
    lanes: data ? [team.config ? 'team' : '', ...visible.map((l) => l.id)].join(' ') : '',
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
  if (data === null) return <p className="empty">{t('review.gone')}</p>;
  if (!data) return <p className="loading">{t('review.loading')}</p>;
  const { doc, rejected, goldStatus } = data;

  const colorVars = Object.fromEntries(labels.map((l, i) => [`--rv-l${i}`, l.color]));

  const acceptAll = async (): Promise<void> => {
    setMessage('');
    const n = await acceptAllAgreed([docId], minAgree, proposers).catch((e: unknown) => {
      reportFailure(
        {
          key: ADJUDICATE_FAILURE,
          what: phrase('failureTask.acceptAgreed', { count: minAgree }),
          where: phrase('mode.review'),
        },
        e,
      );
      return null;
    });
    if (n === null) return;
    clearFailures(ADJUDICATE_FAILURE);
    setMessage(
      n === 0 ? t('review.noneAgree', { n: minAgree }) : t('review.accepted', { count: n }),
    );
  };
  const current = selected && blocks.find((b) => b.start === selected.start);

  // The analyst alone (nobody else's spans) and no gold yet: nothing to
  // compare or adjudicate. Say what Review is for and how colleagues'
  // labels come in, and offer no action that cannot apply. One colleague's
  // spans can be adjudicated: accepting them into gold applies.
  // In a team project colleagues' labels arrive by themselves, and gold
  // may be built from one analyst's spans: never solo there.
  const solo =
    !team.config &&
    proposers.every((id) => id === self.id) &&
    gold.length === 0 &&
    rejected.length === 0 &&
    !goldStatus;
  if (solo)
    return (
      <section
        className="review review-solo"
        aria-label={t('review.of', { title: titleText(doc.title) })}
      >
        <header className="review-head">
          <h2 dir="auto">{titleText(doc.title)}</h2>
        </header>
        <div className="solo-note" role="note">
          <p>{t('review.soloWhat')}</p>
          <p>
            {proposers.length === 0
              ? t('review.soloNobody')
              : t('review.soloOne', { name: nameOf(proposers[0]!) })}
          </p>
          <p>{t('review.soloHow')}</p>
          <ul>
            <li>{t('review.soloImport')}</li>
            <li>{t('review.soloTeam')}</li>
          </ul>
        </div>
        {data.blindHidden && (
          <p className="blind-note" role="note">
            {t('review.blind')}
          </p>
        )}
      </section>
    );

  return (
    <section
      className="review"
      aria-label={t('review.of', { title: titleText(doc.title) })}
      ref={root}
      style={colorVars}
    >
      <header className="review-head">
        <h2 dir="auto">{titleText(doc.title)}</h2>
        <fieldset className="layers">
          <legend>{t('review.layers')}</legend>
          {lanes.map((a) => (
            <label key={a.id}>
              <input
                type="checkbox"
                checked={!hidden.has(a.id)}
                onChange={() =>
                  setHidden((h) => {
                    const next = new Set(h);
                    if (next.has(a.id)) next.delete(a.id);
                    else next.add(a.id);
                    return next;
                  })
                }
              />
              {t('review.show', { name: laneName(a, self, t) })}
            </label>
          ))}
        </fieldset>
        <div className="adjudicate-all">
          <AcceptAgreedControl
            proposers={proposers.length}
            minAgree={minAgree}
            onMinAgree={setMinAgree}
            onAccept={() => void acceptAll()}
          />
          <button
            type="button"
            onClick={() =>
              void setGoldStatus(
                docId,
                goldStatus?.status === 'done' ? 'in-progress' : 'done',
              ).then(
                () => clearFailures(ADJUDICATE_FAILURE),
                (e: unknown) =>
                  reportFailure(
                    {
                      key: ADJUDICATE_FAILURE,
                      what: phrase(
                        goldStatus?.status === 'done'
                          ? 'failureTask.reopenGold'
                          : 'failureTask.markGold',
                      ),
                      where: phrase('mode.review'),
                    },
                    e,
                  ),
              )
            }
          >
            {goldStatus?.status === 'done' ? t('review.reopen') : t('review.markAdjudicated')}
          </button>
          <span role="status" className="review-message">
            {message}
            {goldStatus?.status === 'done' ? t('review.isAdjudicated') : ''}
          </span>
        </div>
        {data.blindHidden && (
          <p className="blind-note" role="note">
            {t('review.blind')}
          </p>
        )}
        <GoldConflict docId={docId} text={doc.text} />
        <p className="disagree-summary">
          {proposers.length < 2 ? t('review.onlyOne') : disagreementSummary(disagreement, t)}
        </p>
      </header>

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
              lanes={visible}
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
