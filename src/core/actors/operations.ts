/**
 * The edits an analyst makes to actors and to a span's attribution, as pure
 * functions from the records they read to before/after change records.
 * The data layer (src/renderer/src/db/actors.ts) writes the changes in one
 * transaction; undo writes their inverse. Nothing here reads or writes a
 * store, so every rule (what a merge re-points, which alias clashes) is
 * tested without one.
 */
import type { ActorKind, ActorRecord, SpanRecord } from '../model.ts';
import { problem, type Problem } from '../problems/problem.ts';
import {
  checkActor,
  cleanName,
  displayName,
  fieldError,
  foldName,
  namesOf,
  type FieldError,
} from './model.ts';

/** One actor record changed by an edit; null means absent. */
export interface ActorChange {
  table: 'actors';
  before: ActorRecord | null;
  after: ActorRecord | null;
}

/** One span record changed by an edit; null means absent. */
export interface SpanChange {
  table: 'spans';
  before: SpanRecord | null;
  after: SpanRecord | null;
}

/** What an actor edit changes. */
export type ActorEditChange = ActorChange | SpanChange;

/** An edit ready to be written: its name (for "Undid: …"), its changes and warnings. */
export interface ActorEdit {
  /** The edit in English words (CLI, logs). */
  name: string;
  /** The same, as data, for the interface to put in its own language. */
  what: ActorEditWhat;
  changes: ActorEditChange[];
  /** Things the analyst should know but that do not stop the edit (a shared alias). */
  warnings: Problem[];
}

/** What an actor edit did: its operation, whom it names, and (merge, link) into whom. */
export interface ActorEditWhat {
  op: 'add' | 'edit' | 'merge' | 'delete' | 'link';
  subject: string;
  into?: string;
}

/** The result of an actor operation: the edit, or the fields that are wrong. */
export type ActorEditResult =
  { ok: true; actor: ActorRecord; edit: ActorEdit } | { ok: false; errors: FieldError[] };

/** The editable fields of an actor. */
export interface ActorFields {
  nameAr: string;
  nameEn: string;
  kind: ActorKind;
  affiliation: string | null;
  aliases: string[];
}

