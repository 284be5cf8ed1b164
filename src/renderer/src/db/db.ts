/**
 * The app's database instance and its opening, with the errors an analyst
 * must understand: a profile written by a newer version is refused (never
 * wiped), and storage failures are reported by name.
 */
import Dexie from 'dexie';
import { createDb, type WorkbenchDb } from './schema.ts';

/** The workbench database of this profile. */
export const db: WorkbenchDb = createDb();

/** Why the database could not be opened, in words for the analyst. */
export function describeOpenError(err: unknown): string {
  if (err instanceof Dexie.VersionError || (err instanceof Error && err.name === 'VersionError')) {
    return (
      'This profile was written by a newer version of Stance Workbench. ' +
      'It was left untouched: open it with that newer version, or restore a backup here.'
    );
  }
  if (err instanceof Error && (err.name === 'QuotaExceededError' || err.name === 'AbortError')) {
    return `The disk refused to store data (${err.name}). Free some space and reload; nothing stored was lost.`;
  }
  return `The local database could not be opened: ${err instanceof Error ? err.message : String(err)}`;
}

/** Asks the browser not to evict this profile's storage. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
