/**
 * The sync engine of a connected project. It runs:
 * - PouchDB's replicator, live both ways with retries, between the local
 *   copy of the project and the server (nothing else speaks the protocol);
 * - the bridge between Dexie and the local copy: the pusher (outbox →
 *   local copy) and the puller (local copy's changes → Dexie), one batch at
 *   a time and never both at once, so neither acts on a stale view of the
 *   other's work;
 * - the acknowledger, which asks the server which sent revisions it has
 *   (`_revs_diff`) and clears those rows, so "N changes waiting" counts
 *   exactly what the server lacks.
 * It reports a `SyncStatus` for the header: synced, N changes waiting, or
 * the last error named (401, 403, unreachable).
 */
import { problem } from '@core/problems/problem.ts';
import { liveQuery, type Subscription } from 'dexie';
import { parseTeamDocId, ownerOf } from '@core/team/ids.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { acknowledgeSent } from './ack.ts';
import type { RawDoc } from './check.ts';
import { recordShared, resolveActor, resolveOwn, resolveShared } from './conflicts.ts';
import { Deliveries } from './deliveries.ts';
import type { TeamConfig } from './meta.ts';
import { openLocal, openRemote, type Pouch } from './pouch.ts';
import { PULL_BATCH, pullBatch, type Conflicted } from './pull.ts';
import { pushBatch } from './push.ts';
import { OUTBOX } from './tables.ts';
import { describeSyncError, syncError, type SyncStatus } from './status.ts';
import type { TeamFetch } from './transport.ts';

export { describeSyncError, type SyncError, type SyncStatus } from './status.ts';

/** One direction of PouchDB's live sync, as the engine listens to it. */
interface Replication {
  on(event: 'active', fn: () => void): unknown;
  on(event: 'change', fn: (info?: unknown) => void): unknown;
  on(event: 'paused' | 'requestError' | 'denied', fn: (err?: unknown) => void): unknown;
}

/** Tuning (tests and the bench shorten or lengthen these). */
export interface EngineOptions {
  /** Replication batch size (documents per request). */
  batchSize?: number;
  /** How often sent rows are checked against the server while any are left. */
  ackEveryMs?: number;
  /** The retry delays of PouchDB's replicator: first, and most. */
  backOff?: { first: number; max: number };
}

/** The longest a local change waits for the puller while the replicator is busy. */
const HOLD_MS = 2000;

/**
 * Whether a replication 'change' event reports a full batch (more are
 * likely on their way), or pending changes on the server (CouchDB 2+ says).
 */
function isFullBatch(info: unknown, batchSize: number): boolean {
  const i = info as { docs?: unknown[]; pending?: unknown } | undefined;
  if (typeof i?.pending === 'number') return i.pending > 0;
  return Array.isArray(i?.docs) && i.docs.length >= batchSize;
}

export class SyncEngine {
  private readonly local: Pouch;
  private readonly remote: Pouch;
  private sync: PouchDB.Replication.Sync<Record<string, unknown>> | null = null;
  private changes: PouchDB.Core.Changes<Record<string, unknown>> | null = null;
  /** The replicator's batches kept for the puller during a first sync (deliveries.ts). */
  private deliveries: Deliveries | null = null;
  private outboxWatch: Subscription | null = null;
  private ackTimer: ReturnType<typeof setInterval> | null = null;
  private running = false;
  private working: Promise<void> = Promise.resolve();
  private wantPull = false;
  private wantPush = false;
  private replicating = { push: false, pull: false };
  /** Local changes not yet asked to be pulled, and the timer that asks anyway. */
  private held = 0;
  /** The pull replication's last batch was full: more are coming. */
  private bulk = false;
  private holdTimer: ReturnType<typeof setTimeout> | null = null;
  private status: SyncStatus = {
    phase: 'starting',
    waiting: 0,
    refused: 0,
    refusedReason: null,
    lastError: null,
    rejected: [],
  };
  private readonly listeners = new Set<(s: SyncStatus) => void>();

  constructor(
    private readonly db: WorkbenchDb,
    private readonly config: TeamConfig,
    fetch: TeamFetch,
    private readonly options: EngineOptions = {},
  ) {
    this.local = openLocal(config.localName);
    this.remote = openRemote(config.server, config.project, fetch);
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
    const busy = this.replicating.push || this.replicating.pull || this.wantPull || this.wantPush;
    next.phase = next.lastError
      ? 'error'
      : !this.running
        ? 'starting'
        : busy || next.waiting > 0
          ? 'syncing'
          : 'synced';
    this.status = next;
    for (const l of this.listeners) l(next);
  }

