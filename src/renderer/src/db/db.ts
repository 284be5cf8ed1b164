/**
 * The app's database instance and its opening, with the errors an analyst
 * must understand. A profile written by a newer version of the app is
 * refused and left untouched: Dexie 4 would otherwise reopen it at its
 * installed version and could even patch its schema (the downgrade data loss
 * of electron#24882).
 */
import Dexie from 'dexie';
import { errorProblem, problem, problemText, type Problem } from '@core/problems/problem.ts';
import { createDb, DB_NAME, DB_VERSION, type WorkbenchDb } from './schema.ts';

/** The workbench database of this profile. */
export const db: WorkbenchDb = createDb();

/** Thrown when the profile's database is newer than this build's schema. */
export class NewerProfileError extends Error {
  override name = 'NewerProfileError';
  constructor(
    readonly installed: number,
    readonly supported: number,
  ) {
    super(`database version ${installed} is newer than this app's version ${supported}`);
  }
}

/**
 * The native IndexedDB version of database `name`, or 0 when it does not
 * exist. Dexie stores schema version N as native version N×10.
 */
export async function installedVersion(name: string): Promise<number> {
  const list = await indexedDB.databases();
  return list.find((d) => d.name === name)?.version ?? 0;
}

/**
 * Opens `database` after checking that its installed schema is not newer
 * than ours. Rejects with NewerProfileError, touching nothing, when it is.
 */
export async function openWorkbenchDb(database: WorkbenchDb = db): Promise<WorkbenchDb> {
  const installed = await installedVersion(database.name);
  if (installed > DB_VERSION * 10) throw new NewerProfileError(installed / 10, DB_VERSION);
  await database.open();
  return database;
}

/**
 * Why the database could not be opened, as a problem the interface words in
 * its language: a newer profile, else what the error was.
 */
export function openFailure(err: unknown): Problem {
  if (
    err instanceof NewerProfileError ||
    err instanceof Dexie.VersionError ||
    (err instanceof Error && err.name === 'VersionError')
  )
    return problem('profile.newer');
  return errorProblem(err);
}

/** Why the database could not be opened, in English (logs, tests). */
export function describeOpenError(err: unknown): string {
  return problemText(openFailure(err));
}

/** Asks the browser not to evict this profile's storage. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export { DB_NAME };
