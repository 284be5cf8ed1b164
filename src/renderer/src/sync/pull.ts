/**
 * The puller: applies the local copy's changes feed to Dexie, batch by
 * batch, each batch in one transaction that also stores how far it got
 * (the feed's sequence), so a crash re-applies at most that batch, and
 * applying is idempotent. A document with a local change not yet in the
 * local copy (a pending outbox row) is skipped: that change is written on
 * top of it next and wins or conflicts there. Echoes of the app's own
 * writes are skipped too. Conflicts found on the way are handed back.
 */
import { parseTeamDocId } from '@core/team/ids.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { applyDocs, applyTables, prepareArticles } from './apply.ts';
import { checkDoc, teamIdOf, type CheckedDoc, type RawDoc, type Rejected } from './check.ts';
import { isShared } from './build.ts';
import { SEQ_KEY } from './meta.ts';
import { markIncoming } from './outbox.ts';
import type { Deliveries } from './deliveries.ts';
import type { Pouch } from './pouch.ts';
import { OUTBOX, type OutboxRow } from './tables.ts';

/** Changes applied per batch (one changes read, one transaction). */
export const PULL_BATCH = 1000;

/** A document of the batch that has more than one current version. */
export interface Conflicted {
  id: string;
  rev: string;
  conflicts: string[];
  /** Shared (gold, labels, settings, assignment): a person resolves it. */
  shared: boolean;
}

/** What one batch did. */
export interface PullResult {
  /** Changes read (0: the feed is exhausted). */
  read: number;
  rejected: Rejected[];
  conflicted: Conflicted[];
  /** Shared documents of the batch without conflicts (their conflict records go). */
  settled: string[];
  /** Articles among the changes: stored without their tokens (db/token-backfill.ts fills them). */
  articles: number;
}

/**
 * The outbox rows of `ids` (undefined where none). The outbox is usually
 * far smaller than a batch (a first sync, or a colleague's edit while
 * nothing waits here): then it is read whole, one request, instead of one
 * read per document of the batch. Call inside a transaction over the outbox.
 */
export async function outboxRows(
  db: WorkbenchDb,
  ids: readonly string[],
): Promise<(OutboxRow | undefined)[]> {
  if ((await db.outbox.count()) > ids.length) return db.outbox.bulkGet(ids as string[]);
  const all = new Map((await db.outbox.toArray()).map((r) => [r.id, r]));
  return ids.map((id) => all.get(id));
}

/**
 * Applies the next batch of the local copy's changes to Dexie: the
 * replicator's batches kept for it (`deliveries`, a first sync) where they
 * continue its checkpoint, else the copy's changes feed.
 */
export async function pullBatch(
  db: WorkbenchDb,
  local: Pouch,
  selfId: string,
  deliveries: Deliveries | null = null,
): Promise<PullResult> {
  // Every batch the replicator reported so far is kept first.
  await deliveries?.settled();
  const since = ((await db.syncMeta.get(SEQ_KEY))?.value as number | string | undefined) ?? 0;
  const taken = deliveries?.take(since, PULL_BATCH) ?? null;
  let raws: RawDoc[];
  let seq: number | string;
  if (taken) {
    raws = [...taken.ready, ...(await readDocs(local, taken.read))];
    seq = taken.seq;
  } else {
    // The copy's sequence before the read: a read that reaches the end of
    // the feed covers everything up to it.
    const before = deliveries ? Number((await local.info()).update_seq) : NaN;
    const res = await local.changes({
      since,
      limit: PULL_BATCH,
      include_docs: true,
      conflicts: true,
      return_docs: true,
    });
    raws = res.results.flatMap((r) => (r.doc ? [r.doc as RawDoc] : []));
    seq = res.last_seq;
    const end = Number(seq);
    if (res.results.length < PULL_BATCH && before > end) seq = before;
  }
  const result = await applyRaw(db, selfId, raws, seq);
  deliveries?.note(raws.map((r) => r._id));
  return result;
}

/** The winning versions of `ids` in the local copy, with their conflicts. */
async function readDocs(local: Pouch, ids: readonly string[]): Promise<RawDoc[]> {
  if (ids.length === 0) return [];
  const res = await local.allDocs({
    keys: [...ids],
    include_docs: true,
    conflicts: true,
  });
  return res.rows.flatMap((r) => {
    if ('error' in r) return [];
    if (r.value.deleted) return [{ _id: r.id, _rev: r.value.rev, _deleted: true }];
    return r.doc ? [r.doc as unknown as RawDoc] : [];
  });
}

/**
 * Applies the documents of one batch in one transaction, which also moves
 * the checkpoint to `seq`.
 */
async function applyRaw(
  db: WorkbenchDb,
  selfId: string,
  raws: readonly RawDoc[],
  seq: number | string,
): Promise<PullResult> {
  const rejected: Rejected[] = [];
  const checked: { doc: CheckedDoc; raw: RawDoc }[] = [];
  for (const raw of raws) {
    const c = checkDoc(raw);
    if (!c) continue;
    if ('problem' in c) rejected.push(c);
    else checked.push({ doc: c, raw });
  }
  // Hashing is not IndexedDB work: it runs before the transaction.
  const built = await prepareArticles(checked.map((c) => c.doc));
  const conflicted: Conflicted[] = [];
  const settled: string[] = [];
  await db.transaction(
    'rw',
    [db.outbox, db.syncMeta, db.conflicts, ...applyTables(db)],
    async (tx) => {
      markIncoming(tx);
      const ids = checked.map((c) => teamIdOf(c.doc));
      const rows = await outboxRows(db, ids);
      const apply: CheckedDoc[] = [];
      const dropRefused: string[] = [];
      checked.forEach(({ doc, raw }, i) => {
        const row = rows[i];
        if (row?.state === OUTBOX.pending) return;
        // The app's own write coming back: nothing to apply, unless another
        // version arrived beside it (a conflict to record).
        if (row?.state === OUTBOX.sent && row.rev === doc.rev && !raw._conflicts?.length) return;
        // The project's version replaces a change the server would refuse.
        if (row?.state === OUTBOX.refused) dropRefused.push(row.id);
        apply.push(doc);
        const parsed = parseTeamDocId(ids[i]!);
        const shared = !!parsed && isShared(parsed);
        if (raw._conflicts && raw._conflicts.length > 0)
          conflicted.push({ id: ids[i]!, rev: doc.rev, conflicts: raw._conflicts, shared });
        else if (shared) settled.push(ids[i]!);
      });
      if (dropRefused.length > 0) await db.outbox.bulkDelete(dropRefused);
      rejected.push(...(await applyDocs(db, apply, selfId, built)));
      if (settled.length > 0) await db.conflicts.bulkDelete(settled);
      await db.syncMeta.put({ key: SEQ_KEY, value: seq });
    },
  );
  const articles = checked.filter((c) => c.doc.id.kind === 'article').length;
  return { read: raws.length, rejected, conflicted, settled, articles };
}
