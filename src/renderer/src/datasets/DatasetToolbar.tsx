/** The header's dataset controls: export, import dataset, backup. */
import { useState } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import { T, useT } from '../i18n/T.tsx';
import './datasets.css';
import { Lazy, lazyPart } from '../components/Lazy.tsx';

// The dialogs are loaded on demand, the first time one opens
// (docs/architecture.md, What loads when).
const DatasetImportDialog = lazyPart(
  () => import('./DatasetImportDialog.tsx'),
  (m) => m.DatasetImportDialog,
);

const ExportDialog = lazyPart(
  () => import('./ExportDialog.tsx'),
  (m) => m.ExportDialog,
);

const BackupPanel = lazyPart(
  () => import('./BackupPanel.tsx'),
  (m) => m.BackupPanel,
);

type Open = 'export' | 'import' | 'backup' | null;

export function DatasetToolbar({
  self,
  reviewing = false,
}: {
  self: AnnotatorRecord;
  /** The Review or Agreement tab is open: export defaults to gold. */
  reviewing?: boolean;
}): React.JSX.Element {
  const [open, setOpen] = useState<Open>(null);
  const close = (): void => setOpen(null);
  const t = useT();
  return (
    <div className="ds-toolbar" role="toolbar" aria-label={t('datasets.toolbar')}>
      <button type="button" onClick={() => setOpen('import')}>
        <T id="datasets.import" />
      </button>
      <button type="button" onClick={() => setOpen('export')}>
        <T id="datasets.export" />
      </button>
      <button type="button" onClick={() => setOpen('backup')}>
        <T id="datasets.backup" />
      </button>
      <Lazy kind="dialog">
        {open === 'export' && <ExportDialog self={self} onClose={close} defaultGold={reviewing} />}
        {open === 'import' && <DatasetImportDialog self={self} onClose={close} />}
        {open === 'backup' && <BackupPanel onClose={close} />}
      </Lazy>
    </div>
  );
}
