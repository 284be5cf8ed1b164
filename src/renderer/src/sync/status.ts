/**
 * The sync state the header shows (synced, N changes waiting, or the last
 * error named: 401, 403, unreachable), and how a PouchDB or transport
 * error becomes one.
 */
import { problem, problemText, type Problem } from '@core/problems/problem.ts';
import type { Rejected } from './check.ts';

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
