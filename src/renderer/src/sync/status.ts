/**
 * The sync state the header shows (synced, N changes waiting, or the last
 * error named: 401, 403, unreachable), and how a PouchDB or transport
 * error becomes one.
 */
import { problem, problemText, type Problem } from '@core/problems/problem.ts';
import { liveQuery, type Subscription } from 'dexie';
import type { WorkbenchDb } from '../db/schema.ts';
import type { Rejected } from './check.ts';
import { OUTBOX } from './tables.ts';

/** What went wrong last, as the header names it. */
export interface SyncError {
  /** 401, 403, another HTTP status, or 'unreachable'. */
  code: number | 'unreachable';
  /** In English (logs, tests). */
  message: string;
  /** What the interface words in its language. */
  problem: Problem;
}

/** A sync error from its code and problem. */
export function syncError(code: SyncError['code'], p: Problem): SyncError {
  return { code, message: problemText(p), problem: p };
}

/** The state the header shows. */
export interface SyncStatus {
  phase: 'starting' | 'syncing' | 'synced' | 'error';
  /** Local changes the server does not have yet. */
  waiting: number;
  /** Local changes refused (by the validation here or by the server). */
  refused: number;
  /** The first refusal's reason. */
  refusedReason: string | null;
  lastError: SyncError | null;
  /** Documents from the server that were skipped, with the first problem. */
  rejected: Rejected[];
}

/** The status before the engine runs. */
export const STARTING: SyncStatus = {
  phase: 'starting',
  waiting: 0,
  refused: 0,
  refusedReason: null,
  lastError: null,
  rejected: [],
};

/** The phase the header shows for `s`, of an engine `running` and `busy` or not. */
export function phaseOf(s: SyncStatus, running: boolean, busy: boolean): SyncStatus['phase'] {
  if (s.lastError) return 'error';
  if (!running) return 'starting';
  return busy || s.waiting > 0 ? 'syncing' : 'synced';
}

/** Describes a PouchDB or transport error for the header. */
export function describeSyncError(err: unknown): SyncError {
  const e = err as { status?: number; name?: string; message?: string; reason?: string };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const why = e?.reason ?? e?.message ?? String(err);
  if (!status || e?.name === 'UnreachableError' || e?.name === 'TypeError')
    return syncError('unreachable', problem('team.unreachable', { detail: why }));
  if (status === 401) return syncError(401, problem('team.signInRefused', { detail: why }));
  if (status === 403) return syncError(403, problem('team.forbidden', { detail: why }));
  return syncError(status, problem('team.status', { status, detail: why }));
}

/**
 * A document the server refused (PouchDB's 'denied' event): the error the
 * header names, and the document's id when the event says it.
 */
export function deniedError(err: unknown): { id: string | null; reason: string; error: SyncError } {
  const e = err as {
    doc?: { id?: string; reason?: string; message?: string };
    id?: string;
    reason?: string;
    message?: string;
  };
  const id = e.doc?.id ?? e.id ?? null;
  const reason = e.doc?.reason ?? e.reason ?? e.doc?.message ?? e.message ?? 'refused';
  const error = syncError(
    403,
    id
      ? problem('team.refusedChange', { id, detail: reason })
      : problem('team.refusedAChange', { detail: reason }),
  );
  return { id, reason, error };
}

/** The outbox's rows by state, and the first refusal's reason. */
export interface OutboxCounts {
  pending: number;
  sent: number;
  refused: number;
  reason: string | null;
}

/** Calls `next` with the outbox's counts now and after every change. */
export function watchOutbox(
  db: WorkbenchDb,
  next: (c: OutboxCounts) => void,
  error: (err: unknown) => void,
): Subscription {
  return liveQuery(async () => {
    const count = (state: number) => db.outbox.where('state').equals(state).count();
    const [pending, sent, refused] = await Promise.all([
      count(OUTBOX.pending),
      count(OUTBOX.sent),
      count(OUTBOX.refused),
    ]);
    const first =
      refused > 0 ? await db.outbox.where('state').equals(OUTBOX.refused).first() : undefined;
    return { pending, sent, refused, reason: first?.refused ?? null };
  }).subscribe({ next, error });
}
