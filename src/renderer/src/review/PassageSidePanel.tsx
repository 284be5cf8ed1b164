/**
 * The side panel while reviewing: the selected passage's proposals (who
 * proposed each span, and whether gold has it, rejected it, or it is still
 * pending) and its gold spans. The accept and reject buttons stay under the
 * passage itself; this is the overview beside it.
 */
import type { Candidate } from '@core/agreement/adjudicate.ts';
import { spanKey } from '@core/agreement/types.ts';
import type { LabelDef, SpanRecord } from '@core/model.ts';
import { cpSlice } from '@core/offsets.ts';
import { LabelTag } from './AdjudicationList.tsx';
import type { Block } from './blocks.ts';
import { Quote } from './Quote.tsx';

export interface PassageSidePanelProps {
  text: string;
  passage: Block | null;
  candidates: Candidate[];
  gold: SpanRecord[];
  rejected: readonly string[];
  labels: LabelDef[];
  proposers: string[];
  nameOf: (id: string) => string;
}

export function PassageSidePanel(p: PassageSidePanelProps): React.JSX.Element {
  const goldKeys = new Set(p.gold.map(spanKey));
  const state = (c: Candidate): string =>
    goldKeys.has(c.key) ? 'in gold' : p.rejected.includes(c.key) ? 'rejected' : 'pending';
  return (
    <section className="passage-side" aria-labelledby="passage-side-h">
      <h2 id="passage-side-h">Selected passage</h2>
      {!p.passage ? (
        <p className="empty">
          Click a passage&apos;s lane or a proposal to see its proposals here.
        </p>
      ) : (
        <>
          <p className="passage-side-text" dir="rtl" lang="ar">
            {cpSlice(p.text, p.passage.start, p.passage.end)}
          </p>
          <h3>
            Proposals ({p.candidates.length}):{' '}
            {p.candidates.filter((c) => state(c) === 'pending').length} pending
          </h3>
          <ul aria-label="Proposals in the selected passage">
            {p.candidates.map((c) => (
              <li key={c.key} className={`side-proposal ${state(c).replace(' ', '-')}`}>
                <LabelTag label={c.label} labels={p.labels} />{' '}
                <Quote text={cpSlice(p.text, c.start, c.end)} />
                <span className="who">
                  {c.annotators.map(p.nameOf).join(', ')} ({c.annotators.length}/
                  {p.proposers.length}) · {state(c)}
                </span>
              </li>
            ))}
          </ul>
          <h3>Gold ({p.gold.length})</h3>
          {p.gold.length === 0 ? (
            <p className="empty">Nothing accepted in this passage yet.</p>
          ) : (
            <ul aria-label="Gold spans in the selected passage">
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
