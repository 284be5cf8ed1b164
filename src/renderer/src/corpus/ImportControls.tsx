/**
 * Bringing articles in: the "Open files…" button, files dropped anywhere on
 * the window, and the import report that says, file by file, what was
 * imported, what was already there and what was refused and why.
 */
import { useCallback, useId, useState } from 'react';
import type { HostFile } from '@core/host-contract.ts';
import { fileKind } from '@core/import/file-kind.ts';
import type { AnnotatorRecord } from '@core/model.ts';
import type { ImportOutcome } from '../db/documents.ts';
import { clearFailures, phrase, reportFailure } from '../failures.ts';
import { host } from '../host/host.ts';
import { importArticleFiles } from './actions.ts';
import { useFileDrop } from './useFileDrop.ts';
import { T, useT, type Translate } from '../i18n/T.tsx';
import './import-controls.css';
import { useTitleText } from '../i18n/useTitleText.ts';
import { problemWords } from '../i18n/problems.ts';
import { Lazy, lazyPart } from '../components/Lazy.tsx';

// Loaded on demand, the first time it opens (docs/architecture.md, What loads when).
const DatasetImportDialog = lazyPart(
  () => import('../datasets/DatasetImportDialog.tsx'),
  (m) => m.DatasetImportDialog,
);

const FAILURE = 'import-articles';

export interface ImportControlsProps {
  self: AnnotatorRecord;
  /** Called with the id of the first newly imported document. */
  onImported?: (id: string) => void;
}

function summary(outcomes: ImportOutcome[], t: Translate): string {
  const n = (s: ImportOutcome['status']): number => outcomes.filter((o) => o.status === s).length;
  const parts = [
    t('import.nImported', { count: n('imported') }),
    n('duplicate') > 0 ? t('import.nDuplicate', { count: n('duplicate') }) : '',
    n('error') > 0 ? t('import.nError', { count: n('error') }) : '',
  ].filter(Boolean);
  return t('import.summary', { count: outcomes.length, parts: parts.join(t('list.sep')) });
}

function OutcomeLine({ o }: { o: ImportOutcome }): React.JSX.Element {
  const titleText = useTitleText();
  const t = useT();
  switch (o.status) {
    case 'imported':
      return <T id="import.importedAs" values={{ title: <bdi>{titleText(o.title)}</bdi> }} />;
    case 'duplicate':
      return <T id="import.duplicateAs" values={{ title: <bdi>{titleText(o.title)}</bdi> }} />;
    case 'error':
      return (
        <T
          id="import.notImported"
          values={{ reason: o.problem ? problemWords(t, o.problem) : o.reason }}
        />
      );
  }
}

export function ImportControls({ self, onImported }: ImportControlsProps): React.JSX.Element {
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  // Datasets among the files go, one at a time, through the interactive
  // dataset import (bad lines, unknown labels, whose spans they are).
  const [datasets, setDatasets] = useState<HostFile[]>([]);
  const [busy, setBusy] = useState(false);
  const reportId = useId();
  const t = useT();

  const run = useCallback(
    async (files: HostFile[]): Promise<void> => {
      if (files.length === 0) return;
      // A file the host could not read is reported with the articles.
      const data = files.filter((f) => fileKind(f.name) === 'dataset' && !f.error);
      const articles = files.filter((f) => fileKind(f.name) !== 'dataset' || f.error);
      if (data.length > 0) setDatasets((d) => [...d, ...data]);
      if (articles.length === 0) return;
      setBusy(true);
      clearFailures(FAILURE);
      try {
        const result = await importArticleFiles(articles);
        setOutcomes(result);
        const first = result.find((o) => o.status === 'imported');
        if (first && first.status === 'imported') onImported?.(first.id);
      } catch (err) {
        reportFailure(
          { key: FAILURE, what: phrase('import.task.articles'), where: phrase('import.where') },
          err,
        );
      } finally {
        setBusy(false);
      }
    },
    [onImported],
  );

  const dragging = useFileDrop((files) => void run(files));

  async function open(): Promise<void> {
    try {
      await run(await host.openFiles());
    } catch (err) {
      reportFailure(
        { key: FAILURE, what: phrase('import.task.open'), where: phrase('import.where') },
        err,
      );
    }
  }

  return (
    <div className="import-controls">
      <button type="button" onClick={() => void open()} disabled={busy}>
        <T id="import.open" />
      </button>
      <span className="import-hint">
        <T id="import.hint" />
      </span>
      {busy && (
        <p role="status" className="import-busy">
          <T id="import.busy" />
        </p>
      )}
      {outcomes && (
        <section className="import-report" role="region" aria-labelledby={reportId}>
          <h2 id={reportId}>
            <T id="import.report" />
          </h2>
          <p role="status">{summary(outcomes, t)}</p>
          <ul>
            {outcomes.map((o, i) => (
              <li key={i} className={`import-${o.status}`}>
                <T
                  id="import.line"
                  values={{
                    file: <strong dir="auto">{o.file}</strong>,
                    what: <OutcomeLine o={o} />,
                  }}
                />
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setOutcomes(null)}>
            <T id="failure.dismiss" />
          </button>
        </section>
      )}
      <Lazy kind="dialog">
        {datasets[0] && (
          <DatasetImportDialog
            key={`${datasets.length}:${datasets[0].name}`}
            self={self}
            initialFiles={[datasets[0]]}
            onClose={() => setDatasets((d) => d.slice(1))}
          />
        )}
      </Lazy>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <T id="import.drop" />
        </div>
      )}
    </div>
  );
}
