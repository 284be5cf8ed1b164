/**
 * What the dataset dialogs do, bound to the app's database and host:
 * export, read and import a dataset file, and keep, save and restore
 * backups. The dialogs call these and never the database itself (a lint
 * rule keeps the db instance out of .tsx files); the work is in db/.
 */
import { backupName } from '@core/backup-names.ts';
import type { BackupInfo, HostFile } from '@core/host-contract.ts';
import { BackupReader, type BackupContents } from '@core/formats/backup.ts';
import { splitJsonl } from '@core/jsonl.ts';
import { backupText, exportBackup, profileHasData, restoreBackup } from '../db/backup.ts';
import {
  analyzeFile,
  importDataset,
  type DatasetAnalysis,
  type FileAnalysis,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
} from '../db/dataset-import.ts';
import { db } from '../db/db.ts';
import {
  runExport,
  type ExportOptions,
  type ExportProgress,
  type ExportSummary,
} from '../db/export.ts';
import { host } from '../host/host.ts';

/** Progress of a backup being written: rows out of the total. */
export interface RowProgress {
  done: number;
  total: number;
}

/** Streams an export to a file the analyst picks; null when they cancelled. */
export function exportDataset(
  opts: ExportOptions,
  onProgress: (p: ExportProgress) => void,
): Promise<ExportSummary | null> {
  return runExport(host, db, opts, onProgress);
}

/** Reads and checks a dataset or backup file; nothing is written. */
export function analyzeDatasetFile(
  file: HostFile,
  onProgress: (p: ImportProgress) => void,
): Promise<FileAnalysis> {
  return analyzeFile(db, file, onProgress);
}

/** Writes an analysed dataset in one transaction (or refuses, writing nothing). */
export function importAnalysedDataset(
  analysis: DatasetAnalysis,
  opts: ImportOptions,
): Promise<ImportReport> {
  return importDataset(db, analysis, opts);
}

export { backupKept, onBackupKept } from './backup-events.ts';

/** The backups the host keeps; [] when it cannot list them. */
export function listKeptBackups(): Promise<BackupInfo[]> {
  return host.backupList().catch(() => []);
}

/** Saves a full backup as a file the analyst picks; null when cancelled. */
export function saveBackupFile(
  onProgress: (p: RowProgress) => void,
): Promise<{ path: string } | null> {
  return exportBackup(host, db, onProgress);
}

/** Keeps a full backup in the app's backup store (kept by hand). */
export async function keepBackup(): Promise<BackupInfo> {
  return host.backupWrite(backupName('manual'), await backupText(db));
}

/** Saves a copy of kept backup `name` as a file; its path, or null when cancelled. */
export async function saveCopyOfKept(name: string): Promise<string | null> {
  const data = await host.backupRead(name);
  const handle = await host.exportBegin(name);
  if (!handle) return null;
  try {
    await host.exportWrite(handle.id, data);
    return (await host.exportCommit(handle.id)).path;
  } catch (err) {
    await host.exportAbort(handle.id).catch(() => undefined);
    throw err;
  }
}

/** Reads and checks kept backup `name`; nothing is written. */
export async function readKeptBackup(name: string): Promise<BackupContents> {
  const reader = new BackupReader();
  for (const l of splitJsonl(await host.backupRead(name))) reader.push(l);
  return reader.finish();
}

/** True when the profile holds documents or spans a restore would replace. */
export function hasDataToReplace(): Promise<boolean> {
  return profileHasData(db);
}

/**
 * Replaces the profile with a checked backup. What it replaces is kept
 * first, so restoring the wrong file loses nothing; if that copy cannot be
 * kept, nothing is restored. Returns the copy kept, or null when the
 * profile held nothing.
 */
export async function restoreReplacing(contents: BackupContents): Promise<BackupInfo | null> {
  const before = (await profileHasData(db))
    ? await host.backupWrite(backupName('before-restore'), await backupText(db))
    : null;
  await restoreBackup(db, contents);
  return before;
}
