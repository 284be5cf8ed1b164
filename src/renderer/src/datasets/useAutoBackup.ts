/**
 * Runs the automatic daily backup as soon as the profile holds documents
 * (e.g. once the sample corpus has loaded), then hourly while the app is open.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { backupIfDue } from '../db/auto-backup.ts';
import { db } from '../db/db.ts';
import { phrase, reportFailure } from '../failures.ts';
import { host } from '../host/host.ts';
import { whenIdle } from '../idle.ts';
import { backupKept } from './actions.ts';

const HOUR = 60 * 60 * 1000;

/** Keeps today's automatic backup; reports a failure like any failed write. */
export function useAutoBackup(): void {
  const hasDocuments = useLiveQuery(async () => (await db.documents.count()) > 0, [], false);
  useEffect(() => {
    if (!hasDocuments) return;
    let cancelled = false;
    const run = (): void => {
      backupIfDue(db, host)
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
    // The first check waits until start-up is over: a due backup reads
    // every table, which must not hold up the document list.
    const cancelFirst = whenIdle(run);
    const timer = setInterval(run, HOUR);
    return () => {
      cancelled = true;
      cancelFirst();
      clearInterval(timer);
    };
  }, [hasDocuments]);
}
