/**
 * The adjudication controls of one passage: every distinct span proposed
 * (with who proposed it and whether gold has it) to accept or reject, and
 * the gold spans to edit or remove. A decision shows in its row at once,
 * before it is stored (useDecisions.ts); failures go to the one failure
 * channel (failures.ts). Memoized: a decision re-renders only the list
 * whose rows changed.
 */
import { memo, useState } from 'react';
import type { Candidate } from '@core/agreement/adjudicate.ts';
import { spanKey } from '@core/agreement/types.ts';
import type { LabelDef, SpanRecord } from '@core/model.ts';
import { cpSlice } from '@core/offsets.ts';
import type { Token } from '@core/tokenize.ts';
import { clearFailures, phrase, reportFailure } from '../failures.ts';
import { GOLD_EDIT_FAILURE, removeGoldSpan } from './actions.ts';
import { GoldSpanEditor } from './GoldSpanEditor.tsx';
import { Quote } from './Quote.tsx';
import { useT } from '../i18n/T.tsx';
import type { Decisions } from './useDecisions.ts';

export interface AdjudicationListProps {
  text: string;
  /** The document's workbench tokens (gold extents move a word at a time). */
  tokens: Token[];
  candidates: Candidate[];
  gold: SpanRecord[];
  /** Each proposal's state, unsaved decisions included, and the way to decide. */
  decisions: Decisions;
  labels: LabelDef[];
  /** Annotators (gold excluded) who annotated the document. */
  proposers: string[];
  nameOf: (annotatorId: string) => string;
  onFocus: (extent: { start: number; end: number } | null) => void;
}

export function LabelTag({
  label,
  labels,
}: {
  label: string;
  labels: LabelDef[];
}): React.JSX.Element {
  const def = labels.find((l) => l.key === label);
  return (
    <span className="label-tag">
      <span className="swatch" style={{ background: def?.color ?? '#777' }} aria-hidden="true" />
      <bdi>{label}</bdi>
    </span>
  );
}

/** Whether a re-render would show the same: same props, and the same state in each of its rows. */
function sameRows(a: AdjudicationListProps, b: AdjudicationListProps): boolean {
  for (const k of Object.keys(a) as (keyof AdjudicationListProps)[])
    if (k !== 'decisions' && a[k] !== b[k]) return false;
  return a.candidates.every(
    (c) =>
      a.decisions.stateOf(c.key) === b.decisions.stateOf(c.key) &&
      a.decisions.unsaved(c.key) === b.decisions.unsaved(c.key),
  );
}

export const AdjudicationList = memo(function AdjudicationList(
  props: AdjudicationListProps,
): React.JSX.Element {
  const { text, tokens, candidates, gold, decisions, labels, proposers, nameOf, onFocus } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const t = useT();
  const sep = t('list.sep');
  const remove = (g: SpanRecord): void => {
    removeGoldSpan(g.id).then(
      () => clearFailures(GOLD_EDIT_FAILURE),
      (e: unknown) =>
        reportFailure(
          {
            key: GOLD_EDIT_FAILURE,
            what: phrase('failureTask.removeGold', { quote: g.quote }),
            where: phrase('mode.review'),
          },
          e,
        ),
    );
  };

  return (
    <div className="adjudication">
      <ul className="proposals" aria-label={t('adj.proposed')}>
        {candidates.map((c) => {
          const quote = cpSlice(text, c.start, c.end);
          const state = decisions.stateOf(c.key);
          const inGold = state === 'in-gold';
          const isRejected = state === 'rejected';
          const missing = proposers.filter((p) => !c.annotators.includes(p));
          return (
            <li
              key={c.key}
              data-key={c.key}
              className={
                inGold ? 'proposal accepted' : isRejected ? 'proposal rejected' : 'proposal'
              }
              aria-busy={decisions.unsaved(c.key) || undefined}
              onMouseEnter={() => onFocus(c)}
              onMouseLeave={() => onFocus(null)}
              onFocus={() => onFocus(c)}
            >
              <LabelTag label={c.label} labels={labels} />
              <Quote text={quote} />
              <span className="who">
                {t('adj.who', {
                  names: c.annotators.map(nameOf).join(sep),
                  n: c.annotators.length,
                  of: proposers.length,
                })}
                {missing.length > 0 && (
                  <span className="not-who">
                    {t('adj.notWho', { names: missing.map(nameOf).join(sep) })}
                  </span>
                )}
              </span>
              <span className="state">
                {inGold ? t('adj.inGold') : isRejected ? t('adj.rejected') : t('adj.pending')}
              </span>
              <button
                type="button"
                disabled={inGold}
                aria-label={t('adj.acceptAs', { quote, label: c.label })}
                onClick={() => decisions.decide(c, 'in-gold', quote)}
              >
                {t('adj.accept')}
              </button>
              {isRejected ? (
                <button
                  type="button"
                  aria-label={t('adj.undoRejectAs', { quote, label: c.label })}
                  onClick={() => decisions.decide(c, 'pending', quote)}
                >
                  {t('adj.undoReject')}
                </button>
              ) : (
                <button
                  type="button"
                  aria-label={t('adj.rejectAs', { quote, label: c.label })}
                  onClick={() => decisions.decide(c, 'rejected', quote)}
                >
                  {t('adj.reject')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {gold.length > 0 && (
        <ul className="gold-spans" aria-label={t('adj.goldSpans')}>
          {gold.map((g) => (
            <li key={g.id} className="gold-span" data-gold={spanKey(g)}>
              <LabelTag label={g.label} labels={labels} />
              <Quote text={g.quote} />
              <span className="who">
                {g.provenance && g.provenance.length > 0
                  ? t('adj.agreed', { names: g.provenance.map(nameOf).join(sep) })
                  : t('adj.noneExact')}
              </span>
              <button
                type="button"
                aria-expanded={editing === g.id}
                aria-label={t('adj.editGold', { quote: g.quote })}
                onClick={() => setEditing(editing === g.id ? null : g.id)}
              >
                {t('adj.edit')}
              </button>
              <button
                type="button"
                aria-label={t('adj.removeGold', { quote: g.quote })}
                onClick={() => remove(g)}
              >
                {t('adj.remove')}
              </button>
              {editing === g.id && <GoldSpanEditor span={g} tokens={tokens} labels={labels} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}, sameRows);
