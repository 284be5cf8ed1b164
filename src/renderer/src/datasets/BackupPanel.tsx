/**
 * Backup and restore: save a full backup file, keep one in the app's
 * backup store, and restore from either. A restore checks the whole file
 * first, asks before replacing a profile that has data, and writes in one
 * transaction.
 */
import { KEEP_PER_KIND } from '@core/backup-names.ts';
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '@core/host-contract.ts';
import type { BackupContents } from '@core/formats/backup.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { unreadableProblem } from '../db/dataset-import.ts';
import { backupErrorProblem } from '../db/backup.ts';
import { problem, ProblemError } from '@core/problems/problem.ts';
import { clearFailures, phrase, reportFailure, type Phrase } from '../failures.ts';
import { host } from '../host/host.ts';
import {
  analyzeDatasetFile,
  hasDataToReplace,
  keepBackup,
  listKeptBackups,
  onBackupKept,
  readKeptBackup,
  restoreReplacing,
  saveBackupFile,
  saveCopyOfKept,
  type RowProgress,
} from './actions.ts';
import { T, useT, type Translate } from '../i18n/T.tsx';
import './datasets.css';

const FAILURE = 'backup';

interface Pending {
  source: string;
  contents: BackupContents;
}

function rows(c: BackupContents, t: Translate): string {
  return Object.entries(c.tables)
    .map(([table, r]) => t('backup.tableRows', { count: r.length, table }))
    .join(t('list.sep'));
}

export function BackupPanel({ onClose }: { onClose: () => void }): React.JSX.Element {
  const [stored, setStored] = useState<BackupInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RowProgress | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const t = useT();

  const refresh = useCallback(() => {
    void listKeptBackups().then(setStored);
  }, []);
  useEffect(refresh, [refresh]);
  // A backup kept while the panel is open (the daily one) shows at once.
  useEffect(() => onBackupKept(refresh), [refresh]);

  /** Runs one action of the panel; a failure is reported as `what` failed. */
  async function task(what: Phrase, fn: () => Promise<void>): Promise<void> {
    setBusy(true);
    clearFailures(FAILURE);
    setMessage(null);
    try {
      await fn();
    } catch (err) {
      reportFailure({ key: FAILURE, what, where: phrase('backup.title') }, err);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const saveFile = (): Promise<void> =>
    task(phrase('backup.task.saveFile'), async () => {
      const r = await saveBackupFile(setProgress);
      setMessage(r ? t('backup.saved', { path: r.path }) : t('backup.cancelled'));
    });

  const saveStored = (): Promise<void> =>
    task(phrase('backup.task.keep'), async () => {
      const info = await keepBackup();
      setMessage(t('backup.kept', { name: info.name }));
      refresh();
    });

  async function check(source: string, contents: BackupContents): Promise<void> {
    if (contents.errors.length > 0 || !contents.header) {
      throw new ProblemError(
        problem('restore.cannot', { source, reason: backupErrorProblem(contents.errors[0]) }),
      );
    }
    if (await hasDataToReplace()) setPending({ source, contents });
    else await restore({ source, contents });
  }

  async function restore(p: Pending): Promise<void> {
    setPending(null);
    const before = await restoreReplacing(p.contents);
    setMessage(
      t('backup.restored', { source: p.source, rows: rows(p.contents, t) }) +
        (before ? t('backup.replacedKept', { name: before.name }) : ''),
    );
    refresh();
  }

  const restoreFile = (): Promise<void> =>
    task(phrase('backup.task.restoreFile'), async () => {
      const [file] = await host.openFiles();
      if (!file) return;
      if (file.error)
        throw new ProblemError(problem('file.unreadable', { file: file.name, detail: file.error }));
      const a = await analyzeDatasetFile(file, setProgress);
      if (a.kind === 'unreadable') throw new ProblemError(unreadableProblem(a));
      if (a.kind !== 'backup')
        throw new ProblemError(problem('restore.notBackup', { file: file.name }));
      await check(file.name, a.contents);
    });

  const copyStored = (name: string): Promise<void> =>
    task(phrase('backup.task.copy', { name }), async () => {
      const path = await saveCopyOfKept(name);
      setMessage(path ? t('backup.copySaved', { name, path }) : t('backup.copyCancelled'));
    });

  const restoreStored = (name: string): Promise<void> =>
    task(phrase('backup.task.restore', { name }), async () =>
      check(name, await readKeptBackup(name)),
    );

  return (
    <Dialog
      title={t('backup.title')}
      onClose={onClose}
      busy={busy}
      failureKey={FAILURE}
      className="ds-dialog"
    >
      <p className="ds-status">
        <T id="backup.intro" values={{ n: KEEP_PER_KIND }} />
      </p>
      <div className="ds-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" onClick={() => void saveFile()} disabled={busy}>
          <T id="backup.saveFile" />
        </button>
        <button type="button" onClick={() => void saveStored()} disabled={busy}>
          <T id="backup.keep" />
        </button>
        <button type="button" onClick={() => void restoreFile()} disabled={busy}>
          <T id="backup.restoreFile" />
        </button>
      </div>
      {progress && (
        <ProgressBar label={t('backup.progress')} done={progress.done} total={progress.total} />
      )}
      {stored.length > 0 && (
        <ul className="ds-backups" aria-label={t('backup.list')}>
          {stored.map((b) => (
            <li key={b.name}>
              <span>
                <T
                  id="backup.item"
                  values={{ name: <bdi>{b.name}</bdi>, kb: Math.round(b.size / 1024) }}
                />
              </span>
              <button
                type="button"
                aria-label={t('backup.saveCopyOf', { name: b.name })}
                disabled={busy}
                onClick={() => void copyStored(b.name)}
              >
                <T id="backup.saveCopy" />
              </button>
              <button
                type="button"
                aria-label={t('backup.restoreName', { name: b.name })}
                disabled={busy}
                onClick={() => void restoreStored(b.name)}
              >
                <T id="backup.restore" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {pending && (
        <div role="alertdialog" aria-label={t('backup.replaceQ')} className="ds-field">
          <p>
            <T
              id="backup.replaceText"
              values={{ source: <bdi>{pending.source}</bdi>, rows: rows(pending.contents, t) }}
            />
          </p>
          <div className="ds-actions">
            <button type="button" onClick={() => setPending(null)}>
              <T id="backup.keepMine" />
            </button>
            <button
              type="button"
              className="primary"
              onClick={() =>
                void task(phrase('failureTask.restore', { source: pending.source }), () =>
                  restore(pending),
                )
              }
            >
              <T id="backup.replace" />
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role="status" className="ds-status">
          {message}
        </p>
      )}
    </Dialog>
  );
}
