/**
 * The sync engine of a connected project. It runs:
 * - PouchDB's replicator, live both ways with retries, between the local
 *   copy of the project and the server (replication.ts; nothing else
 *   speaks the protocol);
 * - the bridge between Dexie and the local copy (bridge.ts): the pusher
 *   and the puller;
 * - the acknowledger, which asks the server which sent revisions it has
 *   (`_revs_diff`) and clears those rows, so "N changes waiting" counts
 *   exactly what the server lacks.
 * A first sync into an empty copy takes the pull replicator's batches
 * (deliveries.ts) and starts the push direction once the first pull has
 * caught up, at the copy's sequence then, so PouchDB's push replicator does
 * not read the whole project back out of the copy to ask the server about
 * each document; engines sharing a copy take turns meanwhile (copy-lock.ts).
 * It reports a `SyncStatus` for the header: synced, N changes waiting, or
 * the last error named (401, 403, unreachable).
 */
import type { Subscription } from 'dexie';
import type { WorkbenchDb } from '../db/schema.ts';
import { acknowledgeSent, markRefused } from './ack.ts';
import { Bridge } from './bridge.ts';
import type { RawDoc } from './check.ts';
import { resolveShared } from './conflicts.ts';
import { lockCopy, type CopyLock } from './copy-lock.ts';
import { Deliveries } from './deliveries.ts';
import type { TeamConfig } from './meta.ts';
import { openLocal, openRemote, type Pouch } from './pouch.ts';
import { isFullBatch, replicate, type Replication } from './replication.ts';
import {
  deniedError,
  describeSyncError,
  phaseOf,
  STARTING,
  watchOutbox,
  type SyncStatus,
} from './status.ts';
import type { TeamFetch } from './transport.ts';

export { describeSyncError, type SyncError, type SyncStatus } from './status.ts';

/** Tuning (tests and the bench shorten or lengthen these). */
export interface EngineOptions {
  /** Replication batch size (documents per request). */
  batchSize?: number;
  /** How often sent rows are checked against the server while any are left. */
  ackEveryMs?: number;
  /** The retry delays of PouchDB's replicator: first, and most. */
  backOff?: { first: number; max: number };
}

export class SyncEngine {
  private readonly local: Pouch;
  private readonly remote: Pouch;
  private reps: { push?: Replication; pull?: Replication } = {};
  /** Held from before the copy is looked at until the push direction starts. */
  private lock: CopyLock | null = null;
  private abort = new AbortController();
  /** A first sync into an empty copy whose push direction waits for the pull. */
  private deferPush = false;
  private pushStarting = false;
  private changes: PouchDB.Core.Changes<Record<string, unknown>> | null = null;
  private readonly bridge: Bridge;
  private outboxWatch: Subscription | null = null;
  private ackTimer: ReturnType<typeof setInterval> | null = null;
  private running = false;
  private replicating = { push: false, pull: false };
  private status: SyncStatus = STARTING;
  private readonly listeners = new Set<(s: SyncStatus) => void>();

  constructor(
    private readonly db: WorkbenchDb,
    private readonly config: TeamConfig,
    fetch: TeamFetch,
    private readonly options: EngineOptions = {},
  ) {
    this.local = openLocal(config.localName);
    this.remote = openRemote(config.server, config.project, fetch);
    this.bridge = new Bridge(db, this.local, this.user, {
      running: () => this.running,
      watchLocal: () => this.watchLocal(),
      rejected: (r) => this.set({ rejected: [...this.status.rejected, ...r].slice(-50) }),
      idle: () => this.set({}),
      fail: (err) => this.fail(err),
    });
  }

  /** The local copy of the project (tests and the bench look into it). */
  get localCopy(): Pouch {
    return this.local;
  }

  /** The current status. */
  get current(): SyncStatus {
    return this.status;
  }

  /** Calls `fn` with every new status; returns the unsubscribe. */
  subscribe(fn: (s: SyncStatus) => void): () => void {
    this.listeners.add(fn);
    fn(this.status);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<SyncStatus>): void {
    const next = { ...this.status, ...patch };
    const busy = this.replicating.push || this.replicating.pull || this.bridge.busy;
    next.phase = phaseOf(next, this.running, busy);
    this.status = next;
    for (const l of this.listeners) l(next);
  }

  /** Starts replicating and bridging. */
  start(): void {
    if (this.running) return;
    this.running = true;
    // Busy until each direction has caught up once.
    this.replicating = { push: true, pull: true };
    this.abort = new AbortController();
    this.outboxWatch = watchOutbox(
      this.db,
      (c) => {
        this.set({ waiting: c.pending + c.sent, refused: c.refused, refusedReason: c.reason });
        if (c.pending > 0) this.bridge.schedule({ push: true });
      },
      (err) => this.fail(err),
    );
    this.ackTimer = setInterval(() => {
      if (this.status.waiting > 0 && !this.status.lastError) void this.acknowledge();
    }, this.options.ackEveryMs ?? 1000);
    void this.begin().catch((err: unknown) => {
      if (this.running) this.fail(err);
    });
  }

