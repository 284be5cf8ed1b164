/**
 * The app's team connection: at most one sync engine for the app's
 * database, started at launch when a project is connected (after asking the
 * host whether the session still holds), by connecting, or by signing in
 * again; stopped by disconnecting. The team UI reads `TeamState` through
 * useTeam (team/useTeam.ts).
 *
 * This module is in the app's first bundle (the header shows the team
 * state); the engine, the connection and PouchDB behind them are loaded
 * with `import()` only when a project is connected, so a profile without
 * one never downloads or parses them (docs/architecture.md, What loads when).
 */
import type { Host } from '@core/host-contract.ts';
import { ROLES, type Role } from '@core/team/project.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import type { ConnectInput, ConnectResult } from './connection.ts';
import type { SyncEngine } from './engine.ts';
import type { SyncStatus } from './status.ts';
import { CONFIG_KEY, getTeamConfig, type TeamConfig } from './meta.ts';
import { teamFetch } from './transport.ts';

/** The connection code (and PouchDB, which it opens), loaded on first use. */
const loadConnection = () => import('./connection.ts');

/** What the team UI shows. */
export interface TeamState {
  /** The connected project, or null. */
  config: TeamConfig | null;
  /** The engine's status while it runs. */
  status: SyncStatus | null;
  /** Connected but not signed in (the session expired, or the server said 401). */
  signedOut: string | null;
}

type TeamHost = Pick<Host, 'teamSignIn' | 'teamSession' | 'teamSignOut' | 'teamRequest'>;

let state: TeamState = { config: null, status: null, signedOut: null };
let engine: SyncEngine | null = null;
let unsubscribe: (() => void) | null = null;
// Bumped by every start and stop, so a start still loading its engine when
// it is stopped (or started again) gives up instead of running a second one.
let generation = 0;
const listeners = new Set<() => void>();

function set(next: Partial<TeamState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

/** Subscribes to changes of the team state. */
export function subscribeTeam(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The current team state. */
export function teamState(): TeamState {
  return state;
}

async function run(db: WorkbenchDb, host: TeamHost, config: TeamConfig): Promise<void> {
  const mine = ++generation;
  const { SyncEngine } = await import('./engine.ts');
  if (mine !== generation) return;
  engine = new SyncEngine(db, config, teamFetch(host));
  unsubscribe = engine.subscribe((status) => {
    // A 401 means the session ended: ask for the password again.
    if (status.lastError?.code === 401) set({ status, signedOut: status.lastError.message });
    else set({ status });
  });
  engine.start();
  set({ config, signedOut: null });
}

async function halt(): Promise<void> {
  generation++;
  unsubscribe?.();
  unsubscribe = null;
  const e = engine;
  engine = null;
  await e?.stop();
}

/** At launch: resumes syncing the connected project, if any. */
export async function startTeam(db: WorkbenchDb, host: TeamHost): Promise<void> {
  const config = await getTeamConfig(db);
  if (!config) return;
  set({ config });
  const session = await host.teamSession(config.server);
  if (!session.ok && session.status !== 0) {
    const { describeStatus } = await loadConnection();
    set({ signedOut: describeStatus(session.status, session.reason) });
    return;
  }
  if (session.ok && session.session.name !== config.user) {
    set({ signedOut: `Signed out of ${config.server}: sign in again to sync.` });
    return;
  }
  // Roles may have changed since the last sign-in (unreachable: keep the last known).
  const next = session.ok ? { ...config, roles: rolesOf(session.session.roles) } : config;
  if (session.ok) await db.syncMeta.put({ key: CONFIG_KEY, value: next });
  await run(db, host, next);
}

function rolesOf(roles: string[]): Role[] {
  return roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

/** Connects to a project and starts syncing. */
export async function connectTeam(
  db: WorkbenchDb,
  host: TeamHost,
  input: ConnectInput,
  selfId: string,
): Promise<ConnectResult> {
  await halt();
  const { connectProject } = await loadConnection();
  const r = await connectProject(db, host, input, selfId);
  if (r.ok) await run(db, host, r.config);
  return r;
}

/** Signs in again to the connected project (after a 401) and resumes. */
export async function signInAgain(
  db: WorkbenchDb,
  host: TeamHost,
  password: string,
): Promise<string | null> {
  const config = state.config;
  if (!config) return 'Not connected to a project.';
  const r = await host.teamSignIn(config.server, config.user, password);
  if (!r.ok) return (await loadConnection()).describeStatus(r.status, r.reason);
  await halt();
  const next = { ...config, roles: rolesOf(r.session.roles) };
  await db.syncMeta.put({ key: CONFIG_KEY, value: next });
  await run(db, host, next);
  return null;
}

/** Stops syncing and forgets the project; the profile's work stays. */
export async function disconnectTeam(db: WorkbenchDb, host: TeamHost): Promise<void> {
  const config = state.config;
  await halt();
  if (config) await (await loadConnection()).disconnectProject(db, host, config);
  set({ config: null, status: null, signedOut: null });
}

/** Keeps one version of a conflicted shared document; null or why not. */
export async function resolveConflict(id: string, rev: string): Promise<string | null> {
  if (!engine) return 'Not syncing: connect or sign in first.';
  return engine.resolve(id, rev);
}

/** Forgets refused changes (they stay in this profile, unsent). */
export async function forgetRefused(db: WorkbenchDb): Promise<void> {
  await db.outbox.where('state').equals(2).delete();
}
