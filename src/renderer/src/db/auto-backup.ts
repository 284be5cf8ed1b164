/**
 * Automatic daily backups: the first time the workbench runs on a given day
 * (and every hour it stays open), a full backup is kept through the host
 * (desktop: the user-data folder; browser: a separate IndexedDB database),
 * which prunes all but the newest few. Restoring is done from the Backup panel.
 */
import { backupKind, backupName } from '@core/backup-names.ts';
import type { BackupInfo, Host } from '@core/host-contract.ts';
import { backupText, profileHasData } from './backup.ts';
import type { WorkbenchDb } from './schema.ts';

/** Local midnight of `now`, in ms. */
function startOfDay(now: Date): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
}

/**
 * Keeps a backup when none was kept today and the profile holds data.
 * Returns the new backup, or null when none was due.
 */
export async function backupIfDue(
  db: WorkbenchDb,
  host: Pick<Host, 'backupList' | 'backupWrite'>,
  now = new Date(),
): Promise<BackupInfo | null> {
  if (!(await profileHasData(db))) return null;
  const kept = await host.backupList();
  // Only a daily backup counts: one kept by hand today does not replace it.
  const today = startOfDay(now);
  if (kept.some((b) => backupKind(b.name) === 'daily' && b.modifiedAt >= today)) return null;
  return host.backupWrite(backupName('daily', now), await backupText(db));
}
