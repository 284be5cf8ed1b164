/**
 * The pusher: moves pending outbox rows into the local copy of the project,
 * from which PouchDB's replicator sends them to the server. For each row it
 * builds the document from what Dexie holds now and compares it with the
 * local copy's version:
 * - the same content: nothing to write;
 * - an analyst's own document (span, status, name) newer in the local copy
 *   (written on their other machine): that version wins and is applied to
 *   Dexie, as the later edit of the same span should;
 * - a shared document (gold, labels, settings, assignment, actor) that changed in
 *   the local copy since Dexie last read it: this version is written beside
 *   it, a CouchDB conflict, so both are kept and a person chooses (never a
 *   silent overwrite);
 * - a write the server's validation would refuse (the same function, run
 *   here): refused at once, with the reason, and never sent.
 * The row then records the revision written (or the refusal), unless the
 * document changed again meanwhile (its stamp), in which case it stays
 * pending for the next round.
 */
import { parseTeamDocId } from '@core/team/ids.ts';
import { checkWrite, type UserCtx } from '@core/team/validate.ts';
import { canonicalJson } from '@core/team/wire.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { applyDocs, applyTables, prepareArticles } from './apply.ts';
import { checkDoc, type CheckedDoc, type RawDoc } from './check.ts';
import { buildBodies, buildTables, type BuiltBody } from './build.ts';
import { markIncoming } from './outbox.ts';
import { randomRevHash, type Pouch, type PouchDoc } from './pouch.ts';
import { OUTBOX, type OutboxRow } from './tables.ts';

const BATCH = 250;

type Outcome =
  | { kind: 'sent'; rev: string; shared: boolean }
  | { kind: 'refused'; reason: string }
  | { kind: 'remote'; doc: RawDoc }
  | { kind: 'retry' }
  | { kind: 'drop' };

/** What the pusher needs. */
export interface PushContext {
  db: WorkbenchDb;
  local: Pouch;
  /** The signed-in user, for the validation pre-check. */
  user: UserCtx & { name: string };
}

const META = new Set(['_id', '_rev', '_conflicts', '_revisions', '_deleted', '_attachments']);
const SHARED_META = new Set([...META, 'updatedBy', 'updatedAt']);

/** Whether the local copy's document holds `built`'s content. */
function sameContent(doc: PouchDoc, built: BuiltBody): boolean {
  const skip = built.shared ? SHARED_META : META;
  const content = Object.fromEntries(Object.entries(doc).filter(([k]) => !skip.has(k)));
  return canonicalJson(content) === canonicalJson(built.content);
}

/**
 * Pushes one batch of pending rows into the local copy. Resolves to the
 * number of rows looked at (0 when none is pending).
 */
