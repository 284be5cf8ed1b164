/**
 * The actors × labels table of the Analysis view: one row per holder, a
 * count per label (each a button showing the statements behind it), the
 * total, and a mark on counts that include statements annotators disagree on.
 */
import { SEVERAL_LABELS, type AnalysisView } from '@core/actors/analysis.ts';
import { useT, type Translate } from '../i18n/T.tsx';
import { useNumber } from '../i18n/useNumber.ts';
import { useHolderName } from './useHolderName.ts';

/** A cell of the table: a holder row and a column. */
export interface CellRef {
  row: string;
  column: string;
}

/** Props of AnalysisTable. */
export interface AnalysisTableProps {
  view: AnalysisView;
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
  labelNames,
  selected,
  onSelect,
}: AnalysisTableProps): React.JSX.Element {
  const t = useT();
  const num = useNumber();
  const holderName = useHolderName();
  return (
    <table className="analysis-table" aria-label={t('analysis.table')}>
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
        {view.rows.map((r) => (
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
              const units = r.units[c] ?? [];
              const disputed = units.filter((i) => view.units[i]!.disagreements.length > 0).length;
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
  );
}
