/**
 * PouchDB, as the sync bridge uses it: the local copy of a project (an
 * IndexedDB database of its own, beside the app's Dexie database) and the
 * remote project on the server, reached only through the host's transport.
 * PouchDB's replicator moves documents between the two; nothing in the app
 * speaks the replication protocol itself.
 */
import PouchDB from 'pouchdb-browser';
import type { TeamFetch } from './transport.ts';

/** A project document as PouchDB returns it. */
export type PouchDoc = PouchDB.Core.ExistingDocument<Record<string, unknown>> & {
  _deleted?: boolean;
  _conflicts?: string[];
};

/** A PouchDB database of project documents. */
export type Pouch = PouchDB.Database<Record<string, unknown>>;

/** Opens (creating if needed) the local copy named `name`. */
export function openLocal(name: string): Pouch {
  return new PouchDB<Record<string, unknown>>(name);
}

/** The project `project` on `server`, reached with `fetch`. */
export function openRemote(server: string, project: string, fetch: TeamFetch): Pouch {
  return new PouchDB<Record<string, unknown>>(`${server}/${encodeURIComponent(project)}`, {
    fetch: fetch as unknown as PouchDB.Configuration.RemoteDatabaseConfiguration['fetch'],
    skip_setup: true,
  });
}

/** A name for the local copy of `project` on `server` for `user`. */
export async function localNameFor(server: string, project: string, user: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${server}\u0000${project}\u0000${user}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `stance-team-${hex}`;
}

/** A random revision hash (32 hex digits), for a version written beside another. */
export function randomRevHash(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export { PouchDB };
