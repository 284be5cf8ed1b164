/**
 * Runs the automatic daily backup once the profile holds documents (e.g.
 * once the sample corpus has loaded), then hourly while the app is open.
 *
 * The first check of a session waits for the first quiet moment (quiet.ts:
 * no write and no input for a few seconds, then idle), not for the first
 * idle moment after start: a due backup reads every table in one
 * transaction, which held up the document list, the analyst's first edits,
 * and (a tab closed meanwhile) the next start's database open. The backup
 * code itself is loaded only then.
 */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useEffect } from 'react';
import { db } from '../db/db.ts';
import { phrase, reportFailure } from '../failures.ts';
import { host } from '../host/host.ts';
import { whenQuiet } from '../quiet.ts';
import { backupKept } from './backup-events.ts';

const HOUR = 60 * 60 * 1000;

/** Keeps today's automatic backup; reports a failure like any failed write. */
export function useAutoBackup(): void {
  // One key, not a count: counting walks every article (seconds at 10,000
  // on a busy machine), in the way of the document list's reads at start.
  const hasDocuments = useLiveQuery(
    async () => (await db.documents.limit(1).primaryKeys()).length > 0,
    [],
    false,
  );
  useEffect(() => {
    if (!hasDocuments) return;
    let cancelled = false;
    const run = (): void => {
      performance.mark('stance:backup-start');
      import('../db/auto-backup.ts')
        .then(({ backupIfDue }) => backupIfDue(db, host))
        .then((kept) => {
          if (kept) backupKept();
        })
        .catch((err: unknown) => {
          if (!cancelled)
            reportFailure(
              {
                key: 'auto-backup',
                what: phrase('failureTask.autoBackup'),
                where: phrase('failureWhere.autoBackups'),
              },
              err,
            );
        });
    };
    const cancelFirst = whenQuiet(run);
    const timer = setInterval(run, HOUR);
    return () => {
      cancelled = true;
      cancelFirst();
      clearInterval(timer);
    };
  }, [hasDocuments]);
}
