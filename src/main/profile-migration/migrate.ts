/**
 * Moves a profile's IndexedDB data from the old renderer origin (`file://`)
 * to the new one (`app://stance`), once, before the workbench window loads.
 *
 * Chromium keys IndexedDB by origin twice: in the folder name
 * (`IndexedDB/file__0.indexeddb.leveldb`) and inside LevelDB, where every
 * database name is stored under the origin's identifier. Copying the folder
 * to the new origin's name therefore leaves the databases invisible (tried
 * in Chromium: `indexedDB.databases()` is empty). So the data is copied
 * through IndexedDB itself: a hidden page of the old origin reads every
 * database, store, index and record; a hidden page of the new origin
 * recreates them at the same version; the counts are compared.
 *
 * Before the copy, the workbench database is also written as an ordinary
 * backup file (the format of src/core/formats/backup.ts, listed under
 * Backup and restore). The old origin's data is only ever read: it stays on
 * disk untouched. A state file in the user-data folder records the outcome,
 * so this runs once; a copy interrupted half-way is removed from the new
 * origin and redone at the next start.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { backupName } from '../../core/backup-names.ts';
import {
  BACKUP_ROW_SCHEMAS,
  isTransientSetting,
  writeBackupHeader,
  writeBackupRow,
} from '../../core/formats/backup.ts';
import { APP_ORIGIN } from '../app-url.ts';
import { writeFileAtomic } from '../services/atomic-file.ts';
import type { BackupService } from '../services/backups.ts';
import { idbCodec } from './codec.ts';
import { pageScript, type DbSchema, type PageCommand, type RecordBatch } from './idb-page.ts';

/** Chromium's identifier of the `file://` origin (its IndexedDB folder names start with it). */
export const OLD_ORIGIN_ID = 'file__0';
/** The state file, in the user-data folder. */
export const STATE_FILE = 'profile-origin.json';
/** Records per batch: a few MB of articles at most. */
const BATCH = 200;

export type MigrationState = 'copying' | 'done' | 'nothing-to-move' | 'kept-new' | 'declined';

/** What the state file holds. */
export interface MigrationRecord {
  state: MigrationState;
  from: 'file://';
  to: string;
  at: string;
  databases?: string[];
  counts?: Record<string, Record<string, number>>;
  backup?: string | null;
  note?: string;
}

/** A hidden page of one origin that evaluates source text. */
export interface OriginPage {
  evaluate(script: string): Promise<unknown>;
  close(): Promise<void> | void;
}

export interface MigrationDeps {
  /** Chromium's storage folder (Electron's `sessionData`), which holds `IndexedDB/`. */
  sessionDir: string;
  /** Where the state file goes (Electron's `userData`). */
  userDataDir: string;
  backups: Pick<BackupService, 'writeWith'>;
  openOld: () => Promise<OriginPage>;
  openNew: () => Promise<OriginPage>;
  appVersion: string;
  now?: () => Date;
  batchSize?: number;
  log?: (line: string) => void;
}

/** A failed move; `backup` names the backup file written before it failed, if any. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    message: string,
    readonly backup: string | null,
  ) {
    super(message);
  }
}

/** The state file's record, or null when there is none (or it is unreadable). */
export async function readMigrationRecord(userDataDir: string): Promise<MigrationRecord | null> {
  try {
    const v = JSON.parse(await readFile(join(userDataDir, STATE_FILE), 'utf8')) as MigrationRecord;
    return typeof v.state === 'string' ? v : null;
  } catch {
    return null;
  }
}

async function record(
  deps: Pick<MigrationDeps, 'userDataDir' | 'now'>,
  fields: Omit<MigrationRecord, 'from' | 'to' | 'at'>,
): Promise<MigrationRecord> {
  const rec: MigrationRecord = {
    from: 'file://',
    to: APP_ORIGIN,
    at: (deps.now?.() ?? new Date()).toISOString(),
    ...fields,
  };
  await writeFileAtomic(join(deps.userDataDir, STATE_FILE), `${JSON.stringify(rec, null, 2)}\n`);
  return rec;
}

/** True when Chromium's storage folder holds IndexedDB data of the `file://` origin. */
export async function hasOldOriginData(sessionDir: string): Promise<boolean> {
  try {
    const names = await readdir(join(sessionDir, 'IndexedDB'));
    return names.some((n) => n.startsWith(`${OLD_ORIGIN_ID}.indexeddb.`));
  } catch {
    return false;
  }
}

/** Records that the analyst chose to start without the old data (it stays on disk). */
export async function declineMigration(
  deps: Pick<MigrationDeps, 'userDataDir' | 'now'>,
  note: string,
): Promise<void> {
  await record(deps, { state: 'declined', note });
}

/** Typed commands to one origin's IndexedDB through a page. */
class Origin {
  constructor(private readonly page: OriginPage) {}
  private run<T>(cmd: PageCommand): Promise<T> {
    return this.page.evaluate(pageScript(cmd)) as Promise<T>;
  }
  list = () => this.run<{ name: string; version: number }[]>({ op: 'list' });
  schema = (names: string[]) => this.run<DbSchema[]>({ op: 'schema', names });
  read = (db: string, store: string, after: string | null, limit: number) =>
    this.run<RecordBatch>({ op: 'read', db, store, after, limit });
  create = (schema: DbSchema) => this.run<null>({ op: 'create', schema });
  write = (db: string, store: string, records: string) =>
    this.run<null>({ op: 'write', db, store, records });
  count = (db: string) => this.run<Record<string, number>>({ op: 'count', db });
  remove = (names: string[]) => this.run<null>({ op: 'delete', names });
  close = () => this.page.close();
}

