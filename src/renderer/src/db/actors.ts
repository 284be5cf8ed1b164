/**
 * Actor storage: the project's actors, their creation (from a name
 * selected in the text too), editing, merging and removal, linking
 * free-text holders to an actor, and a span's attribution (targets:
 * targets.ts; the Analysis view's data: analysis.ts). Every actor edit reads and writes in one
 * transaction (src/core/actors/operations.ts decides what changes) and
 * resolves to its before/after changes, so `undoActorEdit` can take it back;
 * an undo refuses, changing nothing, when a record it would restore was
 * changed since.
 */
import { problem, ProblemError } from '@core/problems/problem.ts';
import {
  ActorIndex,
  cleanName,
  displayName,
  fieldError,
  foldName,
  liveActors,
} from '@core/actors/model.ts';
import {
  actorFromSelection,
  createActor,
  deleteActor,
  editActor,
  invertActorChanges,
  linkHolderText,
  mergeActors,
  type ActorEdit,
  type ActorEditChange,
  type ActorEditResult,
  type ActorFields,
  type SpanChange,
} from '@core/actors/operations.ts';
import { attributeSpan, type AttributionPatch } from '@core/actors/span-attribution.ts';
import type { ActorKind, ActorRecord, SpanRecord } from '@core/model.ts';
import type { WorkbenchDb } from './schema.ts';

/**
 * Every live actor, by display name (Arabic order). Actors merged into
 * another stay stored as tombstones (`mergedInto`) and are left out.
 */
export async function listActors(db: WorkbenchDb): Promise<ActorRecord[]> {
  const all = liveActors(await db.actors.toArray());
  return all.sort(
    (a, b) => displayName(a).localeCompare(displayName(b), 'ar') || (a.id < b.id ? -1 : 1),
  );
}

/**
 * The actors merged into others (tombstones), each id → the live actor id
 * it resolves to (`resolveActorId`): for showing a span whose holder a
 * colleague merged away as the actor it became.
 */
export async function actorRedirects(db: WorkbenchDb): Promise<Map<string, string>> {
  const all = await db.actors.toArray();
  const index = new ActorIndex(all);
  return new Map(all.filter((a) => a.mergedInto).map((a) => [a.id, index.resolve(a.id)]));
}

/** Writes actor and span changes in the caller's transaction. */
async function write(db: WorkbenchDb, changes: readonly ActorEditChange[]): Promise<void> {
  for (const c of changes) {
    if (c.table === 'actors') {
      if (c.after) await db.actors.put(c.after);
      else if (c.before) await db.actors.delete(c.before.id);
    } else if (c.after) await db.spans.put(c.after);
    else if (c.before) await db.spans.delete(c.before.id);
  }
}

/**
 * Runs an operation over the live actors (merged ones are tombstones, not
 * to be edited or matched) and writes its edit, in one transaction.
 */
async function run(
  db: WorkbenchDb,
  op: (actors: ActorRecord[]) => Promise<ActorEditResult> | ActorEditResult,
): Promise<ActorEditResult> {
  return db.transaction('rw', [db.actors, db.spans, db.settings], async () => {
    const r = await op(liveActors(await db.actors.toArray()));
    if (r.ok) await write(db, r.edit.changes);
    return r;
  });
}

/** Adds an actor. Resolves to the edit, or the fields that are wrong (nothing written). */
export function addActor(
  db: WorkbenchDb,
  fields: ActorFields,
  id: string = crypto.randomUUID(),
): Promise<ActorEditResult> {
  return run(db, (actors) => createActor(fields, actors, { id, now: Date.now() }));
}

/**
 * Adds an actor named by text the analyst selected (see
 * `actorFromSelection`); when the name already names an actor, writes
 * nothing and resolves to `{ ok: 'existing', actor }`.
 */