export async function pushBatch(ctx: PushContext): Promise<number> {
  const { db, local, user } = ctx;
  const { rows, bodies, bases } = await db.transaction(
    'r',
    [db.outbox, db.syncRevs, ...buildTables(db)],
    async () => {
      const rows = await db.outbox.where('state').equals(OUTBOX.pending).limit(BATCH).toArray();
      const ids = rows.map((r) => r.id);
      return {
        rows,
        bodies: await buildBodies(db, ids),
        bases: await db.syncRevs.bulkGet(ids),
      };
    },
  );
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  const current = await local.allDocs({ keys: ids, include_docs: true });
  const outcomes = new Map<string, Outcome>();
  const writes: Record<string, unknown>[] = [];
  const beside: { doc: Record<string, unknown>; base: string | undefined }[] = [];
  const now = Date.now();

  rows.forEach((row, i) => {
    const built = bodies.get(row.id);
    const parsed = parseTeamDocId(row.id);
    if (!built || !parsed) return outcomes.set(row.id, { kind: 'drop' });
    const cur = current.rows[i] as
      { value?: { rev: string; deleted?: boolean }; doc?: PouchDoc | null } | undefined;
    const rev = cur?.value?.rev;
    const live = cur?.value && !cur.value.deleted ? (cur.doc ?? null) : null;
    let next: Record<string, unknown>;
    if (!built.content) {
      // Gone here: a deletion (articles are never removed from a project).
      if (parsed.kind === 'article' || !live)
        return outcomes.set(
          row.id,
          rev ? { kind: 'sent', rev, shared: built.shared } : { kind: 'drop' },
        );
      next = { _id: row.id, _rev: rev, _deleted: true };
    } else {
      if (live && sameContent(live, built))
        return outcomes.set(row.id, { kind: 'sent', rev: live._rev, shared: built.shared });
      if (live && parsed.kind === 'article')
        return outcomes.set(row.id, { kind: 'sent', rev: live._rev, shared: false });
      const mine = built.content as { updatedAt?: unknown };
      if (
        live &&
        !built.shared &&
        typeof live.updatedAt === 'number' &&
        typeof mine.updatedAt === 'number' &&
        live.updatedAt > mine.updatedAt
      )
        return outcomes.set(row.id, { kind: 'remote', doc: live as RawDoc });
      // Shared documents say who wrote them and when (an actor keeps the
      // time of its edit).
      next = built.shared
        ? { updatedAt: now, ...built.content, updatedBy: user.name, _id: row.id }
        : { ...built.content, _id: row.id };
      if (rev) next._rev = rev;
    }
    const refusal = checkWrite(next as { _id: string }, live as { _id: string } | null, user);
    if (refusal)
      return outcomes.set(row.id, {
        kind: 'refused',
        reason: `${refusal.status}: ${refusal.reason}`,
      });
    const base = bases[i]?.rev;
    if (built.shared && live && live._rev !== base) beside.push({ doc: next, base });
    else writes.push(next);
  });

  if (writes.length > 0) {
    const results = await local.bulkDocs(writes);
    results.forEach((r, k) => {
      const id = writes[k]!._id as string;
      const shared = bodies.get(id)?.shared ?? false;
      outcomes.set(
        id,
        'ok' in r && r.ok ? { kind: 'sent', rev: r.rev, shared } : { kind: 'retry' },
      );
    });
  }
  for (const { doc, base } of beside) {
    const id = doc._id as string;
    outcomes.set(id, { kind: 'sent', rev: await writeBeside(local, doc, base), shared: true });
  }

  // The project's versions that win over ours, checked (and any article
  // among them built) before the transaction.
  const winners = new Map<string, CheckedDoc>();
  for (const [id, o] of outcomes)
    if (o.kind === 'remote') {
      const c = checkDoc(o.doc);
      if (c && !('problem' in c)) winners.set(id, c);
    }
  const built = await prepareArticles([...winners.values()]);

  await db.transaction('rw', [db.outbox, ...applyTables(db)], async (tx) => {
    markIncoming(tx);
    const now = await db.outbox.bulkGet(ids);
    const remote: CheckedDoc[] = [];
    const puts: OutboxRow[] = [];
    const revs: { id: string; rev: string }[] = [];
    const gone: string[] = [];
    rows.forEach((row, i) => {
      const o = outcomes.get(row.id) ?? { kind: 'retry' };
      // The revision of a shared document is what Dexie now builds on,
      // whether or not it changed again meanwhile.
      if (o.kind === 'sent' && o.shared) revs.push({ id: row.id, rev: o.rev });
      const same = now[i]?.stamp === row.stamp;
      if (!same || o.kind === 'retry') return;
      if (o.kind === 'sent') puts.push({ ...row, state: OUTBOX.sent, rev: o.rev });
      else if (o.kind === 'refused')
        puts.push({ ...row, state: OUTBOX.refused, refused: o.reason });
      else {
        gone.push(row.id);
        const c = winners.get(row.id);
        if (o.kind === 'remote' && c) remote.push(c);
      }
    });
    if (revs.length > 0) await db.syncRevs.bulkPut(revs);
    if (puts.length > 0) await db.outbox.bulkPut(puts);
    if (gone.length > 0) await db.outbox.bulkDelete(gone);
    if (remote.length > 0) await applyDocs(db, remote, user.name, built);
  });
  return rows.length;
}

/**
 * Writes `doc` as a new version beside the local copy's current one, as a
 * child of `base` (the version Dexie's content came from) or, without
 * one, as a first version: both stay, as a CouchDB conflict. Returns its
 * revision.
 */
async function writeBeside(
  local: Pouch,
  doc: Record<string, unknown>,
  base: string | undefined,
): Promise<string> {
  const id = doc._id as string;
  const hash = randomRevHash();
  let start = 1;
  let ancestors: string[] = [];
  if (base) {
    try {
      const prev = (await local.get(id, { rev: base, revs: true })) as PouchDoc & {
        _revisions?: { start: number; ids: string[] };
      };
      if (prev._revisions) {
        start = prev._revisions.start + 1;
        ancestors = prev._revisions.ids;
      }
    } catch {
      // The base version is not in the local copy (any more): a first version.
    }
  }
  const rev = `${start}-${hash}`;
  const body = { ...doc, _rev: rev, _revisions: { start, ids: [hash, ...ancestors] } };
  await local.bulkDocs([body], { new_edits: false });
  return rev;
}
