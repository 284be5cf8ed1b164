/** The header's dataset controls: export, import dataset, backup. */
import { useState } from 'react';
import type { AnnotatorRecord } from '@core/model.ts';
import { BackupPanel } from './BackupPanel.tsx';
import { DatasetImportDialog } from './DatasetImportDialog.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import './datasets.css';

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
  return (
    <div className="ds-toolbar" role="toolbar" aria-label="Datasets">
      <button type="button" onClick={() => setOpen('import')}>
        Import dataset…
      </button>
      <button type="button" onClick={() => setOpen('export')}>
        Export…
      </button>
      <button type="button" onClick={() => setOpen('backup')}>
        Backup…
      </button>
      {open === 'export' && <ExportDialog self={self} onClose={close} defaultGold={reviewing} />}
      {open === 'import' && <DatasetImportDialog self={self} onClose={close} />}
      {open === 'backup' && <BackupPanel onClose={close} />}
    </div>
  );
}
