/**
 * The side panel's suggestions: what the suggesters are doing, the
 * current suggestion with Accept and Reject, the open document's other
 * suggestions, the "label all N occurrences" offer after a span is
 * labelled, "next most uncertain sentence", and the evaluation panel.
 * Suggestions are shown here and painted dashed in the article; only an
 * accepted one becomes the analyst's span.
 */
import { useState } from 'react';
import type { AnnotatorRecord, LabelDef } from '@core/model.ts';
import type { SuggesterName } from '@core/suggest/types.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { updateSession } from '../annotate/session.ts';
import { labelAll } from './actions.ts';
import { EvaluationDialog } from './EvaluationDialog.tsx';
import { dismissOffer, nextUncertain } from './service.ts';
import { updateSuggestState, useSuggestState, type SuggestState } from './store.ts';
import { acceptCurrent, rejectCurrent } from './useSuggestionLayer.ts';
import './suggest.css';

const T = {
  heading: 'Suggestions',
  status: 'Suggester status',
  starting: 'Starting the suggesters…',
  training: 'Training on your spans…',
  evaluating: 'Measuring on held-out documents…',
  none: 'No suggestion here.',
  noneOn: 'No suggester is on: see Evaluation.',
  current: 'Current suggestion',
  accept: 'Accept',
  reject: 'Reject',
  list: 'Suggestions in this article',
  occurrences: 'Other occurrences',
  labelAll: (n: number) => `Label all ${n} occurrences`,
  notNow: 'Not now',
  occurs: (q: string, n: number, inDoc: number) =>
    `“${q}” occurs ${n} more time(s): ${inDoc} in this article, ${n - inDoc} in other articles.`,
  uncertain: 'Next most uncertain sentence',
  noUncertain: 'No model yet, or no unlabelled sentence left here.',
  evaluation: 'Evaluation…',
  trained: (texts: number, spans: number) =>
    `Up to date: model trained on ${texts} document(s) and your ${spans} span(s).`,
  untrained: 'No spans of yours to learn from yet.',
  more: (n: number) => `and ${n} more`,
} as const;

const SOURCE: Record<SuggesterName, string> = {
  matcher: 'matcher',
  model: 'model',
  'cue-sentence': 'cue sentence',
};
const SHOWN = 50;

/** The phase in words. */
function phaseText(st: SuggestState): string {
  const pct = st.progress === null ? '' : ` ${Math.round(st.progress * 100)}%`;
  if (st.phase === 'starting') return T.starting;
  if (st.phase === 'training') return T.training + pct;
  if (st.phase === 'evaluating') return T.evaluating + pct;
  return st.trained ? T.trained(st.trained.texts, st.spans) : T.untrained;
}

/** The suggestions section of the side panel (annotate mode). */
export function SuggestionPanel({
  self,
  docId,
}: {
  self: AnnotatorRecord;
  docId: string | null;
}): React.JSX.Element | null {
  const st = useSuggestState();
  const labels = useLabels();
  const [evalOpen, setEvalOpen] = useState(false);
  if (!docId) return null;
  const name = (key: string): string => labels.find((l: LabelDef) => l.key === key)?.name ?? key;
  const list = st.docId === docId && !st.hidden ? st.suggestions : [];
  const current = list[st.current] ?? null;
  const offer = st.offer && !st.hidden ? st.offer : null;
  const findUncertain = async (): Promise<void> => {
    const at = await nextUncertain();
    if (at) updateSession({ pending: at, selectedSpanId: null });
    else updateSession({ notice: T.noUncertain });
  };
  return (
    <section aria-labelledby="suggest-heading" className="suggest-panel">
      <h2 id="suggest-heading">{T.heading}</h2>
      <p role="status" aria-label={T.status} className="suggest-status">
        {phaseText(st)}
        {st.error && ` ${st.error}`}
      </p>
      {st.hidden && <p className="suggest-hidden">{st.hidden}</p>}
      {offer && (
        <div role="group" aria-label={T.occurrences} className="suggest-offer">
          <p dir="auto">{T.occurs(offer.quote, offer.items.length, offer.inDoc)}</p>
          <button
            type="button"
            onClick={() => {
              dismissOffer();
              void labelAll(self.id, offer);
            }}
          >
            {T.labelAll(offer.items.length)}
          </button>{' '}
          <button type="button" onClick={dismissOffer}>
            {T.notNow}
          </button>
        </div>
      )}
      {current && (
        <div role="group" aria-label={T.current} className="suggest-current">
          <p>
            <strong>{name(current.label)}</strong> · {SOURCE[current.source]} ·{' '}
            {current.score.toFixed(2)}
          </p>
          <p dir="rtl" lang="ar" className="suggest-quote">
            {current.quote}
          </p>
          <button type="button" onClick={() => acceptCurrent()}>
            {T.accept}
          </button>{' '}
          <button type="button" onClick={() => rejectCurrent()}>
            {T.reject}
          </button>
        </div>
      )}
      {!st.hidden && list.length === 0 && st.phase === 'idle' && (
        <p className="empty">{st.evaluation ? T.none : T.noneOn}</p>
      )}
      {list.length > 0 && (
        <ol aria-label={T.list} className="suggest-list">
          {list.slice(0, SHOWN).map((s, i) => (
            <li key={`${s.start}:${s.end}:${s.label}`}>
              <button
                type="button"
                aria-current={i === st.current ? 'true' : undefined}
                onClick={() => updateSuggestState({ current: i })}
              >
                <span className="suggest-label">{name(s.label)}</span>{' '}
                <span dir="rtl" lang="ar">
                  {s.quote}
                </span>
              </button>
            </li>
          ))}
          {list.length > SHOWN && <li className="empty">{T.more(list.length - SHOWN)}</li>}
        </ol>
      )}
      <p className="suggest-actions">
        {!st.hidden && (
          <button type="button" onClick={() => void findUncertain()}>
            {T.uncertain}
          </button>
        )}{' '}
        <button type="button" onClick={() => setEvalOpen(true)}>
          {T.evaluation}
        </button>
      </p>
      {evalOpen && <EvaluationDialog labels={labels} onClose={() => setEvalOpen(false)} />}
    </section>
  );
}
