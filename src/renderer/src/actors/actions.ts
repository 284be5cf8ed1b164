/**
 * The actors feature's writes: actor edits (create, from a selected name
 * too, edit, merge, delete) with their own undo history, a span's
 * attribution (holder, target, kind: an edit of the document's undo history,
 * so Ctrl+Z in the reading pane takes it back), a gold span's attribution
 * (adjudication), and saving the Analysis table and charts through the host.
 */
import type {
  ActorEdit,
  ActorEditResult,
  ActorEditWhat,
  ActorFields,
} from '@core/actors/operations.ts';
import type { AttributionPatch } from '@core/actors/span-attribution.ts';
import type { ActorKind, ActorRecord, AttributionKind } from '@core/model.ts';
import { fieldError } from '@core/actors/model.ts';
import { problem } from '@core/problems/problem.ts';
import { db } from '../db/db.ts';
import * as actors from '../db/actors.ts';
import { settleGoldAttribution } from '../db/gold.ts';
import { commitEdit, commitWhenReady } from '../annotate/editor.ts';
import { editName, type EditName } from '../annotate/history.ts';
import { host } from '../host/host.ts';

/** The actor edits of this session, for undo and redo (newest last). */
const past: ActorEdit[] = [];
const future: ActorEdit[] = [];
const listeners = new Set<() => void>();
let version = 0;
const HISTORY_LIMIT = 100;

function changed(): void {
  version++;
  for (const l of listeners) l();
}

/** Subscribes to changes of the actor undo history (for useSyncExternalStore). */
export function subscribeActorHistory(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** What undo and redo would take back or write again, and a version that changes with them. */
export function actorHistory(): {
  undo: ActorEditWhat | null;
  redo: ActorEditWhat | null;
  version: number;
} {
  return {
    undo: past.at(-1)?.what ?? null,
    redo: future.at(-1)?.what ?? null,
    version,
  };
}

/** Records an edit that was written. */
async function recorded(p: Promise<ActorEditResult>): Promise<ActorEditResult> {
  const r = await p;
  if (r.ok && r.edit.changes.length > 0) {
    past.push(r.edit);
    if (past.length > HISTORY_LIMIT) past.shift();
    future.length = 0;
    changed();
  }
  return r;
}

/** Adds an actor with these fields. */
export const createActor = (fields: ActorFields): Promise<ActorEditResult> =>
  recorded(actors.addActor(db, fields));

/** Changes an actor's fields. */
export const editActor = (id: string, patch: Partial<ActorFields>): Promise<ActorEditResult> =>
  recorded(actors.updateActor(db, id, patch));

/** Merges duplicates into the actor kept. */
export const mergeActors = (keepId: string, duplicateIds: string[]): Promise<ActorEditResult> =>
  recorded(actors.mergeActorsInto(db, keepId, duplicateIds));

/** Deletes an actor; its spans keep its name as free text. */
export const deleteActor = (id: string): Promise<ActorEditResult> =>
  recorded(actors.removeActor(db, id));

/** Undoes the last actor edit; resolves to what it was, or null when there is none. */
export async function undoActor(): Promise<ActorEditWhat | null> {
  const edit = past.at(-1);
  if (!edit) return null;
  await actors.undoActorEdit(db, edit);
  past.pop();
  future.push(edit);
  changed();
  return edit.what;
}

/** Redoes the last undone actor edit; resolves to what it was, or null when there is none. */
export async function redoActor(): Promise<ActorEditWhat | null> {
  const edit = future.at(-1);
  if (!edit) return null;
  await actors.redoActorEdit(db, edit);
  future.pop();
  past.push(edit);
  changed();
  return edit.what;
}

/** The owner of a span's document edit. */
async function ownerOf(spanId: string): Promise<{ docId: string; annotatorId: string } | null> {
  const s = await db.spans.get(spanId);
  return s ? { docId: s.docId, annotatorId: s.annotatorId } : null;
}

/**
 * Gives a span a new attribution as one edit of its document (undone with
 * Ctrl+Z in the reading pane). `actorId` sets the holder actor (null
 * removes it); `holderText` sets a free-text holder instead.
 */
export function attributeSpan(
  spanId: string,
  patch: Omit<AttributionPatch, 'actor'> & { actorId?: string | null },
  name: EditName = editName('edit.setAttribution'),
): Promise<boolean> {
  return commitWhenReady(async () => {
    const owner = await ownerOf(spanId);
    if (!owner) return null;
    const change = await actors.spanAttributionChange(db, spanId, patch);
    return { ...owner, name, changes: [change] };
  });
}

/**
 * Makes the words `selected` an actor and the span's holder, as one
 * document edit (one undo takes both back). When the words already name an
 * actor, that actor becomes the holder.
 */
export async function holderFromNewActor(
  spanId: string,
  selected: string,
  attribution: AttributionKind | null,
  kind: ActorKind = 'person',
): Promise<ActorEditResult | { ok: 'existing'; actor: ActorRecord }> {
  const plan = await actors.planActorFromSelection(db, selected, { kind });
  if (plan.ok === false) return plan;
  const owner = await ownerOf(spanId);
  if (!owner)
    return { ok: false, errors: [fieldError('span', problem('span.gone', { span: spanId }))] };
  const change = await actors.spanAttributionChange(db, spanId, {
    actor: plan.actor,
    ...(attribution ? { attribution } : {}),
  });
  const changes = plan.ok === true ? [...plan.edit.changes, change] : [change];
  const stored = await commitEdit(
    owner.docId,
    owner.annotatorId,
    editName('edit.holderFromNewActor'),
    changes,
  );
  if (!stored) return { ok: false, errors: [fieldError('span', problem('actor.editNotStored'))] };
  return plan;
}

/** Settles a gold span's holder, target and attribution kind (adjudication). */
export const settleGold = (
  spanId: string,
  patch: Omit<AttributionPatch, 'actor'> & { actorId?: string | null },
): Promise<unknown> => settleGoldAttribution(db, spanId, patch);

/**
 * Saves text (the CSV, an SVG chart) as a file the analyst picks, through
 * the host's export path (a temporary file renamed at the end on desktop, a
 * download in the browser). Resolves to where it went, or null when cancelled.
 */
export async function saveText(name: string, text: string): Promise<string | null> {
  const handle = await host.exportBegin(name);
  if (!handle) return null;
  try {
    await host.exportWrite(handle.id, text);
    return (await host.exportCommit(handle.id)).path;
  } catch (err) {
    await host.exportAbort(handle.id).catch(() => undefined);
    throw err;
  }
}
