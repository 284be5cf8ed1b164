/**
 * The bridge between Dexie and the local copy of a project: the pusher
 * (outbox → local copy) and the puller (local copy's changes → Dexie), one
 * batch at a time and never both at once, so neither acts on a stale view
 * of the other's work. The engine (engine.ts) says when each may run and
 * tells it of the copy's changes; PouchDB's replicator does the rest.
 */
import type { UserCtx } from '@core/team/validate.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import type { Rejected } from './check.ts';
import { settleConflicts } from './conflicts.ts';
import type { Deliveries } from './deliveries.ts';
import { fillMissingTokens } from '../db/token-backfill.ts';
import type { Pouch } from './pouch.ts';
import { PULL_BATCH, pullBatch } from './pull.ts';
import { pushBatch } from './push.ts';

/** The longest a local change waits for the puller while the replicator is busy. */
const HOLD_MS = 2000;

/** What the bridge asks of the engine. */
export interface BridgeEvents {
  running(): boolean;
  /** The replicator's batches are over: watch the copy's own feed. */
  watchLocal(): void;
  /** Documents from the server that were skipped. */
  rejected(list: Rejected[]): void;
  /** A run ended (the status may change). */
  idle(): void;
  fail(err: unknown): void;
}

export class Bridge {
  /** The puller may run (the engine has looked at the copy). */
  pulling = false;
  /** The pusher may write into the copy (the push direction runs). */
  pushing = false;
  /** The bridge wrote into the copy while the pusher could not (settling a conflict). */
  copyWritten = false;
  /** The pull replication's last batch was full: more are coming. */
  bulk = false;
  /** The replicator's batches kept for the puller during a first sync (deliveries.ts). */
  deliveries: Deliveries | null = null;
  private working: Promise<void> = Promise.resolve();
  private wantPull = false;
  private wantPush = false;
  /**
   * The pull replication is bringing documents in (the engine says: from
   * its start until it pauses, caught up or failing). The articles' tokens
   * wait meanwhile, off the replication's IndexedDB work.
   */
  pullBusy = true;
  /**
   * Articles may lack their tokens (the puller stores them without): filled
   * when nothing else is asked for. True at first, for any left by a run
   * that stopped before filling them.
   */
  private tokensDue = true;
  /** Local changes not yet asked to be pulled, and the timer that asks anyway. */
  private held = 0;
  private holdTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly local: Pouch,
    private readonly user: UserCtx & { name: string },
    private readonly on: BridgeEvents,
  ) {}

  /** Whether a run is asked for. */
  get busy(): boolean {
    return this.wantPull || this.wantPush;
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
  changed(count = 1): void {
    if (!this.bulk) return this.schedulePull();
    this.held += count;
    if (this.held >= PULL_BATCH) return this.schedulePull();
    this.holdTimer ??= setTimeout(() => this.schedulePull(), HOLD_MS);
  }

  /** Asks for a pull now. */
  schedulePull(): void {
    this.held = 0;
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    if (this.on.running()) this.schedule({ pull: true });
  }

  /** Asks for a run; runs serialize. */
  schedule(what: { pull?: boolean; push?: boolean }): void {
    if (what.pull) this.wantPull = true;
    if (what.push) this.wantPush = true;
    this.working = this.working.then(() => this.work()).catch((err: unknown) => this.on.fail(err));
  }

  /** Waits until the bridge has nothing left to do now. */
  async settle(): Promise<void> {
    this.schedule({ pull: true, push: true });
    await this.working;
  }

  /** Stops asking; resolves when the current run ends. */
  async stop(): Promise<void> {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    await this.working.catch(() => undefined);
  }

  private async work(): Promise<void> {
    const pull = () => this.wantPull && this.pulling;
    const push = () => this.wantPush && this.pushing;
    for (;;) {
      if (!this.on.running()) break;
      if (!pull() && !push()) {
        // Nothing can run now. With nothing asked for either, the tokens'
        // turn; then look again (a pull may have been asked for meanwhile).
        if (this.busy || !this.tokensDue || !this.mayFill()) break;
        this.on.idle();
        await this.fillTokens();
        continue;
      }
      if (pull()) {
        this.wantPull = false;
        const r = await pullBatch(this.db, this.local, this.user.name, this.deliveries);
        if (this.deliveries && !this.deliveries.active) this.on.watchLocal();
        // More to read now; while the replicator brings in full batches,
        // a partial batch waits for the rest (changed()).
        if (r.read >= PULL_BATCH || (r.read > 0 && !this.bulk)) this.wantPull = true;
        if (r.articles > 0) this.tokensDue = true;
        if (r.rejected.length > 0) this.on.rejected(r.rejected);
        if (r.conflicted.length > 0 && !this.pushing) this.copyWritten = true;
        await settleConflicts(this.db, this.local, r.conflicted, this.user);
        // Settling a conflict writes to the copy: read it back.
        if (r.conflicted.length > 0 && this.deliveries) this.wantPull = true;
      }
      if (push() && this.on.running()) {
        this.wantPush = false;
        const n = await pushBatch({ db: this.db, local: this.local, user: this.user });
        if (n > 0) this.wantPush = true;
        // Without the copy's feed watched, the pusher's writes ask for a pull.
        if (n > 0 && this.deliveries) this.wantPull = true;
      }
    }
    this.on.idle();
  }

  /** Asks for a run with nothing to pull or push: the tokens' turn, if due. */
  idle(): void {
    this.schedule({});
  }

  /** Whether the tokens may be filled now: the pull replication is not bringing documents in. */
  private mayFill(): boolean {
    return this.pulling && !this.deliveries && !this.pullBusy;
  }

  /**
   * Fills the tokens of articles stored without them, a small transaction
   * at a time; stops early when a pull or push is asked for or the
   * replication brings documents in (the rest is found again on the next
   * idle run).
   */
  private async fillTokens(): Promise<void> {
    this.tokensDue = false;
    const more = (): boolean => this.on.running() && !this.busy && this.mayFill();
    const { left } = await fillMissingTokens(this.db, more);
    if (left > 0) this.tokensDue = true;
  }
}
