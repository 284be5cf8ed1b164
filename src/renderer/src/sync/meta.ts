/**
 * The sync bookkeeping kept in the syncMeta table: the connected project
 * (no secret: credentials stay with the host) and how far the local copy's
 * changes have been applied to Dexie. A profile tracks changes for a
 * project while its `config` row exists, and, after disconnecting, the
 * deletions of the analyst's own spans and statuses only while its `away`
 * row names the project it left (the next connection to that project
 * sends them: nothing else can tell a span deleted here from one this
 * analyst made on another machine).
 */
import type { Role } from '@core/team/project.ts';
import type { WorkbenchDb } from '../db/schema.ts';

/** The project this profile is connected to. */
export interface TeamConfig {
  /** The server, e.g. https://couch.example.org (no trailing slash). */
  server: string;
  /** The project's database name. */
  project: string;
  /** The CouchDB user, which is also this analyst's annotator id. */
  user: string;
  /** The user's roles when last signed in. */
  roles: Role[];
  /** The IndexedDB name of the local copy of the project (PouchDB). */
  localName: string;
  connectedAt: number;
}

export const CONFIG_KEY = 'config';
/** The syncMeta key of the project a disconnected profile left (AwayFrom). */
export const AWAY_KEY = 'away';

/** The project a profile was disconnected from: its deletions since are kept for it. */
export interface AwayFrom {
  server: string;
  project: string;
  user: string;
}

/**
 * Whether project document `id` is `user`'s own work (a span or a status):
 * what a profile keeps queued across a disconnection. Shared documents
 * (gold, labels, actors…) are taken from the project again on connecting.
 */
export function ownWork(id: string, user: string): boolean {
  return id.startsWith(`span:${user}:`) || id.startsWith(`status:${user}:`);
}

/** Whether `away` names the project of `config` (same server, project and user). */
export function sameProject(away: AwayFrom | null | undefined, config: AwayFrom): boolean {
  return (
    !!away &&
    away.server === config.server &&
    away.project === config.project &&
    away.user === config.user
  );
}
export const SEQ_KEY = 'seq';

/** The connected project, or null. */
export async function getTeamConfig(db: WorkbenchDb): Promise<TeamConfig | null> {
  const row = await db.syncMeta.get(CONFIG_KEY);
  return (row?.value as TeamConfig | undefined) ?? null;
}

/** True when `roles` include `role`. */
export function hasRole(config: Pick<TeamConfig, 'roles'> | null, role: Role): boolean {
  return !!config && config.roles.includes(role);
}
