/** Each analyst's progress on each document, and the document-level stance. */
import type { DocStatus, StatusRecord } from '@core/model.ts';
import type { WorkbenchDb } from './schema.ts';

/** The stored status, or a not-started one when none is stored. */
export async function getStatus(
  db: WorkbenchDb,
  docId: string,
  annotatorId: string,
): Promise<StatusRecord> {
  return (
    (await db.statuses.get([docId, annotatorId])) ?? {
      docId,
      annotatorId,
      status: 'not-started',
      docStance: null,
      updatedAt: 0,
    }
  );
}

/** A copy of `current` with a new status and/or stance and a fresh time. */
export function withStatus(
  current: StatusRecord,
  patch: { status?: DocStatus; docStance?: string | null },
): StatusRecord {
  return { ...current, ...patch, updatedAt: Date.now() };
}

/** Writes a status record. */
export async function putStatus(db: WorkbenchDb, record: StatusRecord): Promise<void> {
  await db.statuses.put(record);
}