const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;
/** Punctuation an analyst's selection drags along around a name. */
const EDGE_PUNCTUATION = /^[\s"'«»“”‘’()[\]{}:;,.!?،؛؟\-–—]+|[\s"'«»“”‘’()[\]{}:;,.!?،؛؟\-–—]+$/gu;

/** A selected piece of text made into a name: whitespace and edge punctuation gone. */
export function nameFromSelection(selected: string): string {
  return cleanName(selected).replace(EDGE_PUNCTUATION, '');
}

/** Cleans fields: names trimmed, aliases trimmed, deduplicated (folded), own names dropped. */
function normalizeFields(f: ActorFields): ActorFields {
  const nameAr = cleanName(f.nameAr);
  const nameEn = cleanName(f.nameEn);
  const own = new Set([foldName(nameAr), foldName(nameEn)]);
  const seen = new Set<string>();
  const aliases: string[] = [];
  for (const raw of f.aliases) {
    const a = cleanName(raw);
    const k = foldName(a);
    if (!a || !k || own.has(k) || seen.has(k)) continue;
    seen.add(k);
    aliases.push(a);
  }
  const affiliation = f.affiliation === null ? null : cleanName(f.affiliation) || null;
  return { nameAr, nameEn, kind: f.kind, affiliation, aliases };
}

/** Warnings for names of `actor` that other actors are also known by. */
function clashes(actor: ActorRecord, others: readonly ActorRecord[]): Problem[] {
  const out = new Map<string, Problem>();
  const mine = new Map(namesOf(actor).map((n) => [foldName(n), n]));
  for (const o of others) {
    if (o.id === actor.id) continue;
    for (const n of namesOf(o)) {
      const hit = mine.get(foldName(n));
      if (hit)
        out.set(
          `${hit}\u0000${o.id}`,
          problem('actor.nameShared', { name: hit, other: displayName(o) }),
        );
    }
  }
  return [...out.values()];
}

/**
 * A new actor. Refuses one whose Arabic or English name is already the
 * name or alias of another actor (folded): the analyst should pick that
 * actor, or merge, instead of making a duplicate.
 */
export function createActor(
  fields: ActorFields,
  existing: readonly ActorRecord[],
  opts: { id: string; now: number },
): ActorEditResult {
  const f = normalizeFields(fields);
  const candidate = { id: opts.id, ...f, createdAt: opts.now, updatedAt: opts.now };
  const checked = checkActor(candidate);
  if (!checked.ok) return checked;
  const dup = duplicateOf(f, existing, null);
  if (dup) return { ok: false, errors: [dup] };
  if (existing.some((a) => a.id === opts.id))
    return { ok: false, errors: [fieldError('id', problem('actor.idTaken', { id: opts.id }))] };
  const actor = checked.actor;
  return {
    ok: true,
    actor,
    edit: {
      name: `add actor ${displayName(actor)}`,
      what: { op: 'add', subject: displayName(actor) },
      changes: [{ table: 'actors', before: null, after: actor }],
      warnings: clashes(actor, existing),
    },
  };
}

/** The error for a name already taken by another actor, or null. */
function duplicateOf(
  f: ActorFields,
  existing: readonly ActorRecord[],
  self: string | null,
): FieldError | null {
  for (const [field, value] of [
    ['nameAr', f.nameAr],
    ['nameEn', f.nameEn],
  ] as const) {
    const k = foldName(value);
    if (!k) continue;
    const other = existing.find(
      (a) => a.id !== self && (foldName(a.nameAr) === k || foldName(a.nameEn) === k),
    );
    if (other)
      return fieldError(
        field,
        problem('actor.nameTaken', { name: value, other: displayName(other) }),
      );
  }
  return null;
}

/**
 * An actor made from a name selected in the text: an Arabic selection
 * becomes the Arabic name, any other the English name; surrounding
 * punctuation and quotation marks are dropped. When the name already names
 * an actor (name or alias, folded), that actor is returned as `existing`
 * instead of a new one.
 */
export function actorFromSelection(
  selected: string,
  existing: readonly ActorRecord[],
  opts: { id: string; now: number; kind?: ActorKind; affiliation?: string | null },
): ActorEditResult | { ok: 'existing'; actor: ActorRecord } {
  const n = nameFromSelection(selected);
  if (!n) return { ok: false, errors: [fieldError('nameAr', problem('actor.selectionNoName'))] };
  const k = foldName(n);
  const known = existing.find((a) => namesOf(a).some((x) => foldName(x) === k));
  if (known) return { ok: 'existing', actor: known };
  const arabic = ARABIC_LETTER.test(n);
  return createActor(
    {
      nameAr: arabic ? n : '',
      nameEn: arabic ? '' : n,
      kind: opts.kind ?? 'person',
      affiliation: opts.affiliation ?? null,
      aliases: [],
    },
    existing,
    opts,
  );
}

/** Changes an actor's fields. Spans are not touched: they point at the id. */
export function editActor(
  before: ActorRecord,
  patch: Partial<ActorFields>,
  existing: readonly ActorRecord[],
  now: number,
): ActorEditResult {
  const f = normalizeFields({
    nameAr: patch.nameAr ?? before.nameAr,
    nameEn: patch.nameEn ?? before.nameEn,
    kind: patch.kind ?? before.kind,
    affiliation: patch.affiliation === undefined ? before.affiliation : patch.affiliation,
    aliases: patch.aliases ?? before.aliases,
  });
  const checked = checkActor({ ...before, ...f, updatedAt: now });
  if (!checked.ok) return checked;
  const dup = duplicateOf(f, existing, before.id);
  if (dup) return { ok: false, errors: [dup] };
  const after = checked.actor;
  return {
    ok: true,
    actor: after,
    edit: {
      name: `edit actor ${displayName(after)}`,
      what: { op: 'edit', subject: displayName(after) },
      changes: [{ table: 'actors', before, after }],
      warnings: clashes(after, existing),
    },
  };
}

/**
 * Merges duplicates into `keep`: their names and aliases become aliases of
 * `keep` (its own names unchanged; an empty English name or affiliation is
 * taken from the first duplicate that has one), the spans in `spans` whose
 * holder is a duplicate now point at `keep` (their holder text becomes
 * `keep`'s name), and each duplicate stays as a tombstone, `mergedInto:
 * keep.id`. The tombstone is what a team needs: a colleague's spans (which
 * only the colleague may rewrite) keep the duplicate's id, and every reader
 * resolves it to `keep` (`resolveActorId`). Pass as `spans` the spans the
 * merging analyst may rewrite (others are left to resolve).
 */
export function mergeActors(
  keep: ActorRecord,
  duplicates: readonly ActorRecord[],
  spans: readonly SpanRecord[],
  now: number,
): ActorEditResult {
  const dups = duplicates.filter((d, i) => duplicates.findIndex((x) => x.id === d.id) === i);
  if (dups.length === 0)
    return { ok: false, errors: [fieldError('duplicates', problem('actor.chooseToMerge'))] };
  if (dups.some((d) => d.id === keep.id))
    return { ok: false, errors: [fieldError('duplicates', problem('actor.mergeIntoSelf'))] };
  const f = normalizeFields({
    nameAr: keep.nameAr,
    nameEn: keep.nameEn || (dups.find((d) => d.nameEn)?.nameEn ?? ''),
    kind: keep.kind,
    affiliation: keep.affiliation ?? dups.find((d) => d.affiliation)?.affiliation ?? null,
    aliases: [...keep.aliases, ...dups.flatMap((d) => namesOf(d))],
  });
  const checked = checkActor({ ...keep, ...f, updatedAt: now });
  if (!checked.ok) return checked;
  const after = checked.actor;
  const dupIds = new Set(dups.map((d) => d.id));
  const holder = displayName(after);
  const spanChanges: SpanChange[] = spans
    .filter((s) => s.holderActorId && dupIds.has(s.holderActorId))
    .map((s) => ({
      table: 'spans',
      before: s,
      after: { ...s, holderActorId: keep.id, holder, updatedAt: now },
    }));
  return {
    ok: true,
    actor: after,
    edit: {
      name: `merge ${dups.map(displayName).join(', ')} into ${holder}`,
      what: { op: 'merge', subject: dups.map(displayName).join('، '), into: holder },
      changes: [
        { table: 'actors', before: keep, after },
        ...dups.map((d): ActorChange => ({
          table: 'actors',
          before: d,
          after: { ...d, mergedInto: keep.id, updatedAt: now },
        })),
        ...spanChanges,
      ],
      warnings: [],
    },
  };
}

/**
 * Removes an actor. Spans that pointed at it keep its name as their
 * free-text holder, so no attribution is lost.
 */
export function deleteActor(
  actor: ActorRecord,
  spans: readonly SpanRecord[],
  now: number,
): ActorEdit {
  const holder = displayName(actor);
  return {
    name: `delete actor ${holder}`,
    what: { op: 'delete', subject: holder },
    changes: [
      { table: 'actors', before: actor, after: null },
      ...spans
        .filter((s) => s.holderActorId === actor.id)
        .map((s): SpanChange => ({
          table: 'spans',
          before: s,
          after: { ...s, holderActorId: null, holder, updatedAt: now },
        })),
    ],
    warnings: [],
  };
}

/**
 * Points every span whose free-text holder is `text` (folded) and that has
 * no actor at `actor`: how holders typed before actors existed are linked.
 */
export function linkHolderText(
  text: string,
  actor: ActorRecord,
  spans: readonly SpanRecord[],
  now: number,
): ActorEdit {
  const k = foldName(text);
  const holder = displayName(actor);
  return {
    name: `link “${cleanName(text)}” to ${holder}`,
    what: { op: 'link', subject: cleanName(text), into: holder },
    changes: spans
      .filter((s) => !s.holderActorId && s.holder && foldName(s.holder) === k)
      .map((s) => ({
        table: 'spans',
        before: s,
        after: { ...s, holderActorId: actor.id, holder, updatedAt: now },
      })),
    warnings: [],
  };
}

/** The changes that undo `changes`: each before/after swapped, in reverse order. */
export function invertActorChanges(changes: readonly ActorEditChange[]): ActorEditChange[] {
  return changes
    .map((c) => ({ ...c, before: c.after, after: c.before }) as ActorEditChange)
    .reverse();
}
