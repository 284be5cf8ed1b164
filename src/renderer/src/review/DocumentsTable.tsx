/**
 * The documents of the agreement set, most disagreement first: each row
 * opens the document's review view, says its adjudication state (gold not
 * started, proposals pending, adjudicated), and its counts open the
 * disagreements behind them. A filter keeps the documents that still need
 * adjudication. Shows 50 rows at a time.
 */
import { useState } from 'react';
import type { DocRow } from './dashboard-summary.ts';
import { KINDS, KIND_TEXT } from './disagreement-text.ts';
import type { EvidenceQuery } from './evidence.ts';
import { GOLD_STATE_TEXT } from './gold-state.ts';
import { useT } from '../i18n/T.tsx';

export type { DocRow };

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
  const t = useT();
  const list = onlyOpen ? rows.filter((r) => r.gold.state !== 'adjudicated') : rows;
  return (
    <section className="doc-table" aria-labelledby="doc-table-h">
      <h3 id="doc-table-h">{t('docTable.title')}</h3>
      <label className="doc-filter">
        <input type="checkbox" checked={onlyOpen} onChange={() => setOnlyOpen(!onlyOpen)} />
        {t('docTable.onlyOpen', {
          count: rows.filter((r) => r.gold.state !== 'adjudicated').length,
        })}
      </label>
      <table aria-label={t('docTable.title')}>
        <thead>
          <tr>
            <th scope="col">{t('docTable.document')}</th>
            <th scope="col">{t('export.annotators')}</th>
            <th scope="col">{t('review.goldLane')}</th>
            <th scope="col">{t('docTable.regions')}</th>
            {KINDS.map((k) => (
              <th scope="col" key={k} className="kind-col">
                {t('docTable.ofKind', { kind: t(KIND_TEXT[k]) })}
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
                  aria-label={t('docTable.review', { title: r.title })}
                  onClick={() => onOpenReview(r.docId)}
                >
                  {r.title}
                </button>
              </td>
              <td className="n">{r.annotators}</td>
              <td className={`gold-state gs-${r.gold.state}`}>
                {t(GOLD_STATE_TEXT[r.gold.state])}
                {r.gold.state !== 'adjudicated' && r.gold.proposals > 0 && (
                  <span className="muted">
                    {t('docTable.undecided', { n: r.gold.pending, of: r.gold.proposals })}
                  </span>
                )}
              </td>
              <td className="n">
                <button
                  type="button"
                  className="num"
                  aria-label={t('docTable.disIn', { title: r.title, n: r.d.score })}
                  onClick={() =>
                    onOpen(
                      { kind: 'doc', docId: r.docId },
                      t('docTable.disInTitle', { title: r.title }),
                    )
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
                    aria-label={t('docTable.kindIn', {
                      kind: t(KIND_TEXT[kind]),
                      title: r.title,
                      n: r.d.counts[kind],
                    })}
                    onClick={() =>
                      onOpen(
                        { kind: 'doc', docId: r.docId, only: kind },
                        t('docTable.kindInTitle', { kind: t(KIND_TEXT[kind]), title: r.title }),
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
      <p className="muted small">{t('docTable.kindsNote')}</p>
      {list.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          {t('docTable.more', {
            n: Math.min(PAGE, list.length - shown),
            rest: list.length - shown,
          })}
        </button>
      )}
    </section>
  );
}
