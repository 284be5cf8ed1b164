/**
 * Team edits a lead makes: assigning documents to an analyst, and blind
 * mode. Each is one transaction, refused (nothing stored) for anyone but a
 * lead while connected; the outbox sends it on (sync/outbox.ts).
 */
import type { WorkbenchDb } from '../db/schema.ts';
import { PROJECT_SETTINGS_KEY } from '../sync/outbox.ts';
import { requireRole } from '../sync/roles.ts';

/** Adds (or with `remove`, takes away) `annotatorId` on every document of `docIds`. */
export async function assignDocuments(
  db: WorkbenchDb,
  docIds: readonly string[],
  annotatorId: string,
  remove = false,
): Promise<number> {
  return db.transaction('rw', [db.assignments, db.syncMeta], async () => {
    await requireRole(db, 'lead');
    const current = await db.assignments.bulkGet([...docIds]);
    const puts = [];
    const gone = [];
    for (const [i, docId] of docIds.entries()) {
      const have = current[i]?.annotatorIds ?? [];
      const next = remove
        ? have.filter((a) => a !== annotatorId)
        : [...new Set([...have, annotatorId])].sort();
      if (next.length === have.length && next.every((a, k) => a === have[k])) continue;
      if (next.length === 0) gone.push(docId);
      else puts.push({ docId, annotatorIds: next });
    }
    if (puts.length > 0) await db.assignments.bulkPut(puts);
    if (gone.length > 0) await db.assignments.bulkDelete(gone);
    return puts.length + gone.length;
  });
}

/** Turns blind mode on or off for the project. */
export async function setBlindMode(db: WorkbenchDb, blind: boolean): Promise<void> {
  await db.transaction('rw', [db.settings, db.syncMeta], async () => {
    await requireRole(db, 'lead');
    await db.settings.put({ key: PROJECT_SETTINGS_KEY, value: { blind } });
  });
}