  /** Starts replicating and bridging. */
  start(): void {
    if (this.running) return;
    this.running = true;
    // Busy until each direction has caught up once.
    this.replicating = { push: true, pull: true };
    const first = this.options.backOff?.first ?? 1000;
    const max = this.options.backOff?.max ?? 10_000;
    const batchSize = this.options.batchSize ?? 100;
    const sync = this.local.sync(this.remote, {
      live: true,
      retry: true,
      batch_size: batchSize,
      back_off_function: (delay: number) => (delay === 0 ? first : Math.min(delay * 2, max)),
    });
    this.sync = sync;
    // The two directions' replications (PouchDB's sync object has them).
    const reps = sync as unknown as Record<'push' | 'pull', Replication>;
    for (const dir of ['push', 'pull'] as const) {
      const rep = reps[dir];
      // Retries make a replication active again before anything worked, so
      // only progress (a change, or catching up) clears the last error.
      rep.on('active', () => {
        this.replicating[dir] = true;
        this.set({});
      });
      rep.on('paused', (err) => {
        this.replicating[dir] = false;
        // Caught up (or failed): the batches kept are applied, and later
        // changes are read from the copy's feed.
        if (dir === 'pull' && (!this.bulk || this.deliveries)) this.schedulePull();
        if (dir === 'pull') this.deliveries?.close();
        if (err) this.fail(err);
        else {
          this.set({ lastError: null });
          if (dir === 'push') void this.acknowledge();
        }
      });
      rep.on('change', (info?: unknown) => {
        if (dir === 'pull') {
          this.bulk = isFullBatch(info, batchSize);
          if (this.deliveries) {
            const docs = (info as { docs?: RawDoc[] } | undefined)?.docs ?? [];
            this.deliveries.add(docs);
            this.changed(docs.length);
          }
        }
        this.set({ lastError: null });
        if (dir === 'push') void this.acknowledge();
      });
      // Replication errors are retried by PouchDB; each is named meanwhile.
      rep.on('requestError', (err) => this.fail(err));
      rep.on('denied', (err) => void this.denied(err));
    }
    // A first sync into an empty copy takes the replicator's batches; the
    // copy's own feed is watched once that is over (watchLocal).
    const deliveries = new Deliveries(this.local, this.config.user);
    this.deliveries = deliveries;
    void deliveries.settled().then(() => {
      if (!deliveries.active) this.watchLocal();
    });
    this.outboxWatch = liveQuery(async () => {
      const [pending, sent, refused] = await Promise.all([
        this.db.outbox.where('state').equals(OUTBOX.pending).count(),
        this.db.outbox.where('state').equals(OUTBOX.sent).count(),
        this.db.outbox.where('state').equals(OUTBOX.refused).count(),
      ]);
      const first =
        refused > 0
          ? await this.db.outbox.where('state').equals(OUTBOX.refused).first()
          : undefined;
      return { pending, sent, refused, reason: first?.refused ?? null };
    }).subscribe({
      next: (c) => {
        this.set({ waiting: c.pending + c.sent, refused: c.refused, refusedReason: c.reason });
        if (c.pending > 0) this.schedule({ push: true });
      },
      error: (err: unknown) => this.fail(err),
    });
    const every = this.options.ackEveryMs ?? 1000;
    this.ackTimer = setInterval(() => {
      if (this.status.waiting > 0 && !this.status.lastError) void this.acknowledge();
    }, every);
    this.schedule({ pull: true, push: true });
  }

  /**
   * From now on every change of the local copy is noticed through its own
   * feed (after a first sync; the replicator's batches told of the changes
   * until then, and the bridge's own writes asked for a pull themselves).
   */
  private watchLocal(): void {
    if (!this.running || this.changes) return;
    this.deliveries?.close();
    this.deliveries = null;
    this.changes = this.local
      .changes({ live: true, since: 'now' })
      .on('change', () => this.changed());
    this.schedulePull();
  }

