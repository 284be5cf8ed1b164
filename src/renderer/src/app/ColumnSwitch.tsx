/**
 * In a narrow window the document list and the side panel share one column
 * and are shown one at a time: this pair of toggle buttons (aria-pressed)
 * chooses which, so each gets the whole column instead of half of it.
 */
import { useT } from '../i18n/T.tsx';

/** What the shared column shows. */
export type Column = 'list' | 'side';

/** The switch; `sideName` is the side panel's name in the current mode. */
export function ColumnSwitch({
  column,
  sideName,
  onChange,
}: {
  column: Column;
  sideName: string;
  onChange: (column: Column) => void;
}): React.JSX.Element {
  const t = useT();
  const choice = (value: Column, name: string): React.JSX.Element => (
    <button type="button" aria-pressed={column === value} onClick={() => onChange(value)}>
      {name}
    </button>
  );
  return (
    <div role="group" aria-label={t('workbench.panels')} className="column-switch">
      {choice('list', t('workbench.documents'))}
      {choice('side', sideName)}
    </div>
  );
}
