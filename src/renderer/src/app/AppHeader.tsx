/**
 * The top bar: app name, the analyst annotating, team status, the dataset
 * tools, and the display settings (language, digits) that apply at once
 * and are remembered.
 */
import type { AnnotatorRecord } from '@core/model.ts';
import { DatasetToolbar } from '../datasets/DatasetToolbar.tsx';
import { TeamStatus } from '../team/TeamStatus.tsx';
import { T, useT } from '../i18n/T.tsx';
import { DisplaySettings } from './DisplaySettings.tsx';
import './app-header.css';

export function AppHeader({
  self,
  reviewing = false,
}: {
  self: AnnotatorRecord;
  /** Review or Agreement is open (export then defaults to gold). */
  reviewing?: boolean;
}): React.JSX.Element {
  const t = useT();
  return (
    <header className="app-header">
      <span className="app-name">
        <T id="app.name" />
      </span>
      <span className="analyst" aria-label={t('header.annotatingAsLabel')}>
        <T
          id="header.annotatingAs"
          values={{ name: self.name, b: (c) => <strong dir="auto">{c}</strong> }}
        />
      </span>
      <TeamStatus self={self} />
      <DatasetToolbar self={self} reviewing={reviewing} />
      <DisplaySettings />
    </header>
  );
}
