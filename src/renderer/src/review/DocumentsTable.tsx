/**
 * The documents of the agreement set, most disagreement first; each row
 * opens the document's review view, and its score opens the disagreements
 * behind it. Shows 50 rows at a time.
 */
import { useState } from 'react';
import type { DisagreementKind, DocDisagreement } from '@core/agreement/disagreements.ts';
import type { EvidenceQuery } from './evidence.ts';

export interface DocRow {
  docId: string;
  title: string;
  annotators: number;
  d: DocDisagreement;
}

export interface DocumentsTableProps {
  rows: DocRow[];
  onOpenReview: (docId: string) => void;
  onOpen: (q: EvidenceQuery, title: string) => void;
}

const PAGE = 50;

const KINDS: [DisagreementKind, string][] = [
  ['missing', 'spans only some annotators have'],
  ['label', 'same extent, different label'],
  ['extent', 'overlapping, different extent'],
];

export function DocumentsTable({
  rows,
  onOpenReview,
  onOpen,
}: DocumentsTableProps): React.JSX.Element {
  const [shown, setShown] = useState(PAGE);
  return (
    <section className="doc-table" aria-labelledby="doc-table-h">
      <h3 id="doc-table-h">Documents by disagreement</h3>
      <table aria-label="Documents by disagreement">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Annotators</th>
            <th scope="col">Disagreements</th>
            <th scope="col">Only some</th>
            <th scope="col">Label</th>
            <th scope="col">Extent</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((r) => (
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
              {KINDS.map(([kind, name]) => (
                <td className="n" key={kind}>
                  <button
                    type="button"
                    className="num"
                    aria-label={`${name} in ${r.title}: ${r.d.counts[kind]}`}
                    onClick={() =>
                      onOpen({ kind: 'doc', docId: r.docId, only: kind }, `${name} in ${r.title}`)
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
      {rows.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, rows.length - shown)} more of {rows.length - shown}
        </button>
      )}
    </section>
  );
}
