/**
 * Names and retention of the backups the app keeps. Three kinds share one
 * folder (desktop) or store (browser), each with its own newest-N window,
 * so pressing "keep a backup" seven times cannot push out the daily ones,
 * and the copy taken before a restore never pushes out either.
 */

export type BackupKind = 'daily' | 'manual' | 'before-restore';

/** Every backup file name: `stance-backup-[kind-]YYYY-MM-DDTHH-MM-SS.jsonl`. */
export const BACKUP_NAME = /^stance-backup-(?:(manual|before-restore)-)?[\w.-]+\.jsonl$/;

/** How many backups of each kind are kept. */
export const KEEP_PER_KIND = 7;

/** The file name of a backup of `kind` taken at `now`. */
export function backupName(kind: BackupKind, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `stance-backup-${kind === 'daily' ? '' : `${kind}-`}${stamp}.jsonl`;
}

/** The kind of backup file `name` (the daily kind has no word in its name). */
export function backupKind(name: string): BackupKind {
  const m = BACKUP_NAME.exec(name);
  return (m?.[1] as BackupKind | undefined) ?? 'daily';
}

/** The names to delete so that each kind keeps only its newest `keep`. */
export function backupsToPrune(
  backups: readonly { name: string; modifiedAt: number }[],
  keep = KEEP_PER_KIND,
): string[] {
  const byKind = new Map<BackupKind, { name: string; modifiedAt: number }[]>();
  for (const b of backups) {
    const kind = backupKind(b.name);
    byKind.set(kind, [...(byKind.get(kind) ?? []), b]);
  }
  return [...byKind.values()].flatMap((list) =>
    list
      .sort((a, b) => b.modifiedAt - a.modifiedAt || b.name.localeCompare(a.name))
      .slice(keep)
      .map((b) => b.name),
  );
}
