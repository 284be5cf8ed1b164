/**
 * The statements behind one count of the Analysis table: for each, its
 * article, who marked it, whether annotators disagree on it, and every
 * span's quote as a link that opens the article at the span.
 */
import type { AnalysisDoc, AnalysisView, EvidenceSpan } from '@core/actors/analysis.ts';
import { holderInfo } from '@core/actors/analysis.ts';
import { ActorIndex } from '@core/actors/model.ts';
import type { ActorRecord } from '@core/model.ts';
import { useT } from '../i18n/T.tsx';
import { useMemo } from 'react';
import { useTitleText } from '../i18n/useTitleText.ts';
import { useHolderName } from './useHolderName.ts';

/** Props of EvidenceList. */
export interface EvidenceListProps {
  view: AnalysisView;
  docs: ReadonlyMap<string, AnalysisDoc>;
  actors: readonly ActorRecord[];
  units: readonly number[];
  column: string;
  holder: string;
  /** Annotator id → name. */
  nameOf: (annotatorId: string) => string;
  onOpen: (span: EvidenceSpan) => void;
}

/** The list of statements, with links to their quotes. */
export function EvidenceList({
  view,
  docs,
  actors,
  units,
  column,
  holder,
  nameOf,
  onOpen,
}: EvidenceListProps): React.JSX.Element {
  const t = useT();
  const holderName = useHolderName();
  const titleText = useTitleText();
  const index = useMemo(() => new ActorIndex(actors), [actors]);
  return (
    <section className="evidence" aria-label={t('analysis.evidence', { column, holder })}>
      <h3>{t('analysis.evidence', { column, holder })}</h3>
      <ol>
        {units.map((i) => {
          const u = view.units[i]!;
          const doc = docs.get(u.docId);
          const title = doc ? titleText(doc.title) : u.docId;
          return (
            <li key={i} className={u.disagreements.length > 0 ? 'disputed' : undefined}>
              <p className="evidence-title" dir="rtl" lang="ar">
                {title}
              </p>
              <p className="evidence-doc">
                <bdi>{doc?.outlet ?? ''}</bdi> · {doc?.date ?? t('analysis.undatedDoc')} ·{' '}
                {t('analysis.markedBy', { who: u.annotators.map(nameOf).join(', ') })}
              </p>
              {u.disagreements.includes('label') && (
                <p className="flag">⚑ {t('analysis.labelDisagreement')}</p>
              )}
              {u.disagreements.includes('holder') && (
                <p className="flag">
                  ⚑{' '}
                  {t('analysis.holderDisagreement', {
                    others: u.otherHolders.map((k) => holderName(holderInfo(k, index))).join('، '),
                  })}
                </p>
              )}
              <ul>
                {u.spans.map((s) => (
                  <li key={s.id} className="evidence-span">
                    <button
                      type="button"
                      dir="rtl"
                      className="evidence-link"
                      aria-label={t('analysis.openQuote', { quote: s.quote, title })}
                      onClick={() => onOpen(s)}
                    >
                      <q dir="rtl" lang="ar">
                        {s.quote}
                      </q>
                    </button>
                    <span className="span-meta">{nameOf(s.annotatorId)}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
