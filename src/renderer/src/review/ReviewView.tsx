/**
 * One document as every annotator tagged it: a lane per annotator (this
 * analyst, each colleague, gold) over each passage that has spans,
 * disagreements underlined, and the adjudication controls that build gold.
 */
import { AcceptAgreedControl } from './AcceptAgreedControl.tsx';
import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { candidates } from '@core/agreement/adjudicate.ts';
import { classifyDisagreements, type DisagreementKind } from '@core/agreement/disagreements.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord, type SpanRecord } from '@core/model.ts';
import { OffsetMap, cpSlice } from '@core/offsets.ts';
import { spanKey } from '@core/agreement/types.ts';
import { db } from '../db/db.ts';
import { acceptAllAgreed, getRejected, setGoldStatus } from '../db/gold.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { AdjudicationList } from './AdjudicationList.tsx';
import { reviewBlocks } from './blocks.ts';
import { useLaneHighlights } from './useLaneHighlights.ts';
import { annotatorName, useReviewData } from './useReviewData.ts';
import { GoldConflict } from '../team/GoldConflict.tsx';

const GOLD_LANE: AnnotatorRecord = {
  id: GOLD_ANNOTATOR_ID,
  name: 'Gold',
  kind: 'gold',
  createdAt: 0,
};

export const KIND_TEXT: Record<DisagreementKind, string> = {
  missing: 'only some annotators',
  label: 'same extent, different label',
  extent: 'overlapping, different extent',
};