export async function addActorFromSelection(
  db: WorkbenchDb,
  selected: string,
  opts: { kind?: ActorKind; affiliation?: string | null; id?: string } = {},
): Promise<ActorEditResult | { ok: 'existing'; actor: ActorRecord }> {
  let existing: ActorRecord | null = null;
  const r = await run(db, (actors) => {
    const x = actorFromSelection(selected, actors, {
      id: opts.id ?? crypto.randomUUID(),
      now: Date.now(),
      kind: opts.kind,
      affiliation: opts.affiliation,
    });
    if (x.ok === 'existing') {
      existing = x.actor;
      return { ok: false, errors: [] };
    }
    return x;
  });
  return existing ? { ok: 'existing', actor: existing } : r;
}

/**
 * The edit that would add an actor named by `selected`, without writing it:
 * for committing it together with the span it becomes the holder of, as one
 * document edit (annotate/editor.ts `commitEdit([...edit.changes,
 * attributionChange])`), which one undo takes back.
 */
export async function planActorFromSelection(
  db: WorkbenchDb,
  selected: string,
  opts: { kind?: ActorKind; affiliation?: string | null; id?: string } = {},
): Promise<ActorEditResult | { ok: 'existing'; actor: ActorRecord }> {
  return actorFromSelection(selected, liveActors(await db.actors.toArray()), {
    id: opts.id ?? crypto.randomUUID(),
    now: Date.now(),
    kind: opts.kind,
    affiliation: opts.affiliation,
  });
}

/** Changes an actor's fields. */
export function updateActor(
  db: WorkbenchDb,
  id: string,
  patch: Partial<ActorFields>,
): Promise<ActorEditResult> {
  return run(db, (actors) => {
    const before = actors.find((a) => a.id === id);
    if (!before)
      return { ok: false, errors: [fieldError('id', problem('actor.gone', { actor: id }))] };
    return editActor(before, patch, actors, Date.now());
  });
}

/** The spans whose holder is one of `actorIds` (through the holderActorId index). */
function spansHeldBy(db: WorkbenchDb, actorIds: readonly string[]): Promise<SpanRecord[]> {
  return db.spans
    .where('holderActorId')
    .anyOf([...actorIds])
    .toArray();
}

/**
 * Merges the actors `duplicateIds` into `keepId` (see core `mergeActors`):
 * the duplicates become tombstones (`mergedInto`) and this analyst's own
 * spans are re-pointed. A colleague's spans and gold are not this
 * analyst's to rewrite (in a team project the server refuses it), so they
 * keep the duplicate's id, which every reader resolves through the
 * tombstone (`ActorIndex`, `resolveActorId`).
 */
export function mergeActorsInto(
  db: WorkbenchDb,
  keepId: string,
  duplicateIds: readonly string[],
): Promise<ActorEditResult> {
  return run(db, async (actors) => {
    const keep = actors.find((a) => a.id === keepId);
    const missing = [keepId, ...duplicateIds].filter((id) => !actors.some((a) => a.id === id));
    if (!keep || missing.length > 0)
      return {
        ok: false,
        errors: [fieldError('duplicates', problem('actor.gone', { actor: missing.join(', ') }))],
      };
    const dups = actors.filter((a) => duplicateIds.includes(a.id));
    const self = (await db.settings.get('selfAnnotatorId'))?.value ?? null;
    const own = (await spansHeldBy(db, duplicateIds)).filter((s) => s.annotatorId === self);
    return mergeActors(keep, dups, own, Date.now());
  });
}

/** Removes an actor; its spans keep its name as free text (see core `deleteActor`). */
export async function removeActor(db: WorkbenchDb, id: string): Promise<ActorEditResult> {
  return run(db, async (actors) => {
    const actor = actors.find((a) => a.id === id);
    if (!actor)
      return { ok: false, errors: [fieldError('id', problem('actor.gone', { actor: id }))] };
    return { ok: true, actor, edit: deleteActor(actor, await spansHeldBy(db, [id]), Date.now()) };
  });
}

/**
 * Points every span whose free-text holder is `text` (folded) and that has
 * no actor at actor `actorId`. Reads every span (holders are not indexed);
 * meant for a one-off tidy-up, not a keystroke.
 */