  /** Stops everything; the local copy and Dexie keep what they have. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.sync?.cancel();
    this.changes?.cancel();
    this.changes = null;
    this.deliveries?.close();
    this.deliveries = null;
    this.outboxWatch?.unsubscribe();
    if (this.ackTimer) clearInterval(this.ackTimer);
    if (this.holdTimer) clearTimeout(this.holdTimer);
    await this.working.catch(() => undefined);
    await this.local.close().catch(() => undefined);
  }

  private fail(err: unknown): void {
    const lastError = describeSyncError(err);
    this.set({ lastError });
  }

  /**
   * A change in the local copy. While the replicator is bringing the
   * server's documents in by full batches (a first sync, or a long time
   * offline), the puller waits for a batch of its own (PULL_BATCH changes,
   * or HOLD_MS, or a replicator batch that is not full: caught up).
   * Applying the feed a few documents at a time costs a transaction, a
   * changes read and a rewrite of the derived rows per few documents,
   * which made the puller of a first sync cost as much as the replication.
   * A colleague's edit arrives in a batch of its own and is pulled at once.
   */
  private changed(count = 1): void {
    if (!this.bulk) return this.schedulePull();
    this.held += count;
    if (this.held >= PULL_BATCH) return this.schedulePull();
    this.holdTimer ??= setTimeout(() => this.schedulePull(), HOLD_MS);
  }

  private schedulePull(): void {
    this.held = 0;
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    if (this.running) this.schedule({ pull: true });
  }

  /** Asks for a bridge run; runs serialize. */
  private schedule(what: { pull?: boolean; push?: boolean }): void {
    if (what.pull) this.wantPull = true;
    if (what.push) this.wantPush = true;
    this.working = this.working.then(() => this.work()).catch((err: unknown) => this.fail(err));
  }

  private async work(): Promise<void> {
    while (this.running && (this.wantPull || this.wantPush)) {
      if (this.wantPull) {
        this.wantPull = false;
        const r = await pullBatch(this.db, this.local, this.config.user, this.deliveries);
        if (this.deliveries && !this.deliveries.active) this.watchLocal();
        // More to read now; while the replicator brings in full batches,
        // a partial batch waits for the rest (changed()).
        if (r.read >= PULL_BATCH || (r.read > 0 && !this.bulk)) this.wantPull = true;
        if (r.rejected.length > 0)
          this.set({ rejected: [...this.status.rejected, ...r.rejected].slice(-50) });
        await this.conflicts(r.conflicted);
        // Settling a conflict writes to the copy: read it back.
        if (r.conflicted.length > 0 && this.deliveries) this.wantPull = true;
      }
      if (this.wantPush && this.running) {
        this.wantPush = false;
        const n = await pushBatch({
          db: this.db,
          local: this.local,
          user: { name: this.config.user, roles: this.config.roles },
        });
        if (n > 0) this.wantPush = true;
        // Without the copy's feed watched, the pusher's writes ask for a pull.
        if (n > 0 && this.deliveries) this.wantPull = true;
      }
    }
    this.set({});
  }

  private async conflicts(list: Conflicted[]): Promise<void> {
    const shared = list.filter((c) => c.shared);
    if (shared.length > 0) await recordShared(this.db, this.local, shared);
    for (const c of list) {
      const id = parseTeamDocId(c.id);
      // Only the owner's machines settle their own documents' conflicts.
      if (!c.shared && id && ownerOf(id) === this.config.user) await resolveOwn(this.local, c);
      // An actor's versions merge field-wise, by the winning version's author.
      if (id?.kind === 'actor')
        await resolveActor(this.local, c, { name: this.config.user, roles: this.config.roles });
    }
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
    const e = err as {
      doc?: { id?: string; reason?: string; message?: string };
      id?: string;
      reason?: string;
      message?: string;
      name?: string;
      status?: number;
    };
    const id = e.doc?.id ?? e.id;
    const reason = e.doc?.reason ?? e.reason ?? e.doc?.message ?? e.message ?? 'refused';
    this.set({
      lastError: syncError(
        403,
        id
          ? problem('team.refusedChange', { id, detail: reason })
          : problem('team.refusedAChange', { detail: reason }),
      ),
    });
    if (!id) return;
    await this.db.transaction('rw', this.db.outbox, async () => {
      const row = await this.db.outbox.get(id);
      if (row)
        await this.db.outbox.put({ ...row, state: OUTBOX.refused, refused: `403: ${reason}` });
    });
  }

  /** Waits until the bridge has nothing left to do now. */
  async settle(): Promise<void> {
    this.schedule({ pull: true, push: true });
    await this.working;
  }

  /** Keeps one version of a conflicted shared document; null or why not. */
  async resolve(id: string, keepRev: string): Promise<string | null> {
    await this.settle();
    const why = await resolveShared(this.local, id, keepRev, {
      name: this.config.user,
      roles: this.config.roles,
    });
    if (!why) await this.settle();
    return why;
  }
}
