/**
 * Backup and restore: save a full backup file, keep one in the app's
 * backup store, and restore from either. A restore checks the whole file
 * first, asks before replacing a profile that has data, and writes in one
 * transaction.
 */
import { backupName, KEEP_PER_KIND } from '@core/backup-names.ts';
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '@core/host-contract.ts';
import type { BackupContents } from '@core/formats/backup.ts';
import { BackupReader } from '@core/formats/backup.ts';
import { splitJsonl } from '@core/jsonl.ts';
import { db } from '../db/db.ts';
import { analyzeFile, unreadableMessage } from '../db/dataset-import.ts';
import { backupText, exportBackup, profileHasData, restoreBackup } from '../db/backup.ts';
import { host } from '../host/host.ts';
import { DatasetDialog, ProgressBar, DialogOutcome } from './DatasetDialog.tsx';

interface Pending {
  source: string;
  contents: BackupContents;
}

function rows(c: BackupContents): string {
  return Object.entries(c.tables)
    .map(([t, r]) => `${r.length} ${t}`)
    .join(', ');
}

export function BackupPanel({ onClose }: { onClose: () => void }): React.JSX.Element {
  const [stored, setStored] = useState<BackupInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    host
      .backupList()
      .then(setStored)
      .catch(() => setStored([]));
  }, []);
  useEffect(refresh, [refresh]);

  async function task(fn: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const saveFile = (): Promise<void> =>
    task(async () => {
      const r = await exportBackup(host, db, setProgress);
      setMessage(r ? `Backup saved to ${r.path}.` : 'Backup cancelled.');
    });

  const saveStored = (): Promise<void> =>
    task(async () => {
      const info = await host.backupWrite(backupName('manual'), await backupText(db));
      setMessage(`Backup ${info.name} kept in the app.`);
      refresh();
    });

  async function check(source: string, contents: BackupContents): Promise<void> {
    if (contents.errors.length > 0 || !contents.header) {
      const e = contents.errors[0];
      setError(
        `${source} cannot be restored: ${e ? `${e.line > 0 ? `line ${e.line}: ` : ''}${e.message}` : 'not a backup'}. Nothing was changed.`,
      );
      return;
    }
    if (await profileHasData(db)) setPending({ source, contents });
    else await restore({ source, contents });
  }

  async function restore(p: Pending): Promise<void> {
    setPending(null);
    // What the restore replaces is kept first: restoring the wrong file
    // must not lose today's work. If that copy fails, nothing is restored.
    const before = (await profileHasData(db))
      ? await host.backupWrite(backupName('before-restore'), await backupText(db))
      : null;
    await restoreBackup(db, p.contents);
    setMessage(
      `Restored ${p.source}: ${rows(p.contents)}.` +
        (before ? ` What it replaced is kept as ${before.name}.` : ''),
    );
    refresh();
  }

  const restoreFile = (): Promise<void> =>
    task(async () => {
      const [file] = await host.openFiles();
      if (!file) return;
      if (file.error) {
        setError(`${file.name}: ${file.error}.`);
        return;
      }
      const a = await analyzeFile(db, file, setProgress);
      if (a.kind === 'unreadable') {
        setError(unreadableMessage(a));
        return;
      }
      if (a.kind !== 'backup') {
        setError(`${file.name} is not a backup file (import datasets with Import dataset).`);
        return;
      }
      await check(file.name, a.contents);
    });

  const copyStored = (name: string): Promise<void> =>
    task(async () => {
      const data = await host.backupRead(name);
      const handle = await host.exportBegin(name);
      if (!handle) return setMessage('Cancelled.');
      try {
        await host.exportWrite(handle.id, data);
        const { path } = await host.exportCommit(handle.id);
        setMessage(`A copy of ${name} was saved to ${path}.`);
      } catch (err) {
        await host.exportAbort(handle.id);
        throw err;
      }
    });

  const restoreStored = (name: string): Promise<void> =>
    task(async () => {
      const reader = new BackupReader();
      for (const l of splitJsonl(await host.backupRead(name))) reader.push(l);
      await check(name, reader.finish());
    });

  return (
    <DatasetDialog title="Backup and restore" onClose={onClose} busy={busy}>
      <p className="ds-status">
        A backup holds every document, span, annotator, label, status and setting of this profile in
        one file. The app keeps the newest {KEEP_PER_KIND} daily backups, the newest {KEEP_PER_KIND}{' '}
        kept by hand, and a copy of your data before each restore.
      </p>
      <div className="ds-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" onClick={() => void saveFile()} disabled={busy}>
          Save backup file…
        </button>
        <button type="button" onClick={() => void saveStored()} disabled={busy}>
          Keep a backup in the app
        </button>
        <button type="button" onClick={() => void restoreFile()} disabled={busy}>
          Restore from file…
        </button>
      </div>
      {progress && (
        <ProgressBar label="Backup progress" done={progress.done} total={progress.total} />
      )}
      {stored.length > 0 && (
        <ul className="ds-backups" aria-label="Backups kept in the app">
          {stored.map((b) => (
            <li key={b.name}>
              <span>
                {b.name} · {(b.size / 1024).toFixed(0)} KB
              </span>
              <button
                type="button"
                aria-label={`Save a copy of ${b.name}`}
                disabled={busy}
                onClick={() => void copyStored(b.name)}
              >
                Save a copy…
              </button>
              <button
                type="button"
                aria-label={`Restore ${b.name}`}
                disabled={busy}
                onClick={() => void restoreStored(b.name)}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      {pending && (
        <div role="alertdialog" aria-label="Replace this profile?" className="ds-field">
          <p>
            This profile already has documents or spans. Restoring {pending.source} (
            {rows(pending.contents)}) replaces everything in it.
          </p>
          <div className="ds-actions">
            <button type="button" onClick={() => setPending(null)}>
              Keep my data
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void task(() => restore(pending))}
            >
              Replace with the backup
            </button>
          </div>
        </div>
      )}
      <DialogOutcome status={message} error={error} />
    </DatasetDialog>
  );
}
