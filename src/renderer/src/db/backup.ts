/**
 * Full backups of a profile: every table written as one JSONL file (format
 * in src/core/formats/backup.ts and docs/formats.md), and restore, which
 * checks the whole file first and then replaces the profile's data in one
 * transaction. Tables are taken from the live schema, so a table added by a
 * later schema version is backed up too.
 */
import type { LineError } from '@core/jsonl.ts';
import { problem, ProblemError, type Problem } from '@core/problems/problem.ts';
import { backupName } from '@core/backup-names.ts';
import type { Host } from '@core/host-contract.ts';
import {
  isTransientSetting,
  writeBackupHeader,
  writeBackupRow,
  type BackupContents,
} from '@core/formats/backup.ts';
import type { DocumentRecord } from '@core/model.ts';
import { AWAY_KEY, CONFIG_KEY } from '../sync/meta.ts';
import { SYNC_TABLES } from '../sync/tables.ts';
import { DERIVED_TABLES } from './derived.ts';
import { currentDerivedMarker } from './derived-check.ts';
import { setSetting } from './settings.ts';
import { storeDocuments } from './store-documents.ts';
import type { WorkbenchDb } from './schema.ts';
import { DB_VERSION } from './schema.ts';

const ROWS_PER_CHUNK = 2000;

function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Writes a full backup through `write`, chunk by chunk. All tables are read
 * in one read transaction, so the backup is a consistent snapshot.
 */
export async function writeBackup(
  db: WorkbenchDb,
  write: (chunk: string) => Promise<void>,
  onProgress?: (p: { done: number; total: number }) => void,
): Promise<Record<string, number>> {
  const tables = storedTables(db).sort();
  const snapshot = await db.transaction('r', tables, async () => {
    const out: Record<string, unknown[]> = {};
    for (const name of tables) out[name] = await db.table(name).toArray();
    return out;
  });
  // The derived-tables marker describes rows a backup leaves out.
  snapshot.settings = (snapshot.settings ?? []).filter((s) => {
    const key = (s as { key: string }).key;
    return !isTransientSetting(key) && key !== 'derivedTables';
  });
  const counts = Object.fromEntries(tables.map((t) => [t, snapshot[t]!.length]));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  await write(writeBackupHeader(counts, DB_VERSION, new Date(), __APP_VERSION__));
  let done = 0;
  for (const name of tables) {
    const rows = snapshot[name]!;
    for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
      let text = '';
      for (const row of rows.slice(i, i + ROWS_PER_CHUNK)) text += writeBackupRow(name, row);
      await write(text);
      done += Math.min(ROWS_PER_CHUNK, rows.length - i);
      onProgress?.({ done, total });
      await yieldToUi();
    }
  }
  return counts;
}

/** A whole backup as one string (for the host's automatic backups). */
export async function backupText(db: WorkbenchDb): Promise<string> {
  const parts: string[] = [];
  await writeBackup(db, async (c) => {
    parts.push(c);
  });
  return parts.join('');
}

/** Saves a backup file through the host's export (file dialog or download). */
export async function exportBackup(
  host: Host,
  db: WorkbenchDb,
  onProgress?: (p: { done: number; total: number }) => void,
): Promise<{ path: string } | null> {
  const handle = await host.exportBegin(backupName('daily'));
  if (!handle) return null;
  try {
    await writeBackup(db, (c) => host.exportWrite(handle.id, c), onProgress);
    return await host.exportCommit(handle.id);
  } catch (err) {
    await host.exportAbort(handle.id).catch(() => undefined);
    throw err;
  }
}

/**
 * The tables a backup holds: all but the derived ones, which are
 * recomputed, and the team project's bookkeeping, which belongs to this
 * machine's connection (a restored profile connects afresh).
 */
function storedTables(db: WorkbenchDb): string[] {
  return db.tables
    .map((t) => t.name)
    .filter((t) => !DERIVED_TABLES.includes(t) && !SYNC_TABLES.includes(t));
}

/**
 * Why a backup's contents do not check, from its first error: located at its
 * line when it has one (0: about the file as a whole), else "not a backup".
 */
export function backupErrorProblem(first: LineError | undefined): Problem {
  if (!first) return problem('restore.noHeader');
  const why = first.problem ?? problem('unexpected', { detail: first.message });
  return first.line > 0 ? problem('lineAt', { line: first.line, reason: why }) : why;
}

/** True when the profile holds documents or spans a restore would replace. */
export async function profileHasData(db: WorkbenchDb): Promise<boolean> {
  return (await db.documents.count()) > 0 || (await db.spans.count()) > 0;
}

/**
 * Replaces every table with the backup's rows, in one transaction. Refuses
 * (writing nothing) a backup with errors or with tables this version lacks.
 */
export async function restoreBackup(db: WorkbenchDb, contents: BackupContents): Promise<void> {
  if (!contents.header || contents.errors.length > 0) {
    throw new ProblemError(
      problem('restore.invalid', { reason: backupErrorProblem(contents.errors[0]) }),
    );
  }
  const names = new Set(storedTables(db));
  const unknown = Object.keys(contents.tables).filter((t) => !names.has(t));
  if (unknown.length > 0)
    throw new ProblemError(problem('restore.unknownTables', { tables: unknown.join(', ') }));
  const derived = DERIVED_TABLES.map((t) => db.table(t));
  const sync = [db.syncMeta.name, db.outbox.name];
  await db.transaction('rw', [...names, ...derived.map((t) => t.name), ...sync], async () => {
    // Disconnected, the profile forgets the project it left: what it held
    // before the restore is not deleted from that project on the next
    // connection (sync/outbox.ts records deletions against it). Connected,
    // the restored work is what the project gets.
    if (!(await db.syncMeta.get(CONFIG_KEY))) {
      await db.syncMeta.delete(AWAY_KEY);
      await db.outbox.clear();
    }
    for (const t of derived) await t.clear();
    for (const name of names) {
      const table = db.table(name);
      await table.clear();
      const rows = contents.tables[name] ?? [];
      for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
        const chunk = rows.slice(i, i + ROWS_PER_CHUNK);
        if (name !== 'documents') {
          await table.bulkAdd(chunk);
          continue;
        }
        // Documents go the one way documents are stored: with their list
        // rows and tokens (the span counts follow the spans' adds).
        const docs = chunk as DocumentRecord[];
        const added = await storeDocuments(db, docs);
        const twice = docs.find((d) => !added.has(d.id));
        if (twice) throw new ProblemError(problem('restore.duplicateDocument', { doc: twice.id }));
      }
    }
    // The derived rows were made by this build, whatever the backup says.
    await setSetting(db, 'derivedTables', currentDerivedMarker());
  });
}
