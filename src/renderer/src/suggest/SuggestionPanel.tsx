/**
 * The side panel's suggestions: what the suggesters are doing, the
 * current suggestion with Accept and Reject, the open document's other
 * suggestions, the "label all N occurrences" offer after a span is
 * labelled, "next most uncertain sentence", and the evaluation panel.
 * Suggestions are shown here and painted dashed in the article; only an
 * accepted one becomes the analyst's span.
 */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { AnnotatorRecord, LabelDef } from '@core/model.ts';
import type { Suggestion, SuggesterName } from '@core/suggest/types.ts';
import type { GazetteerUnion } from '../db/gazetteers.ts';
import { useAnnotators } from '../hooks/useAnnotators.ts';
import { useLabels } from '../hooks/useLabels.ts';
import { updateSession } from '../annotate/session.ts';
import type { MessageId } from '../i18n/catalogs.ts';
import { T, useT, type Translate } from '../i18n/T.tsx';
import { useNumber } from '../i18n/useNumber.ts';
import { phrase } from '../failures.ts';
import { problemWords } from '../i18n/problems.ts';
import { labelAll } from './actions.ts';
import { dismissOffer, nextUncertain } from './service.ts';
import { updateSuggestState, useSuggestState, type SuggestState } from './store.ts';
import { useGazetteerUnion } from './useGazetteers.ts';
import { acceptCurrent, rejectCurrent } from './useSuggestionLayer.ts';
import './suggest.css';
import { Lazy, lazyPart } from '../components/Lazy.tsx';
import { useLabelName } from '../labels/useLabelName.ts';

// Loaded on demand, the first time it opens (docs/architecture.md, What loads when).
const EvaluationDialog = lazyPart(
  () => import('./EvaluationDialog.tsx'),
  (m) => m.EvaluationDialog,
);

const SOURCE = {
  matcher: 'suggest.source.matcher',
  model: 'suggest.source.model',
  'cue-sentence': 'suggest.source.cue',
} as const satisfies Record<SuggesterName, MessageId>;
const SHOWN = 50;

/** The phase in words. */
function phaseText(st: SuggestState, t: Translate): string {
  const withProgress = (text: string): string =>
    st.progress === null ? text : t('suggest.progress', { text, progress: st.progress });
  if (st.phase === 'starting') return t('suggest.starting');
  if (st.phase === 'training') return withProgress(t('suggest.training'));
  if (st.phase === 'evaluating') return withProgress(t('suggest.evaluating'));
  return st.trained
    ? t('suggest.trained', { texts: st.trained.texts, spans: st.spans })
    : t('suggest.untrained');
}

/** Who listed the cue phrases behind `s` (annotator ids, in order, each once). */
function cueAuthors(s: Suggestion, union: GazetteerUnion): string[] {
  const byPhrase = union.authors[s.label] ?? {};
  return [...new Set((s.cues ?? []).flatMap((c) => byPhrase[c] ?? []))];
}

/** The suggestions section of the side panel (annotate mode). */
export function SuggestionPanel({
  self,
  docId,
}: {
  self: AnnotatorRecord;
  docId: string | null;
}): React.JSX.Element | null {
  const t = useT();
  const st = useSuggestState();
  const labels = useLabels();
  const nameOf = useLabelName();
  const union = useGazetteerUnion();
  const annotators = useAnnotators();
  const intl = useIntl();
  const num = useNumber();
  const [evalOpen, setEvalOpen] = useState(false);
  if (!docId) return null;
  const name = (key: string): string =>
    nameOf(
      labels.find((l: LabelDef) => l.key === key),
      key,
    );
  const list = st.docId === docId && !st.hidden ? st.suggestions : [];
  const current = list[st.current] ?? null;
  const listedBy = current ? cueAuthors(current, union) : [];
  const personName = (id: string): string =>
    id === self.id ? t('suggest.you') : (annotators.find((a) => a.id === id)?.name ?? id);
  const offer = st.offer && !st.hidden ? st.offer : null;
  const findUncertain = async (): Promise<void> => {
    const at = await nextUncertain();
    if (at) updateSession({ pending: at, selectedSpanId: null });
    else updateSession({ notice: phrase('suggest.noUncertain') });
  };
  return (
    <section aria-labelledby="suggest-heading" className="suggest-panel">
      <h2 id="suggest-heading">{t('suggest.heading')}</h2>
      <p role="status" aria-label={t('suggest.status')} className="suggest-status">
        {phaseText(st, t)}
        {st.error && ` ${problemWords(t, st.error)}`}
      </p>
      {st.hidden && <p className="suggest-hidden">{t(st.hidden)}</p>}
      {offer && (
        <div role="group" aria-label={t('suggest.occurrences')} className="suggest-offer">
          <p>
            {t('suggest.occurs', {
              // Isolated: an Arabic quote must not turn an English sentence around.
              quote: `\u2068${offer.quote}\u2069`,
              n: offer.items.length,
              inDoc: offer.inDoc,
              elsewhere: offer.items.length - offer.inDoc,
            })}
          </p>
          <button
            type="button"
            onClick={() => {
              dismissOffer();
              void labelAll(self.id, offer).then(
                (ok) =>
                  ok &&
                  updateSession({
                    notice: phrase('suggest.labelled', {
                      n: offer.items.length,
                      quote: offer.quote,
                      label: name(offer.label),
                    }),
                  }),
              );
            }}
          >
            {t('suggest.labelAll', { n: offer.items.length })}
          </button>{' '}
          <button type="button" onClick={dismissOffer}>
            {t('suggest.notNow')}
          </button>
        </div>
      )}
      {current && (
        <div role="group" aria-label={t('suggest.current')} className="suggest-current">
          <p className="suggest-why">
            <T
              id="suggest.currentLine"
              values={{
                label: (
                  <strong>
                    <bdi>{name(current.label)}</bdi>
                  </strong>
                ),
                source: t(SOURCE[current.source]),
                score: num(current.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
              }}
            />
          </p>
          <p dir="rtl" lang="ar" className="suggest-quote">
            {current.quote}
          </p>
          {listedBy.length > 0 && (
            <p className="suggest-cue-by">
              {t('suggest.cueListedBy', { names: intl.formatList(listedBy.map(personName)) })}
            </p>
          )}
          <button type="button" onClick={() => acceptCurrent()}>
            {t('suggest.accept')}
          </button>{' '}
          <button type="button" onClick={() => rejectCurrent()}>
            {t('suggest.reject')}
          </button>
        </div>
      )}
      {!st.hidden && list.length === 0 && st.phase === 'idle' && (
        <p className="empty">{st.evaluation ? t('suggest.none') : t('suggest.noneOn')}</p>
      )}
      {list.length > 0 && (
        <ol aria-label={t('suggest.list')} className="suggest-list">
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
          {list.length > SHOWN && (
            <li className="empty">{t('suggest.more', { n: list.length - SHOWN })}</li>
          )}
        </ol>
      )}
      <p className="suggest-actions">
        {!st.hidden && (
          <button type="button" onClick={() => void findUncertain()}>
            {t('suggest.uncertain')}
          </button>
        )}{' '}
        <button type="button" onClick={() => setEvalOpen(true)}>
          {t('suggest.evaluation')}
        </button>
      </p>
      <Lazy kind="dialog">
        {evalOpen && <EvaluationDialog labels={labels} onClose={() => setEvalOpen(false)} />}
      </Lazy>
    </section>
  );
}
