/**
 * The kept document list (db/document-list.ts), read as soon as the
 * database is open rather than when the list mounts: the read then runs
 * while React renders the workbench. Changes to the list's tables seen
 * after the read started are noted, so the list never takes a kept list
 * that a write has made stale for current.
 */
import Dexie, { cmp, RangeSet, type IntervalTree } from 'dexie';
import { getSelf } from '../db/profile.ts';
import { readKeptDocumentList, type DocumentRow } from '../db/document-list.ts';
import type { WorkbenchDb } from '../db/schema.ts';

/** The tables the list's rows come from. */
export const LIST_SOURCES: readonly string[] = ['docMeta', 'statuses', 'spanCounts'];

/**
 * True when a changed key set (a Dexie RangeSet) may hold a key `mine`
 * accepts: a single key is asked, a range (a bulk write, a clear) always may.
 */
function mayTouch(set: unknown, mine: (key: unknown) => boolean): boolean {
  if (!set || typeof set !== 'object') return true;
  // The event carries the plain tree: wrapped, it iterates its ranges.
  const ranges = RangeSet(set as IntervalTree) as Iterable<{ from: unknown; to: unknown }>;
  for (const node of ranges) {
    if (cmp(node.from, node.to) !== 0 || mine(node.from)) return true;
  }
  return false;
}

/**
 * True when Dexie's storagemutated `parts` may change the list of
 * `annotatorId` (null: of anyone): any document row, or a status or span
 * count row of theirs (a colleague's or gold's change leaves the list as it is).
 */
export function touchesList(
  db: WorkbenchDb,
  parts: Record<string, unknown>,
  annotatorId: string | null,
): boolean {
  const part = (table: string): unknown => parts[`idb://${db.name}/${table}/`];
  const keyPart = (i: number) => (key: unknown) =>
    annotatorId === null || !Array.isArray(key) || key[i] === annotatorId;
  return (
    part('docMeta') !== undefined ||
    // statuses: [docId+annotatorId]; spanCounts: [annotatorId+docId].
    (part('statuses') !== undefined && mayTouch(part('statuses'), keyPart(1))) ||
    (part('spanCounts') !== undefined && mayTouch(part('spanCounts'), keyPart(0)))
  );
}

/** A kept list as read: rows and whether current; null when none is kept. */
export type KeptList = { rows: DocumentRow[]; current: boolean } | null;

interface Prefetch {
  read: Promise<{ annotatorId: string; kept: KeptList } | null>;
  selfId: string | null;
  changed: boolean;
  stop: () => void;
}

let pending: Prefetch | null = null;

/** Starts reading the analyst's kept list (at start, once the database is open). */
export function prefetchKeptList(db: WorkbenchDb): void {
  pending?.stop();
  const prefetch: Prefetch = {
    changed: false,
    selfId: null,
    read: Promise.resolve(null),
    stop: () => Dexie.on.storagemutated.unsubscribe(onChange),
  };
  prefetch.read = (async () => {
    const self = await getSelf(db);
    prefetch.selfId = self?.id ?? null;
    return self ? { annotatorId: self.id, kept: await readKeptDocumentList(db, self.id) } : null;
  })().catch(() => null);
  function onChange(parts: Record<string, unknown>): void {
    if (touchesList(db, parts, prefetch.selfId)) prefetch.changed = true;
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
