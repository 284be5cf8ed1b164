/**
 * One direction of PouchDB's live replication between the local copy of a
 * project and the server, as the sync engine runs it: live, retried with
 * the engine's back-off, its events handed to the engine. The two
 * directions are started apart (not as PouchDB's `sync`) because the push
 * direction of a first sync starts later than the pull (engine.ts).
 */
import type { Pouch } from './pouch.ts';

/** Documents per replication batch unless told. */
const BATCH_SIZE = 100;

/** One direction of the replication, as the engine listens to it. */
export interface Replication {
  on(event: 'active', fn: () => void): unknown;
  on(event: 'change', fn: (info?: unknown) => void): unknown;
  on(event: 'paused' | 'requestError' | 'denied', fn: (err?: unknown) => void): unknown;
  cancel(): void;
}

/** What the engine does on a direction's events. */
export interface ReplicationEvents {
  /** Working (again); retries make it active before anything worked. */
  active(): void;
  /** Caught up, or failed (`err`) and waiting to retry. */
  paused(err?: unknown): void;
  /** A batch written (`info.docs`: the documents). */
  change(info?: unknown): void;
  /** A request failed; PouchDB retries. */
  requestError(err: unknown): void;
  /** The target refused a document. */
  denied(err: unknown): void;
}

/** How a direction runs. */
export interface ReplicationOptions {
  /** Documents per batch (default 100). */
  batchSize?: number | undefined;
  /** Retry delays: the first, and the most (default 1 s and 10 s). */
  backOff?: { first: number; max: number } | undefined;
  /**
   * Where the push direction starts in the copy: PouchDB saves it as the
   * checkpoint, a promise that the server has everything up to it.
   */
  since?: number | undefined;
}

/** Starts `dir` (pull: server → copy; push: copy → server). */
export function replicate(
  local: Pouch,
  remote: Pouch,
  dir: 'push' | 'pull',
  opts: ReplicationOptions,
  on: ReplicationEvents,
): Replication {
  const { first, max } = opts.backOff ?? { first: 1000, max: 10_000 };
  const options = {
    live: true,
    retry: true,
    batch_size: opts.batchSize ?? BATCH_SIZE,
    back_off_function: (delay: number) => (delay === 0 ? first : Math.min(delay * 2, max)),
    ...(opts.since === undefined ? {} : { since: opts.since }),
  };
  const rep = (dir === 'pull'
    ? local.replicate.from(remote, options)
    : local.replicate.to(remote, options)) as unknown as Replication;
  rep.on('active', () => on.active());
  rep.on('paused', (err) => on.paused(err));
  rep.on('change', (info) => on.change(info));
  rep.on('requestError', (err) => on.requestError(err));
  rep.on('denied', (err) => on.denied(err));
  return rep;
}

/**
 * Whether a replication 'change' event reports a full batch (more are
 * likely on their way), or pending changes on the server (CouchDB 2+ says).
 */
export function isFullBatch(info: unknown, batchSize = BATCH_SIZE): boolean {
  const i = info as { docs?: unknown[]; pending?: unknown } | undefined;
  if (typeof i?.pending === 'number') return i.pending > 0;
  return Array.isArray(i?.docs) && i.docs.length >= batchSize;
}
