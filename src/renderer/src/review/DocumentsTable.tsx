/**
 * The documents of the agreement set, most disagreement first: each row
 * opens the document's review view, says its adjudication state (gold not
 * started, proposals pending, adjudicated), and its counts open the
 * disagreements behind them. A filter keeps the documents that still need
 * adjudication. Shows 50 rows at a time.
 */
import { useState } from 'react';
import type { DocDisagreement } from '@core/agreement/disagreements.ts';
import { KINDS, KIND_TEXT } from './disagreement-text.ts';
import type { EvidenceQuery } from './evidence.ts';
import { GOLD_STATE_TEXT, type DocGold } from './gold-state.ts';

export interface DocRow {
  docId: string;
  title: string;
  annotators: number;
  d: DocDisagreement;
  gold: DocGold;
}

export interface DocumentsTableProps {
  rows: DocRow[];
  onOpenReview: (docId: string) => void;
  onOpen: (q: EvidenceQuery, title: string) => void;
}

const PAGE = 50;

export function DocumentsTable({
  rows,
  onOpenReview,
  onOpen,
}: DocumentsTableProps): React.JSX.Element {
  const [shown, setShown] = useState(PAGE);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const list = onlyOpen ? rows.filter((r) => r.gold.state !== 'adjudicated') : rows;
  return (
    <section className="doc-table" aria-labelledby="doc-table-h">
      <h3 id="doc-table-h">Documents by disagreement</h3>
      <label className="doc-filter">
        <input type="checkbox" checked={onlyOpen} onChange={() => setOnlyOpen(!onlyOpen)} />
        Only documents that need adjudication (
        {rows.filter((r) => r.gold.state !== 'adjudicated').length})
      </label>
      <table aria-label="Documents by disagreement">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Annotators</th>
            <th scope="col">Gold</th>
            <th scope="col">Disagreeing regions</th>
            {KINDS.map((k) => (
              <th scope="col" key={k} className="kind-col">
                of kind: {KIND_TEXT[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.slice(0, shown).map((r) => (
            <tr key={r.docId}>
              <td>
                <button
                  type="button"
                  className="link"
                  dir="auto"
                  aria-label={`Review ${r.title}`}
                  onClick={() => onOpenReview(r.docId)}
                >
                  {r.title}
                </button>
              </td>
              <td className="n">{r.annotators}</td>
              <td className={`gold-state gs-${r.gold.state}`}>
                {GOLD_STATE_TEXT[r.gold.state]}
                {r.gold.state !== 'adjudicated' && r.gold.proposals > 0 && (
                  <span className="muted">
                    {' '}
                    ({r.gold.pending} of {r.gold.proposals} undecided)
                  </span>
                )}
              </td>
              <td className="n">
                <button
                  type="button"
                  className="num"
                  aria-label={`Disagreements in ${r.title}: ${r.d.score}`}
                  onClick={() =>
                    onOpen({ kind: 'doc', docId: r.docId }, `disagreements in ${r.title}`)
                  }
                >
                  {r.d.score}
                </button>
              </td>
              {KINDS.map((kind) => (
                <td className="n" key={kind}>
                  <button
                    type="button"
                    className="num"
                    aria-label={`${KIND_TEXT[kind]} in ${r.title}: ${r.d.counts[kind]}`}
                    onClick={() =>
                      onOpen(
                        { kind: 'doc', docId: r.docId, only: kind },
                        `${KIND_TEXT[kind]} in ${r.title}`,
                      )
                    }
                  >
                    {r.d.counts[kind]}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        A disagreeing region can be of more than one kind, so the kinds need not add up to the
        regions.
      </p>
      {list.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, list.length - shown)} more of {list.length - shown}
        </button>
      )}
    </section>
  );
}