export function ReviewView({
  self,
  docId,
}: {
  self: AnnotatorRecord;
  docId: string;
}): React.JSX.Element {
  const data = useReviewData();
  const labels = useLabels();
  const rejected = useLiveQuery(() => getRejected(db, docId), [docId], []);
  const goldStatus = useLiveQuery(() => db.statuses.get([docId, GOLD_ANNOTATOR_ID]), [docId]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [minAgree, setMinAgree] = useState(2);
  const [message, setMessage] = useState('');
  const [focus, setFocus] = useState<{ start: number; end: number } | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const doc = data?.docs.get(docId);
  const byAnn = useMemo(
    () => data?.annotations.get(docId) ?? new Map<string, SpanRecord[]>(),
    [data, docId],
  );
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
  const blocks = useMemo(
    () => (doc ? reviewBlocks(doc.text, [...byAnn.values()].flat()) : []),
    [doc, byAnn],
  );
  const visible = lanes.filter((l) => !hidden.has(l.id));
  const slotOf = (label: string): number => {
    const i = labels.findIndex((l) => l.key === label);
    return i < 0 ? labels.length : i;
  };
  const disagreeing = disagreement.regions.filter((r) => r.kinds.length > 0);

  useLaneHighlights(root, {
    text: doc?.text ?? '',
    spans: byAnn,
    slotOf,
    disagreements: disagreeing,
    focus,
  });

  if (!data || !doc) return <p className="loading">Loading the review…</p>;

  /** A click on a lane brings up the adjudication row of the span under it. */
  const focusSpanAt = (e: React.MouseEvent<HTMLElement>, annotatorId: string): void => {
    const lane = e.currentTarget;
    const caret = document.caretPositionFromPoint?.(e.clientX, e.clientY);
    if (!caret || caret.offsetNode !== lane.firstChild) return;
    const map = new OffsetMap(doc.text);
    const cp = map.toCodePoint(map.toUtf16(Number(lane.dataset.start)) + caret.offset);
    const hit = (byAnn.get(annotatorId) ?? []).find((s) => s.start <= cp && cp < s.end);
    if (!hit) return;
    const key = spanKey(hit);
    const row =
      annotatorId === GOLD_ANNOTATOR_ID
        ? root.current?.querySelector(`[data-gold="${key}"]`)
        : root.current?.querySelector(`[data-key="${key}"]`);
    row?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    setFocus(hit);
  };
  const proposers = [...proposals.keys()];
  const colorVars = Object.fromEntries(labels.map((l, i) => [`--rv-l${i}`, l.color]));

  const acceptAll = async (): Promise<void> => {
    const n = await acceptAllAgreed(db, [docId], minAgree, proposers).catch((e: unknown) => {
      setMessage(e instanceof Error ? e.message : String(e));
      return null;
    });
    if (n === null) return;
    setMessage(
      n === 0
        ? `No new span has at least ${minAgree} annotators agreeing exactly.`
        : `Accepted ${n} span${n === 1 ? '' : 's'} into gold.`,
    );
  };

  return (
    <section className="review" aria-label={`Review of ${doc.title}`} ref={root} style={colorVars}>
      <header className="review-head">
        <h2 dir="auto">{doc.title}</h2>
        <fieldset className="layers">
          <legend>Layers</legend>
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
              Show {laneName(a, self)}
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
                db,
                docId,
                goldStatus?.status === 'done' ? 'in-progress' : 'done',
              ).catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)))
            }
          >
            {goldStatus?.status === 'done' ? 'Reopen adjudication' : 'Mark adjudicated'}
          </button>
          <span role="status" className="review-message">
            {message}
            {goldStatus?.status === 'done' ? ' Gold is marked adjudicated.' : ''}
          </span>
        </div>
        {data.blindHidden.has(docId) && (
          <p className="blind-note" role="note">
            Blind mode: colleagues’ labels on this document stay hidden until you mark it done.
          </p>
        )}
        <GoldConflict docId={docId} text={doc.text} />
        <p className="disagree-summary">
          {proposers.length < 2
            ? 'Only one annotator annotated this document: nothing to compare.'
            : `${disagreement.score} disagreement${disagreement.score === 1 ? '' : 's'}` +
              (disagreement.score > 0
                ? ` — ${(Object.keys(KIND_TEXT) as DisagreementKind[])
                    .filter((k) => disagreement.counts[k] > 0)
                    .map((k) => `${disagreement.counts[k]} ${KIND_TEXT[k]}`)
                    .join(', ')}`
                : '')}
        </p>
      </header>

      {blocks.map((b) => {
        const inBlock = (s: { start: number }): boolean => s.start >= b.start && s.start < b.end;
        const blockCands = cands.filter(inBlock);
        const blockGold = gold.filter(inBlock);
        const blockText = cpSlice(doc.text, b.start, b.end);
        const blockDis = disagreeing.filter(inBlock);
        if (blockCands.length === 0 && blockGold.length === 0)
          return (
            <p key={b.start} className="context" dir="rtl" lang="ar">
              {blockText}
            </p>
          );
        return (
          <div
            key={b.start}
            className={blockDis.length > 0 ? 'passage disagrees' : 'passage'}
            role="group"
            aria-label={`Passage at ${b.start}–${b.end}`}
          >
            {blockDis.length > 0 && (
              <p className="passage-flag">
                ≠{' '}
                {[...new Set(blockDis.flatMap((r) => r.kinds))].map((k) => KIND_TEXT[k]).join('; ')}
              </p>
            )}
            <div className="lanes">
              {visible.map((a) => (
                <div className="lane" key={a.id}>
                  <span className={`lane-name kind-${a.kind}`}>{laneName(a, self)}</span>
                  <p
                    className="lane-text"
                    dir="rtl"
                    lang="ar"
                    data-lane=""
                    data-annotator={a.id}
                    data-start={b.start}
                    data-end={b.end}
                    onClick={(e) => focusSpanAt(e, a.id)}
                    aria-label={`${laneName(a, self)}: ${(byAnn.get(a.id) ?? []).filter(inBlock).length} spans`}
                  >
                    {blockText}
                  </p>
                </div>
              ))}
            </div>
            <AdjudicationList
              docId={docId}
              text={doc.text}
              candidates={blockCands}
              gold={blockGold}
              rejected={rejected}
              labels={labels}
              proposers={proposers}
              nameOf={(id) => annotatorName(data, id)}
              onFocus={setFocus}
            />
          </div>
        );
      })}
    </section>
  );
}

function laneName(a: AnnotatorRecord, self: AnnotatorRecord): string {
  if (a.id === GOLD_ANNOTATOR_ID) return 'Gold';
  return a.id === self.id ? `${a.name} (you)` : a.name;
}
