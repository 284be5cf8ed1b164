/**
 * The actors × labels table of the Analysis view: one row per holder, a
 * count per label (each a button showing the statements behind it), the
 * total, and a mark on counts that include statements annotators disagree on.
 * Rows come largest first, a page at a time (a project may have hundreds of
 * holders: the first page paints at once, the rest on request).
 */
import { useState } from 'react';
import { SEVERAL_LABELS } from '@core/actors/analysis.ts';
import type { AnalysisSummary } from '@core/actors/analysis-summary.ts';
import { useT, type Translate } from '../i18n/T.tsx';
import { useNumber } from '../i18n/useNumber.ts';
import { useHolderName } from './useHolderName.ts';

/** Rows shown at first, and added by each "show more". */
export const ROWS_PAGE = 100;

/** A cell of the table: a holder row and a column. */
export interface CellRef {
  row: string;
  column: string;
}

/** Props of AnalysisTable. */
export interface AnalysisTableProps {
  view: AnalysisSummary;
  /** False while the counts are from before a change and being recomputed. */
  current: boolean;
  /** Label key → display name. */
  labelNames: ReadonlyMap<string, string>;
  selected: CellRef | null;
  onSelect: (cell: CellRef | null) => void;
}

/** The column's display name. */
export function columnName(
  column: string,
  labelNames: ReadonlyMap<string, string>,
  t: Translate,
): string {
  return column === SEVERAL_LABELS ? t('analysis.several') : (labelNames.get(column) ?? column);
}

/** The table of counts. */
export function AnalysisTable({
  view,
  current,
  labelNames,
  selected,
  onSelect,
}: AnalysisTableProps): React.JSX.Element {
  const t = useT();
  const num = useNumber();
  const holderName = useHolderName();
  const [shown, setShown] = useState(ROWS_PAGE);
  // The selected row stays in view, even past the page.
  const upTo = Math.max(shown, view.rows.findIndex((r) => r.key === selected?.row) + 1);
  const rest = view.rows.length - upTo;
  return (
    <>
      <table
        className={current ? 'analysis-table' : 'analysis-table updating'}
        aria-label={t('analysis.table')}
        aria-busy={!current}
      >
        <thead>
          <tr>
            <th scope="col">{t('analysis.holder')}</th>
            {view.columns.map((c) => (
              <th scope="col" key={c}>
                {columnName(c, labelNames, t)}
              </th>
            ))}
            <th scope="col">{t('analysis.total')}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.slice(0, upTo).map((r) => (
            <tr key={r.key}>
              <th scope="row" className={`holder-${r.holder.kind}`}>
                <span dir="auto" lang={r.holder.kind === 'actor' ? 'ar' : undefined}>
                  {holderName(r.holder)}
                </span>
                {r.holder.nameEn && r.holder.nameEn !== r.holder.name && (
                  <span className="holder-en" dir="ltr">
                    {r.holder.nameEn}
                  </span>
                )}
              </th>
              {view.columns.map((c) => {
                const n = r.counts[c] ?? 0;
                const disputed = r.disputed[c] ?? 0;
                const on = selected?.row === r.key && selected.column === c;
                return (
                  <td key={c} className="count">
                    {n === 0 ? (
                      <span className="zero">{num(0)}</span>
                    ) : (
                      <button
                        type="button"
                        aria-pressed={on}
                        aria-label={t('analysis.cell', {
                          n,
                          column: columnName(c, labelNames, t),
                          holder: holderName(r.holder),
                        })}
                        onClick={() => onSelect(on ? null : { row: r.key, column: c })}
                      >
                        {num(n)}
                        {disputed > 0 && <span className="disputed-mark"> ⚑{num(disputed)}</span>}
                      </button>
                    )}
                  </td>
                );
              })}
              <td className="count total">{num(r.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('analysis.totals')}</th>
            {view.columns.map((c) => (
              <td key={c} className="count">
                {num(view.totals.counts[c] ?? 0)}
              </td>
            ))}
            <td className="count total">{num(view.totals.total)}</td>
          </tr>
        </tfoot>
      </table>
      {rest > 0 && (
        <button type="button" className="more-rows" onClick={() => setShown(upTo + ROWS_PAGE)}>
          {t('analysis.moreRows', { n: Math.min(ROWS_PAGE, rest), rest })}
        </button>
      )}
    </>
  );
}
