/**
 * Conflicts: a document with more than one current version in the project.
 * - An analyst's own documents (two of their machines edited one span
 *   offline) are resolved here without asking: the version edited last
 *   wins, the others are deleted. Both machines reach the same result (the
 *   revisions are deterministic), so resolving twice makes no new conflict.
 * - Actors (shared reference data any member edits) merge field-wise
 *   without asking (`resolveActor`).
 * - Shared documents (gold, labels, settings, assignments) are kept with all
 *   their versions in the conflicts table, shown in Review or the Team view,
 *   until an adjudicator or lead keeps one (`resolveShared`).
 */
import { mergeActorVersions } from '@core/actors/conflict.ts';
import type { ActorRecord } from '@core/model.ts';
import { ownerOf, parseTeamDocId } from '@core/team/ids.ts';
import { checkWrite, type UserCtx } from '@core/team/validate.ts';
import {
  actorContent,
  goldSpans,
  type AssignBody,
  type GoldBody,
  type LabelsBody,
  type SettingsBody,
} from '@core/team/wire.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { checkDoc, type CheckedDoc, type RawDoc } from './check.ts';
import { markIncoming } from './outbox.ts';
import type { Pouch } from './pouch.ts';
import type { Conflicted } from './pull.ts';
import type { ConflictRecord, ConflictVersion } from './tables.ts';

const META = ['_id', '_rev', '_conflicts', '_revisions', '_deleted'];

function strip(doc: RawDoc): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !META.includes(k)));
}

async function leaves(local: Pouch, c: Conflicted): Promise<RawDoc[]> {
  const res = await local.bulkGet({
    docs: [c.rev, ...c.conflicts].map((rev) => ({ id: c.id, rev })),
  });
  return res.results.flatMap((r) =>
    r.docs.flatMap((d) => ('ok' in d ? [d.ok as unknown as RawDoc] : [])),
  );
}

/**
 * Resolves a conflict of this analyst's own document: the version with the
 * latest `updatedAt` (then the highest revision) stays.
 */
export async function resolveOwn(local: Pouch, c: Conflicted): Promise<void> {
  const docs = await leaves(local, c);
  const live = docs.filter((d) => !d._deleted);
  if (live.length < 2) return;
  const stamp = (d: RawDoc): number => (typeof d.updatedAt === 'number' ? d.updatedAt : 0);
  live.sort((a, b) => stamp(b) - stamp(a) || (a._rev < b._rev ? 1 : -1));
  const chosen = live[0]!;
  const winner = live.find((d) => d._rev === c.rev) ?? chosen;
  if (chosen._rev !== winner._rev)
    await local.put({ ...strip(chosen), _id: c.id, _rev: winner._rev });
  for (const d of live) if (d._rev !== winner._rev) await local.remove(c.id, d._rev);
}

/**
 * Settles a conflicted actor: its live versions merged field-wise (core
 * `mergeActorVersions`: the latest edit's names, every alias, a merge
 * kept), written on top of CouchDB's winning version, the others removed.
 * Only the author of the winning version does it (`updatedBy`: the
 * validation wants the writer named, so two members resolving at once
 * would each write their own version and conflict again); until then
 * everyone shows the winning version, and every alias is back once it is
 * done. Resolves to whether it wrote.
 */
export async function resolveActor(
  local: Pouch,
  c: Conflicted,
  user: UserCtx & { name: string },
): Promise<boolean> {
  const docs = await leaves(local, c);
  const winner = docs.find((d) => d._rev === c.rev);
  if (!winner || winner._deleted || winner.updatedBy !== user.name) return false;
  const versions: { rev: string; actor: ActorRecord }[] = [];
  for (const d of docs) {
    if (d._deleted) continue;
    const checked = checkDoc(d);
    if (checked && !('problem' in checked) && checked.id.kind === 'actor') {
      const actor = (checked as { actor: ActorRecord | null }).actor;
      if (actor) versions.push({ rev: d._rev, actor });
    }
  }
  if (versions.length < 2) return false;
  const next = {
    ...actorContent(mergeActorVersions(versions)),
    updatedBy: user.name,
    _id: c.id,
    _rev: c.rev,
  };
  if (checkWrite(next, winner, user)) return false;
  try {
    await local.put(next);
    for (const d of docs) if (d._rev !== c.rev && !d._deleted) await local.remove(c.id, d._rev);
  } catch (err) {
    // A newer version arrived meanwhile: the next pull brings the conflict back.
    if ((err as { status?: number }).status === 409) return false;
    throw err;
  }
  return true;
}

