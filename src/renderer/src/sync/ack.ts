/**
 * The acknowledger: asks the server which sent revisions it has
 * (`_revs_diff`, its reply zod-checked) and clears those outbox rows, so
 * the header's "N changes waiting" counts exactly what the server lacks;
 * a row the server refused is marked so, with the reason.
 */
import { z } from 'zod';
import type { WorkbenchDb } from '../db/schema.ts';
import type { Pouch } from './pouch.ts';
import { OUTBOX } from './tables.ts';

const revsDiffReply = z.record(
  z.string(),
  z.looseObject({ missing: z.array(z.string()).optional() }),
);

/**
 * Clears the outbox's sent rows whose revision the server has, or has a
 * later version of (`_revs_diff`), so "N changes waiting" counts exactly
 * what the server lacks. A row changed meanwhile (a newer stamp) stays.
 */
export async function acknowledgeSent(db: WorkbenchDb, local: Pouch, remote: Pouch): Promise<void> {
  const rows = await db.outbox.where('state').equals(OUTBOX.sent).limit(1000).toArray();
  if (rows.length === 0) return;
  const missing = await serverLacks(
    remote,
    rows.map((r) => [r.id, r.rev ?? '']),
  );
  const has = rows.filter((r) => r.rev && !missing.has(`${r.id}\u0000${r.rev}`));
  // A revision the server lacks may have been superseded: a later
  // version built on it (another machine settled a conflict, or the
  // server compacted it away). The server has the change if it has a
  // version that descends from it.
  const superseded: typeof rows = [];
  const later: [string, string, string][] = [];
  for (const r of rows.filter((x) => x.rev && !has.includes(x))) {
    const leaves = (await local.get(r.id, { open_revs: 'all', revs: true })) as unknown as {
      ok?: { _rev: string; _revisions?: { start: number; ids: string[] } };
    }[];
    for (const leaf of leaves) {
      const revs = leaf.ok?._revisions;
      if (!revs || leaf.ok!._rev === r.rev) continue;
      if (revs.ids.some((h, i) => `${revs.start - i}-${h}` === r.rev))
        later.push([r.id, leaf.ok!._rev, r.rev!]);
    }
  }
  if (later.length > 0) {
    const lacks = await serverLacks(
      remote,
      later.map(([id, rev]) => [id, rev]),
    );
    for (const [id, rev, mine] of later)
      if (!lacks.has(`${id}\u0000${rev}`)) {
        const row = rows.find((x) => x.id === id && x.rev === mine);
        if (row && !superseded.includes(row)) superseded.push(row);
      }
  }
  const done = [...has, ...superseded];
  if (done.length === 0) return;
  await db.transaction('rw', db.outbox, async () => {
    const now = await db.outbox.bulkGet(done.map((r) => r.id));
    const gone = done.filter((r, i) => now[i]?.stamp === r.stamp && now[i]?.state === OUTBOX.sent);
    await db.outbox.bulkDelete(gone.map((r) => r.id));
  });
}

/** The (id, revision) pairs the server does not have, as `id\0rev` keys. */
async function serverLacks(remote: Pouch, pairs: [string, string][]): Promise<Set<string>> {
  const ask: Record<string, string[]> = {};
  for (const [id, rev] of pairs) (ask[id] ??= []).push(rev);
  const reply = revsDiffReply.safeParse(await remote.revsDiff(ask));
  if (!reply.success)
    throw Object.assign(new Error('the server’s _revs_diff reply is not CouchDB’s'), {
      status: 502,
    });
  const out = new Set<string>();
  for (const [id, r] of Object.entries(reply.data))
    for (const rev of r.missing ?? []) out.add(`${id}\u0000${rev}`);
  return out;
}

/** Marks the outbox row of `id`, which the server refused, with `reason`. */
export async function markRefused(db: WorkbenchDb, id: string, reason: string): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id);
    if (row) await db.outbox.put({ ...row, state: OUTBOX.refused, refused: `403: ${reason}` });
  });
}
