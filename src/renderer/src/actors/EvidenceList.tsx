/**
 * The statements behind one count of the Analysis table: for each, its
 * article, who marked it, whether annotators disagree on it, and every
 * span's quote as a link that opens the article at the span.
 */
import type { AnalysisDoc, AnalysisView, EvidenceSpan } from '@core/actors/analysis.ts';
import { holderInfo } from '@core/actors/analysis.ts';
import { ActorIndex } from '@core/actors/model.ts';
import type { ActorRecord } from '@core/model.ts';
import { useMemo } from 'react';

const T = {
  region: (column: string, holder: string) => `Evidence: ${column} by ${holder}`,
  by: (who: string) => `marked by ${who}`,
  labelDisagreement: 'Annotators gave this statement different labels.',
  holderDisagreement: (others: string) =>
    `Annotators attribute this text to other holders too (${others}); it is counted once.`,
  open: (quote: string, title: string) => `Open “${quote}” in ${title}`,
  undated: 'no date',
};

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
  const index = useMemo(() => new ActorIndex(actors), [actors]);
  return (
    <section className="evidence" aria-label={T.region(column, holder)}>
      <h3>{T.region(column, holder)}</h3>
      <ol>
        {units.map((i) => {
          const u = view.units[i]!;
          const doc = docs.get(u.docId);
          const title = doc?.title ?? u.docId;
          return (
            <li key={i} className={u.disagreements.length > 0 ? 'disputed' : undefined}>
              <p className="evidence-title" dir="rtl" lang="ar">
                {title}
              </p>
              <p className="evidence-doc">
                <bdi>{doc?.outlet ?? ''}</bdi> · {doc?.date ?? T.undated} ·{' '}
                {T.by(u.annotators.map(nameOf).join(', '))}
              </p>
              {u.disagreements.includes('label') && <p className="flag">⚑ {T.labelDisagreement}</p>}
              {u.disagreements.includes('holder') && (
                <p className="flag">
                  ⚑{' '}
                  {T.holderDisagreement(
                    u.otherHolders.map((k) => holderInfo(k, index).name).join('، '),
                  )}
                </p>
              )}
              <ul>
                {u.spans.map((s) => (
                  <li key={s.id} className="evidence-span">
                    <button
                      type="button"
                      dir="rtl"
                      className="evidence-link"
                      aria-label={T.open(s.quote, title)}
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
