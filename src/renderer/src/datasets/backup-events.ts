/**
 * "A backup was kept": the automatic backup (useAutoBackup, in the first
 * bundle) tells an open backup list (BackupPanel, loaded on demand) without
 * either loading the other's code.
 */
const keptListeners = new Set<() => void>();

/**
 * Calls `fn` whenever a backup is kept in the app (automatically or by
 * hand), so an open backup list shows it; returns the unsubscribe.
 */
export function onBackupKept(fn: () => void): () => void {
  keptListeners.add(fn);
  return () => void keptListeners.delete(fn);
}

/** Tells the listeners of onBackupKept that a backup was kept. */
export function backupKept(): void {
  for (const fn of keptListeners) fn();
}
