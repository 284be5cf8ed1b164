/**
 * The edits an analyst makes, each one undoable: add, relabel, resize and
 * delete spans, edit holder and note, set the document stance and status.
 * Each builds its changes from the stored records and commits them. Also
 * the reading pane's one setting, the text size (not an edit: not undone).
 */
import type { LabelDef, SpanRecord } from '@core/model.ts';
import type { OffsetMap } from '@core/offsets.ts';
import { db } from '../db/db.ts';
import { setSetting } from '../db/settings.ts';
import { readLabels } from '../db/labels.ts';
import { makeSpan } from '../db/spans.ts';
import { getStatus, withStatus } from '../db/statuses.ts';
import { resizeByToken } from '@core/spans.ts';
import type { Token } from '@core/tokenize.ts';
import { commitEdit, commitWhenReady } from './editor.ts';
import { editName, type EditName } from './history.ts';
import { getSession, updateSession } from './session.ts';

/**
 * Creates a span of `label` over code points [start, end) and selects it at
 * once: the selection follows the analyst's last act, so a write that
 * finishes later never takes back a selection made since (before, a slow
 * write cleared the next selection and selected this span again, and the
 * next hotkey relabelled this span instead of labelling the new selection).
 * `stored` resolves true once the span is stored; when the write fails the
 * span is unselected, if it still is, and the editor shows the error.
 */
export function addSpan(
  map: OffsetMap,
  docId: string,
  annotatorId: string,
  label: string,
  start: number,
  end: number,
): { span: SpanRecord; stored: Promise<boolean> } {
  const span = makeSpan({ docId, annotatorId, label, start, end, quote: map.slice(start, end) });
  updateSession({ pending: null, selectedSpanId: span.id });
  const stored = commitEdit(docId, annotatorId, editName('edit.addSpan', { label }), [
    { table: 'spans', before: null, after: span },
  ]).then((ok) => {
    if (!ok && getSession().selectedSpanId === span.id) updateSession({ selectedSpanId: null });
    return ok;
  });
  return { span, stored };
}

/**
 * Changes fields of a stored span (label, extent, holder, note). The span
 * is read when the edit's turn comes, so an edit of a span whose creation
 * is still being written applies to it once it is stored.
 */
export function updateSpan(
  id: string,
  patch: Partial<Pick<SpanRecord, 'label' | 'start' | 'end' | 'holder' | 'note'>>,
  name: EditName,
  map?: OffsetMap,
): Promise<boolean> {
  return commitWhenReady(async () => {
    const before = await db.spans.get(id);
    if (!before) return null;
    const after: SpanRecord = { ...before, ...patch, updatedAt: Date.now() };
    if (map && (patch.start !== undefined || patch.end !== undefined))
      after.quote = map.slice(after.start, after.end);
    return { ...owner(before), name, changes: [{ table: 'spans', before, after }] };
  });
}

/**
 * Moves one edge of a stored span by a token (see resizeByToken), read when
 * the edit's turn comes. Resolves false when the edge cannot move.
 */
export function resizeSpan(
  id: string,
  edge: 'start' | 'end',
  delta: 1 | -1,
  tokens: readonly Token[],
  map: OffsetMap,
): Promise<boolean> {
  return commitWhenReady(async () => {
    const before = await db.spans.get(id);
    const extent = before && resizeByToken(tokens, before, edge, delta);
    if (!before || !extent) return null;
    const after: SpanRecord = {
      ...before,
      ...extent,
      quote: map.slice(extent.start, extent.end),
      updatedAt: Date.now(),
    };
    return {
      ...owner(before),
      name: editName('edit.resizeSpan'),
      changes: [{ table: 'spans', before, after }],
    };
  });
}

/** Deletes a span (read when the edit's turn comes) and unselects it. */
export async function deleteSpan(id: string): Promise<boolean> {
  const ok = await commitWhenReady(async () => {
    const before = await db.spans.get(id);
    if (!before) return null;
    return {
      ...owner(before),
      name: editName('edit.deleteSpan'),
      changes: [{ table: 'spans', before, after: null }],
    };
  });
  if (ok && getSession().selectedSpanId === id) updateSession({ selectedSpanId: null });
  return ok;
}

function owner(span: SpanRecord): { docId: string; annotatorId: string } {
  return { docId: span.docId, annotatorId: span.annotatorId };
}

/** Sets the document-level stance (a label key, `neutral`, or null). */
export function setDocStance(
  docId: string,
  annotatorId: string,
  stance: string | null,
): Promise<boolean> {
  return commitWhenReady(async () => {
    const stored = (await db.statuses.get([docId, annotatorId])) ?? null;
    const current = stored ?? (await getStatus(db, docId, annotatorId));
    const status = current.status === 'not-started' ? 'in-progress' : current.status;
    const after = withStatus(current, { docStance: stance, status });
    return {
      docId,
      annotatorId,
      name: editName('edit.setDocStance'),
      changes: [{ table: 'statuses', before: stored, after }],
    };
  });
}

/** Marks the document done for this analyst. */
export function markDone(docId: string, annotatorId: string): Promise<boolean> {
  return commitWhenReady(async () => {
    const stored = (await db.statuses.get([docId, annotatorId])) ?? null;
    const current = stored ?? (await getStatus(db, docId, annotatorId));
    const after = withStatus(current, { status: 'done' });
    return {
      docId,
      annotatorId,
      name: editName('edit.markDone'),
      changes: [{ table: 'statuses', before: stored, after }],
    };
  });
}

/** Stores the reading pane's text size in pixels, kept between 12 and 40. */
export function saveFontSize(px: number): Promise<void> {
  return setSetting(db, 'fontSize', Math.min(40, Math.max(12, px)));
}

/** The label set as stored now (for a key pressed before the pane has read it). */
export function readLabelSet(): Promise<LabelDef[]> {
  return readLabels(db);
}