export function linkHolderTextToActor(
  db: WorkbenchDb,
  text: string,
  actorId: string,
): Promise<ActorEditResult> {
  return run(db, async (actors) => {
    const actor = actors.find((a) => a.id === actorId);
    if (!actor)
      return { ok: false, errors: [fieldError('id', problem('actor.gone', { actor: actorId }))] };
    const k = foldName(text);
    const spans = await db.spans
      .filter((s) => !s.holderActorId && !!s.holder && foldName(s.holder) === k)
      .toArray();
    return { ok: true, actor, edit: linkHolderText(text, actor, spans, Date.now()) };
  });
}

/** A free-text holder no actor stands for yet, how many spans give it, and the actor it names. */
export interface HolderText {
  text: string;
  spans: number;
  /** The one actor whose name or alias it is (folded), else null. */
  actor: ActorRecord | null;
}

/** The free-text holders of spans without an actor, most used first (to link or make actors). */
export async function holderTextsWithoutActor(db: WorkbenchDb): Promise<HolderText[]> {
  const index = new ActorIndex(await db.actors.toArray());
  // Folded text → spelling → spans; each is shown as its most used spelling.
  const byKey = new Map<string, Map<string, number>>();
  await db.spans.each((s) => {
    if (s.holderActorId || !s.holder) return;
    const k = foldName(s.holder);
    if (!k) return;
    const spellings = byKey.get(k) ?? new Map<string, number>();
    const text = cleanName(s.holder);
    spellings.set(text, (spellings.get(text) ?? 0) + 1);
    byKey.set(k, spellings);
  });
  const out: HolderText[] = [...byKey.values()].map((spellings) => {
    const [text] = [...spellings.entries()].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    )[0]!;
    const spans = [...spellings.values()].reduce((a, b) => a + b, 0);
    return { text, spans, actor: index.unique(text) };
  });
  return out.sort((a, b) => b.spans - a.spans || a.text.localeCompare(b.text, 'ar'));
}

/**
 * Writes the inverse of an actor edit (undo). Refuses, writing nothing,
 * when a record it would restore changed since the edit (another edit, an
 * import, a colleague's sync): it says how many.
 */
export function undoActorEdit(db: WorkbenchDb, edit: ActorEdit): Promise<void> {
  return applyChecked(db, invertActorChanges(edit.changes), 'undo');
}

/** Writes an undone actor edit again (redo), with the same check as undo. */
export function redoActorEdit(db: WorkbenchDb, edit: ActorEdit): Promise<void> {
  return applyChecked(db, edit.changes, 'redo');
}

/** Thrown when an undo or redo would overwrite later changes. */
export class StaleEditError extends ProblemError {
  override name = 'StaleEditError';
}

async function applyChecked(
  db: WorkbenchDb,
  changes: readonly ActorEditChange[],
  which: 'undo' | 'redo',
): Promise<void> {
  await db.transaction('rw', [db.actors, db.spans], async () => {
    let stale = 0;
    for (const c of changes) {
      const id = (c.before ?? c.after)!.id;
      const current = c.table === 'actors' ? await db.actors.get(id) : await db.spans.get(id);
      if (JSON.stringify(current ?? null) !== JSON.stringify(c.before)) stale++;
    }
    if (stale > 0) throw new StaleEditError(problem('actor.editStale', { which, count: stale }));
    await write(db, changes);
  });
}

/**
 * The change that gives span `spanId` a new attribution, for the
 * document's undo history (commit it with annotate/editor.ts `commitEdit`).
 * The holder is `actor` (a record, e.g. one just planned with
 * `planActorFromSelection`) or `actorId` (looked up); null removes it.
 */
export async function spanAttributionChange(
  db: WorkbenchDb,
  spanId: string,
  patch: AttributionPatch & { actorId?: string | null },
): Promise<SpanChange> {
  const span = await db.spans.get(spanId);
  if (!span) throw new ProblemError(problem('span.gone', { span: spanId }));
  const { actorId, ...rest } = patch;
  if (actorId !== undefined && rest.actor === undefined) {
    const actor = actorId === null ? null : await db.actors.get(actorId);
    if (actor === undefined)
      throw new ProblemError(problem('actor.gone', { actor: String(actorId) }));
    rest.actor = actor;
  }
  return attributeSpan(span, rest, Date.now());
}
