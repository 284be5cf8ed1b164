/**
 * The edits an analyst makes, each one undoable: add, relabel, resize and
 * delete spans, edit holder and note, set the document stance and status.
 * Each builds its changes from the stored records and commits them. Also
 * the reading pane's one setting, the text size (not an edit: not undone).
 */
import type { SpanRecord } from '@core/model.ts';
import type { OffsetMap } from '@core/offsets.ts';
import { db } from '../db/db.ts';
import { setSetting } from '../db/settings.ts';
import { makeSpan } from '../db/spans.ts';
import { getStatus, withStatus } from '../db/statuses.ts';
import { commitEdit } from './editor.ts';
import { updateSession } from './session.ts';

/**
 * Creates a span of `label` over code points [start, end) and selects it.
 * Resolves to the stored span, or null when the write failed.
 */
export async function addSpan(
  map: OffsetMap,
  docId: string,
  annotatorId: string,
  label: string,
  start: number,
  end: number,
): Promise<SpanRecord | null> {
  const span = makeSpan({ docId, annotatorId, label, start, end, quote: map.slice(start, end) });
  const ok = await commitEdit(docId, annotatorId, `add ${label} span`, [
    { table: 'spans', before: null, after: span },
  ]);
  if (!ok) return null;
  updateSession({ pending: null, selectedSpanId: span.id });
  return span;
}

/** Changes fields of a stored span (label, extent, holder, note). */
export async function updateSpan(
  id: string,
  patch: Partial<Pick<SpanRecord, 'label' | 'start' | 'end' | 'holder' | 'note'>>,
  name: string,
  map?: OffsetMap,
): Promise<boolean> {
  const before = await db.spans.get(id);
  if (!before) return false;
  const after: SpanRecord = { ...before, ...patch, updatedAt: Date.now() };
  if (map && (patch.start !== undefined || patch.end !== undefined))
    after.quote = map.slice(after.start, after.end);
  return commitEdit(before.docId, before.annotatorId, name, [{ table: 'spans', before, after }]);
}

/** Deletes a span. */
export async function deleteSpan(id: string): Promise<boolean> {
  const before = await db.spans.get(id);
  if (!before) return false;
  const ok = await commitEdit(before.docId, before.annotatorId, 'delete span', [
    { table: 'spans', before, after: null },
  ]);
  if (ok) updateSession({ selectedSpanId: null });
  return ok;
}

/** Sets the document-level stance (a label key, `neutral`, or null). */
export async function setDocStance(
  docId: string,
  annotatorId: string,
  stance: string | null,
): Promise<boolean> {
  const stored = (await db.statuses.get([docId, annotatorId])) ?? null;
  const current = stored ?? (await getStatus(db, docId, annotatorId));
  const status = current.status === 'not-started' ? 'in-progress' : current.status;
  return commitEdit(docId, annotatorId, 'set document stance', [
    {
      table: 'statuses',
      before: stored,
      after: withStatus(current, { docStance: stance, status }),
    },
  ]);
}

/** Marks the document done for this analyst. */
export async function markDone(docId: string, annotatorId: string): Promise<boolean> {
  const stored = (await db.statuses.get([docId, annotatorId])) ?? null;
  const current = stored ?? (await getStatus(db, docId, annotatorId));
  return commitEdit(docId, annotatorId, 'mark done', [
    { table: 'statuses', before: stored, after: withStatus(current, { status: 'done' }) },
  ]);
}

/** Stores the reading pane's text size in pixels, kept between 12 and 40. */
export function saveFontSize(px: number): Promise<void> {
  return setSetting(db, 'fontSize', Math.min(40, Math.max(12, px)));
}