  /**
   * Takes the copy's lock, looks at the copy and starts the pull
   * direction; the push direction too, unless this is a first sync into
   * an empty copy (then it starts when the first pull has caught up).
   */
  private async begin(): Promise<void> {
    const lock = await lockCopy(this.config.localName, this.abort.signal);
    if (!this.running) return lock?.release();
    this.lock = lock;
    const deliveries = new Deliveries(this.local, this.config.user);
    await deliveries.settled();
    if (!this.running) return;
    this.bridge.deliveries = deliveries;
    // Without a lock another engine may write into the copy: no promise.
    this.deferPush = deliveries.active && lock !== null;
    this.bridge.pulling = true;
    this.reps.pull = this.start1('pull');
    if (!deliveries.active) this.watchLocal();
    if (!this.deferPush) await this.startPush();
    this.bridge.schedule({ pull: true, push: true });
  }

  /** Starts one direction of the replication, listened to. */
  private start1(dir: 'push' | 'pull', since?: number): Replication {
    const { bridge } = this;
    return replicate(
      this.local,
      this.remote,
      dir,
      { ...this.options, since },
      {
        // Retries make a replication active again before anything worked, so
        // only progress (a change, or catching up) clears the last error.
        active: () => {
          this.replicating[dir] = true;
          if (dir === 'pull') bridge.pullBusy = true;
          this.set({});
        },
        paused: (err) => {
          this.replicating[dir] = false;
          if (dir === 'pull') {
            bridge.pullBusy = false;
            // Nothing comes in now: the articles' tokens may be filled.
            bridge.idle();
          }
          // Caught up (or failed): the batches kept are applied, and later
          // changes are read from the copy's feed.
          if (dir === 'pull' && (!bridge.bulk || bridge.deliveries)) bridge.schedulePull();
          if (dir === 'pull') bridge.deliveries?.close();
          if (err) return this.fail(err);
          this.set({ lastError: null });
          if (dir === 'push') void this.acknowledge();
          else void this.startPush();
        },
        change: (info) => {
          if (dir === 'pull') {
            bridge.bulk = isFullBatch(info, this.options.batchSize);
            const docs = (info as { docs?: RawDoc[] } | undefined)?.docs ?? [];
            bridge.deliveries?.add(docs);
            if (bridge.deliveries) bridge.changed(docs.length);
          }
          this.set({ lastError: null });
          if (dir === 'push') void this.acknowledge();
        },
        // Replication errors are retried by PouchDB; each is named meanwhile.
        requestError: (err) => this.fail(err),
        denied: (err) => void this.denied(err),
      },
    );
  }

  /**
   * Starts the push direction, once. After a first sync into an empty copy
   * it starts at the copy's sequence then: everything below came from the
   * server (the pusher waited, and the lock kept other engines out), so the
   * push replicator need not read the whole project back out of the copy
   * to learn the server has it. If the bridge wrote into the copy
   * meanwhile (settling a conflict), it starts from its checkpoint.
   */
  private async startPush(): Promise<void> {
    if (this.pushStarting || !this.bridge.pulling || !this.running) return;
    this.pushStarting = true;
    let since: number | undefined;
    if (this.deferPush) {
      const seq = Number((await this.local.info()).update_seq);
      // Looked at after the sequence: a write the bridge began before it
      // has set the flag by now, and any later one is above it.
      if (!this.bridge.copyWritten) since = seq;
    }
    if (!this.running) return;
    this.reps.push = this.start1('push', since);
    this.bridge.pushing = true;
    this.lock?.release();
    this.lock = null;
    this.bridge.schedule({ push: true });
  }

  /**
   * From now on every change of the local copy is noticed through its own
   * feed (after a first sync; the replicator's batches told of the changes
   * until then, and the bridge's own writes asked for a pull themselves).
   */
  private watchLocal(): void {
    if (!this.running || this.changes) return;
    this.bridge.deliveries?.close();
    this.bridge.deliveries = null;
    this.changes = this.local
      .changes({ live: true, since: 'now' })
      .on('change', () => this.bridge.changed());
    this.bridge.schedulePull();
  }

  /** Stops everything; the local copy and Dexie keep what they have. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.abort.abort();
    this.reps.pull?.cancel();
    this.reps.push?.cancel();
    this.reps = {};
    this.changes?.cancel();
    this.changes = null;
    this.bridge.deliveries?.close();
    this.bridge.deliveries = null;
    this.outboxWatch?.unsubscribe();
    if (this.ackTimer) clearInterval(this.ackTimer);
    await this.bridge.stop();
    this.lock?.release();
    this.lock = null;
    await this.local.close().catch(() => undefined);
  }

  private fail(err: unknown): void {
    this.set({ lastError: describeSyncError(err) });
  }

  private get user(): { name: string; roles: TeamConfig['roles'] } {
    return { name: this.config.user, roles: this.config.roles };
  }

  /** Clears sent rows the server has. */
  private acking: Promise<void> | null = null;
  acknowledge(): Promise<void> {
    if (!this.acking)
      this.acking = acknowledgeSent(this.db, this.local, this.remote)
        .catch((err: unknown) => this.fail(err))
        .finally(() => (this.acking = null));
    return this.acking;
  }

  /** A document the server refused: its row says why. */
  private async denied(err: unknown): Promise<void> {
    const { id, reason, error } = deniedError(err);
    this.set({ lastError: error });
    if (id) await markRefused(this.db, id, reason);
  }

  /** Waits until the bridge has nothing left to do now. */
  settle(): Promise<void> {
    return this.bridge.settle();
  }

  /** Keeps one version of a conflicted shared document; null or why not. */
  async resolve(id: string, keepRev: string): Promise<string | null> {
    if (!this.reps.push) this.bridge.copyWritten = true;
    await this.settle();
    const why = await resolveShared(this.local, id, keepRev, this.user);
    if (!why) await this.settle();
    return why;
  }
}
