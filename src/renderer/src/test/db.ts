/**
 * Test helpers for the data layer on real IndexedDB: a fresh, empty
 * profile per test (deleted after it) and a span record to write, so each
 * db test states only what it is about.
 */
import { afterEach } from 'vitest';
import type { SpanRecord } from '@core/model.ts';
import { createDb, type WorkbenchDb } from '../db/schema.ts';

const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A new, open, empty profile named `prefix-<uuid>`, deleted after the test. */
export async function freshDb(prefix: string): Promise<WorkbenchDb> {
  const db = createDb(`${prefix}-${crypto.randomUUID()}`);
  await db.open();
  opened.push(db);
  return db;
}

/** Laila's pro-withdrawal span `id` over «قمة» (0–3) of d1, with `fields` changed. */
export function testSpan(id: string, fields: Partial<SpanRecord> = {}): SpanRecord {
  return {
    id,
    docId: 'd1',
    annotatorId: 'laila',
    label: 'pro-withdrawal',
    start: 0,
    end: 3,
    quote: 'قمة',
    holder: null,
    note: null,
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  };
}
