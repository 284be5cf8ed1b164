/**
 * The sync bookkeeping kept in the syncMeta table: the connected project
 * (no secret: credentials stay with the host) and how far the local copy's
 * changes have been applied to Dexie. A profile tracks changes for a
 * project exactly while its `config` row exists.
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
