/**
 * The side panel while reviewing: the selected passage's proposals (who
 * proposed each span, and whether gold has it, rejected it, or it is still
 * pending) and its gold spans. The accept and reject buttons stay under the
 * passage itself; this is the overview beside it.
 */
import type { Candidate } from '@core/agreement/adjudicate.ts';
import type { LabelDef, SpanRecord } from '@core/model.ts';
import { cpSlice } from '@core/offsets.ts';
import { LabelTag } from './AdjudicationList.tsx';
import type { Block } from './blocks.ts';
import type { RowState } from './decisions.ts';
import { Quote } from './Quote.tsx';
import { useT } from '../i18n/T.tsx';

export interface PassageSidePanelProps {
  text: string;
  passage: Block | null;
  candidates: Candidate[];
  gold: SpanRecord[];
  /** Each proposal's state, decisions still being written included (useDecisions). */
  stateOf: (key: string) => RowState;
  labels: LabelDef[];
  proposers: string[];
  nameOf: (id: string) => string;
}

export function PassageSidePanel(p: PassageSidePanelProps): React.JSX.Element {
  const t = useT();
  const state = (c: Candidate): RowState => p.stateOf(c.key);
  const stateText = {
    'in-gold': t('adj.inGold'),
    rejected: t('adj.rejected'),
    pending: t('adj.pending'),
  };
  return (
    <section className="passage-side" aria-labelledby="passage-side-h">
      <h2 id="passage-side-h">{t('side.title')}</h2>
      {!p.passage ? (
        <p className="empty">{t('side.empty')}</p>
      ) : (
        <>
          <p className="passage-side-text" dir="rtl" lang="ar">
            {cpSlice(p.text, p.passage.start, p.passage.end)}
          </p>
          <h3>
            {t('side.proposals', {
              count: p.candidates.length,
              pending: p.candidates.filter((c) => state(c) === 'pending').length,
            })}
          </h3>
          <ul aria-label={t('side.proposalsList')}>
            {p.candidates.map((c) => (
              <li key={c.key} className={`side-proposal ${state(c)}`}>
                <LabelTag label={c.label} labels={p.labels} />{' '}
                <Quote text={cpSlice(p.text, c.start, c.end)} />
                <span className="who">
                  {t('adj.who', {
                    names: c.annotators.map(p.nameOf).join(t('list.sep')),
                    n: c.annotators.length,
                    of: p.proposers.length,
                  })}
                  {' · '}
                  {stateText[state(c)]}
                </span>
              </li>
            ))}
          </ul>
          <h3>{t('side.gold', { count: p.gold.length })}</h3>
          {p.gold.length === 0 ? (
            <p className="empty">{t('side.noGold')}</p>
          ) : (
            <ul aria-label={t('side.goldList')}>
              {p.gold.map((g) => (
                <li key={g.id}>
                  <LabelTag label={g.label} labels={p.labels} /> <Quote text={g.quote} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
