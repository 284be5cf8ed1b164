/**
 * Span storage. Every edit is a list of changes (a record before and after)
 * applied in one transaction, so it can be undone by applying the inverse,
 * and a failed write leaves nothing half-done. The first span an analyst
 * makes in a document moves its status to in-progress in the same write,
 * and that status change is part of the edit, so undo reverts it too.
 */
import type { ActorChange } from '@core/actors/operations.ts';
import type { SpanRecord, StatusRecord } from '@core/model.ts';
import type { WorkbenchDb } from './schema.ts';

/**
 * One record changed by an edit; `null` means absent. An edit may create
 * or change an actor together with spans (e.g. "make an actor of this name
 * and make it this span's holder" is one step to undo).
 */
export type Change =
  | { table: 'spans'; before: SpanRecord | null; after: SpanRecord | null }
  | { table: 'statuses'; before: StatusRecord | null; after: StatusRecord | null }
  | ActorChange;

/** The changes that undo `changes`. */
export function invertChanges(changes: readonly Change[]): Change[] {
  return changes.map((c) => ({ ...c, before: c.after, after: c.before }) as Change).reverse();
}

/**
 * Applies `changes` in one transaction. When a span is added for a document
 * whose status is missing or not-started, the status becomes in-progress.
 * Resolves to the changes actually made: `changes` plus that status change
 * when there was one, so recording the result makes undo restore the
 * previous status (or its absence) together with the spans.
 */
export async function applyChanges(db: WorkbenchDb, changes: readonly Change[]): Promise<Change[]> {
  return db.transaction('rw', [db.spans, db.statuses, db.actors], async () => {
    for (const c of changes) {
      if (c.table === 'spans') {
        if (c.after) await db.spans.put(c.after);
        else if (c.before) await db.spans.delete(c.before.id);
      } else if (c.table === 'actors') {
        if (c.after) await db.actors.put(c.after);
        else if (c.before) await db.actors.delete(c.before.id);
      } else if (c.after) await db.statuses.put(c.after);
      else if (c.before) await db.statuses.delete([c.before.docId, c.before.annotatorId]);
    }
    const made: Change[] = [...changes];
    const added = changes.find((c) => c.table === 'spans' && c.after) as
      { after: SpanRecord } | undefined;
    if (added) {
      const { docId, annotatorId } = added.after;
      const st = (await db.statuses.get([docId, annotatorId])) ?? null;
      if (!st || st.status === 'not-started') {
        const after: StatusRecord = {
          docId,
          annotatorId,
          status: 'in-progress',
          docStance: st?.docStance ?? null,
          updatedAt: Date.now(),
        };
        await db.statuses.put(after);
        made.push({ table: 'statuses', before: st, after });
      }
    }
    return made;
  });
}

/** The spans one annotator made in one document (unordered). */
export function spansOf(
  db: WorkbenchDb,
  docId: string,
  annotatorId: string,
): Promise<SpanRecord[]> {
  return db.spans.where('[docId+annotatorId]').equals([docId, annotatorId]).toArray();
}

/** A new span record with fresh id and timestamps. */
export function makeSpan(fields: {
  docId: string;
  annotatorId: string;
  label: string;
  start: number;
  end: number;
  quote: string;
}): SpanRecord {
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    holder: null,
    note: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** Every distinct holder named in earlier spans, for suggestions. */
export async function knownHolders(db: WorkbenchDb): Promise<string[]> {
  const set = new Set<string>();
  await db.spans.each((s) => {
    if (s.holder) set.add(s.holder);
  });
  return [...set].sort((a, b) => a.localeCompare(b, 'ar'));
}
