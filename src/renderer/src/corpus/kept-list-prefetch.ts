/**
 * The kept document list (db/document-list.ts), read as soon as the
 * database is open rather than when the list mounts: the read then runs
 * while React renders the workbench. Changes to the list's tables seen
 * after the read started are noted, so the list never takes a kept list
 * that a write has made stale for current.
 */
import Dexie from 'dexie';
import { getSelf } from '../db/profile.ts';
import { readKeptDocumentList, type DocumentRow } from '../db/document-list.ts';
import type { WorkbenchDb } from '../db/schema.ts';

/** The tables the list's rows come from. */
export const LIST_SOURCES: readonly string[] = ['docMeta', 'statuses', 'spanCounts'];

/** True when Dexie's storagemutated `parts` touch one of the list's tables. */
export function touchesList(db: WorkbenchDb, parts: Record<string, unknown>): boolean {
  const prefixes = LIST_SOURCES.map((t) => `idb://${db.name}/${t}/`);
  return Object.keys(parts).some((p) => prefixes.some((x) => p.startsWith(x)));
}

/** A kept list as read: rows and whether current; null when none is kept. */
export type KeptList = { rows: DocumentRow[]; current: boolean } | null;

interface Prefetch {
  read: Promise<{ annotatorId: string; kept: KeptList } | null>;
  changed: boolean;
  stop: () => void;
}

let pending: Prefetch | null = null;

/** Starts reading the analyst's kept list (at start, once the database is open). */
export function prefetchKeptList(db: WorkbenchDb): void {
  pending?.stop();
  const prefetch: Prefetch = {
    changed: false,
    read: (async () => {
      const self = await getSelf(db);
      return self ? { annotatorId: self.id, kept: await readKeptDocumentList(db, self.id) } : null;
    })().catch(() => null),
    stop: () => Dexie.on.storagemutated.unsubscribe(onChange),
  };
  function onChange(parts: Record<string, unknown>): void {
    if (touchesList(db, parts)) prefetch.changed = true;
  }
  Dexie.on('storagemutated', onChange);
  pending = prefetch;
}

/**
 * The kept list of `annotatorId`, from the prefetch when there is one for
 * them (taken once), else read now; `changed` says whether a write to the
 * list's tables was seen since the read started.
 */
export async function keptList(
  db: WorkbenchDb,
  annotatorId: string,
): Promise<{ kept: KeptList; changed: boolean }> {
  const prefetch = pending;
  pending = null;
  if (prefetch) {
    const got = await prefetch.read;
    prefetch.stop();
    if (got?.annotatorId === annotatorId) return { kept: got.kept, changed: prefetch.changed };
  }
  return { kept: await readKeptDocumentList(db, annotatorId), changed: false };
}