function summary(doc: CheckedDoc): Omit<ConflictVersion, 'rev' | 'updatedBy' | 'updatedAt'> {
  switch (doc.id.kind) {
    case 'gold': {
      const b = (doc as { body: GoldBody | null }).body;
      if (!b) return { summary: 'gold removed', spans: [], status: null };
      const n = b.spans.length;
      return {
        summary: `${n} span${n === 1 ? '' : 's'}${b.status === 'done' ? ', adjudicated' : ''}`,
        spans: goldSpans(b),
        status: b.status,
      };
    }
    case 'labels': {
      const b = (doc as { body: LabelsBody | null }).body;
      const labels = b?.labels ?? [];
      return { summary: labels.map((l) => l.name).join(', '), labels };
    }
    case 'settings': {
      const b = (doc as { body: SettingsBody | null }).body;
      return { summary: b?.blind ? 'blind mode on' : 'blind mode off', blind: b?.blind ?? false };
    }
    case 'assign': {
      const b = (doc as { body: AssignBody | null }).body;
      const ids = b?.annotatorIds ?? [];
      return { summary: ids.length > 0 ? ids.join(', ') : 'nobody', annotatorIds: ids };
    }
    default:
      return { summary: '' };
  }
}

/** Stores the versions of conflicted shared documents, for a person to choose. */
export async function recordShared(
  db: WorkbenchDb,
  local: Pouch,
  list: Conflicted[],
): Promise<void> {
  const records: ConflictRecord[] = [];
  for (const c of list) {
    const versions: ConflictVersion[] = [];
    for (const raw of await leaves(local, c)) {
      if (raw._deleted) continue;
      const doc = checkDoc(raw);
      if (!doc || 'problem' in doc) continue;
      versions.push({
        rev: raw._rev,
        updatedBy: typeof raw.updatedBy === 'string' ? raw.updatedBy : '?',
        updatedAt: typeof raw.updatedAt === 'number' ? raw.updatedAt : 0,
        ...summary(doc),
      });
    }
    // The version shown meanwhile first.
    versions.sort((a, b) => (a.rev === c.rev ? -1 : b.rev === c.rev ? 1 : 0));
    const kind = c.id.startsWith('gold:')
      ? 'gold'
      : c.id.startsWith('assign:')
        ? 'assign'
        : c.id === 'project:labels'
          ? 'labels'
          : 'settings';
    const docId = kind === 'gold' || kind === 'assign' ? c.id.slice(c.id.indexOf(':') + 1) : '';
    if (versions.length > 1) records.push({ id: c.id, kind, docId, versions });
  }
  if (records.length === 0) return;
  await db.transaction('rw', db.conflicts, async (tx) => {
    markIncoming(tx);
    await db.conflicts.bulkPut(records);
  });
}

/**
 * Keeps version `keepRev` of a conflicted shared document and removes the
 * others, in the local copy (the replicator sends it on). Resolves to null,
 * or why it could not (the user's role, or the conflict changed meanwhile).
 */
export async function resolveShared(
  local: Pouch,
  id: string,
  keepRev: string,
  user: UserCtx & { name: string },
): Promise<string | null> {
  const doc = (await local.get(id, { conflicts: true })) as unknown as RawDoc;
  const revs = [doc._rev, ...(doc._conflicts ?? [])];
  if (!revs.includes(keepRev)) return 'This conflict changed meanwhile: look at it again.';
  const keep =
    keepRev === doc._rev ? doc : ((await local.get(id, { rev: keepRev })) as unknown as RawDoc);
  const next = {
    ...strip(keep),
    updatedBy: user.name,
    updatedAt: Date.now(),
    _id: id,
    _rev: doc._rev,
  };
  const refusal = checkWrite(next, doc, user);
  if (refusal) return `${refusal.status}: ${refusal.reason}`;
  if (keepRev !== doc._rev) await local.put(next);
  for (const rev of revs) if (rev !== doc._rev) await local.remove(id, rev);
  return null;
}

/**
 * What the puller found conflicted, settled or recorded: shared documents
 * recorded for a person to resolve; this analyst's own documents resolved
 * (only the owner's machines settle them); actors merged by the author of
 * the winning version.
 */
export async function settleConflicts(
  db: WorkbenchDb,
  local: Pouch,
  list: readonly Conflicted[],
  user: UserCtx & { name: string },
): Promise<void> {
  const shared = list.filter((c) => c.shared);
  if (shared.length > 0) await recordShared(db, local, shared);
  for (const c of list) {
    const id = parseTeamDocId(c.id);
    if (!c.shared && id && ownerOf(id) === user.name) await resolveOwn(local, c);
    if (id?.kind === 'actor') await resolveActor(local, c, user);
  }
}