/**
 * Runs the move if it is due (see the module comment) and returns what
 * happened. Rejects with a MigrationError when the copy fails; the state
 * then stays `copying`, so the next start removes the partial copy and
 * tries again (unless `declineMigration` is recorded).
 */
export async function migrateProfileOrigin(
  deps: MigrationDeps,
): Promise<{ state: MigrationState; detail: string }> {
  const previous = await readMigrationRecord(deps.userDataDir);
  if (previous && previous.state !== 'copying')
    return { state: previous.state, detail: `already settled (${previous.state})` };
  if (!(await hasOldOriginData(deps.sessionDir))) {
    await record(deps, { state: 'nothing-to-move' });
    return { state: 'nothing-to-move', detail: 'no data under the file:// origin' };
  }
  const log = deps.log ?? (() => undefined);
  let backup: string | null = null;
  const old = new Origin(await deps.openOld());
  try {
    const names = (await old.list()).map((d) => d.name).sort();
    if (names.length === 0) {
      await record(deps, { state: 'nothing-to-move' });
      return { state: 'nothing-to-move', detail: 'the file:// origin holds no database' };
    }
    const neu = new Origin(await deps.openNew());
    try {
      const present = (await neu.list()).map((d) => d.name);
      if (present.length > 0 && previous?.state !== 'copying') {
        await record(deps, { state: 'kept-new', note: `${APP_ORIGIN} already had data` });
        return { state: 'kept-new', detail: `${APP_ORIGIN} already had data; nothing copied` };
      }
      const schema = await old.schema(names);
      await record(deps, { state: 'copying', databases: names });
      const partial = present.filter((n) => names.includes(n));
      if (partial.length > 0) {
        log(`removing the unfinished copy of ${partial.join(', ')}`);
        await neu.remove(partial);
      }
      try {
        backup = await writeProfileBackup(deps, old, schema);
        if (backup) log(`backup written: ${backup}`);
        const counts: Record<string, Record<string, number>> = {};
        for (const db of schema) {
          counts[db.name] = await copyDatabase(deps, old, neu, db);
          log(`copied ${db.name}: ${JSON.stringify(counts[db.name])}`);
        }
        await record(deps, { state: 'done', databases: names, counts, backup });
        return { state: 'done', detail: `copied ${names.join(', ')} to ${APP_ORIGIN}` };
      } catch (err) {
        throw new MigrationError(err instanceof Error ? err.message : String(err), backup);
      }
    } finally {
      await neu.close();
    }
  } catch (err) {
    if (err instanceof MigrationError) throw err;
    throw new MigrationError(err instanceof Error ? err.message : String(err), backup);
  } finally {
    await old.close();
  }
}

/** Copies one database, store by store in key order, then compares the counts. */
async function copyDatabase(
  deps: MigrationDeps,
  old: Origin,
  neu: Origin,
  db: DbSchema,
): Promise<Record<string, number>> {
  await neu.create(db);
  const limit = deps.batchSize ?? BATCH;
  for (const store of db.stores) {
    let after: string | null = null;
    do {
      const batch: RecordBatch = await old.read(db.name, store.name, after, limit);
      if (batch.n > 0) await neu.write(db.name, store.name, batch.records);
      after = batch.last;
    } while (after !== null);
  }
  const counts = await neu.count(db.name);
  for (const store of db.stores) {
    if (counts[store.name] !== store.count)
      throw new Error(
        `${db.name}.${store.name}: ${store.count} records in the old storage, ${counts[store.name] ?? 0} copied`,
      );
  }
  return counts;
}

/**
 * Writes the workbench database (the one with documents and spans) as a
 * backup file in the format the app restores, and returns its name; null
 * when there is no such database.
 */
async function writeProfileBackup(
  deps: MigrationDeps,
  old: Origin,
  schema: DbSchema[],
): Promise<string | null> {
  const db = schema.find((d) =>
    ['documents', 'spans'].every((t) => d.stores.some((s) => s.name === t)),
  );
  if (!db) return null;
  const codec = idbCodec();
  const limit = deps.batchSize ?? BATCH;
  const tables = db.stores
    .filter((s) => s.name in BACKUP_ROW_SCHEMAS)
    .map((s) => s.name)
    .sort();
  const readAll = async (store: string, each: (row: unknown) => Promise<void>): Promise<void> => {
    let after: string | null = null;
    do {
      const batch: RecordBatch = await old.read(db.name, store, after, limit);
      for (const [, row] of codec.decode(batch.records) as [unknown, unknown][]) await each(row);
      after = batch.last;
    } while (after !== null);
  };
  // Settings about the running session are left out, as the app's backups do.
  const settings: unknown[] = [];
  if (tables.includes('settings'))
    await readAll('settings', async (row) => {
      if (!isTransientSetting(String((row as { key?: unknown }).key))) settings.push(row);
    });
  const counts = Object.fromEntries(
    tables.map((t) => [
      t,
      t === 'settings' ? settings.length : db.stores.find((s) => s.name === t)!.count,
    ]),
  );
  const name = backupName('before-restore', deps.now?.() ?? new Date());
  await deps.backups.writeWith(name, async (write) => {
    await write(
      writeBackupHeader(
        counts,
        Math.floor(db.version / 10),
        deps.now?.() ?? new Date(),
        deps.appVersion,
      ),
    );
    for (const table of tables) {
      let n = 0;
      let text = '';
      const add = async (row: unknown): Promise<void> => {
        text += writeBackupRow(table, row);
        n++;
        if (text.length > 1 << 20) {
          await write(text);
          text = '';
        }
      };
      if (table === 'settings') for (const row of settings) await add(row);
      else await readAll(table, add);
      if (text) await write(text);
      if (n !== counts[table])
        throw new Error(`${db.name}.${table}: counted ${counts[table]} records, read ${n}`);
    }
  });
  return name;
}
