/** The top bar: app name and the analyst annotating. */
import type { AnnotatorRecord } from '@core/model.ts';
import { DatasetToolbar } from '../datasets/DatasetToolbar.tsx';

export function AppHeader({
  self,
  reviewing = false,
}: {
  self: AnnotatorRecord;
  /** Review or Agreement is open (export then defaults to gold). */
  reviewing?: boolean;
}): React.JSX.Element {
  return (
    <header className="app-header">
      <span className="app-name">Stance Workbench</span>
      <span className="analyst" aria-label="Annotating as">
        Annotating as <strong dir="auto">{self.name}</strong>
      </span>
      <DatasetToolbar self={self} reviewing={reviewing} />
    </header>
  );
}
