/**
 * The team-project test harness for browser tests. `couchGlobalSetup`
 * starts one pouchdb-server for the browser test run (and stops it); the
 * browser commands, which run in Node for tests running in Chromium, set up
 * projects and users on it (with `stance team`'s own code) and start, kill,
 * restart and stop extra servers for tests that need their own.
 * Test users, on every server: omar (analyst), huda (analyst), sara
 * (analyst, adjudicator), nour (analyst, adjudicator), lina (lead,
 * analyst); each's password is
 * `pw-NAME`.
 */
import type { BrowserCommand } from 'vitest/node';
import { teamAddUser, teamInit } from '../../src/cli/team.ts';
import type { Role } from '../../src/core/team/project.ts';
import { startCouchServer, type CouchServer } from './couch-server.ts';

/** The users every test server has. */
export const TEST_USERS: Record<string, Role[]> = {
  omar: ['analyst'],
  huda: ['analyst'],
  sara: ['analyst', 'adjudicator'],
  nour: ['analyst', 'adjudicator'],
  lina: ['lead', 'analyst'],
};

const ENV = 'STANCE_TEST_COUCH';

/** Creates the test users on `server` (idempotent). */
export async function addTestUsers(server: Pick<CouchServer, 'url' | 'admin'>): Promise<void> {
  const admin = { url: server.url, username: server.admin.name, password: server.admin.password };
  for (const [name, roles] of Object.entries(TEST_USERS))
    await teamAddUser(admin, name, roles, `pw-${name}`);
}

/** Vitest globalSetup: one server for the browser tests. */
export async function couchGlobalSetup(): Promise<() => Promise<void>> {
  const server = await startCouchServer();
  await addTestUsers(server);
  process.env[ENV] = JSON.stringify({ url: server.url, admin: server.admin });
  return () => server.stop();
}

function shared(): Pick<CouchServer, 'url' | 'admin'> {
  const raw = process.env[ENV];
  if (!raw) throw new Error('no test server: the browser project’s globalSetup did not run');
  return JSON.parse(raw) as Pick<CouchServer, 'url' | 'admin'>;
}

const extra = new Map<string, CouchServer>();

function serverOf(id: string | undefined): Pick<CouchServer, 'url' | 'admin'> {
  if (!id) return shared();
  const s = extra.get(id);
  if (!s) throw new Error(`no test server ${id}`);
  return s;
}

/** Creates project `name` on a server (the shared one by default); returns the server URL. */
const teamProject: BrowserCommand<[name: string, serverId?: string]> = async (
  _ctx,
  name,
  serverId,
) => {
  const s = serverOf(serverId);
  await teamInit({ url: s.url, username: s.admin.name, password: s.admin.password }, name);
  return { url: s.url };
};

/** What `teamAdmin` sends (one object: the command channel drops undefined arguments). */
export interface AdminRequest {
  method: string;
  path: string;
  body?: unknown;
  /** A server of `teamServerStart`; the shared one when absent. */
  serverId?: string;
}

/** A request as the server admin; resolves to the status and JSON body. */
const teamAdmin: BrowserCommand<[AdminRequest]> = async (
  _ctx,
  { method, path, body, serverId },
) => {
  const s = serverOf(serverId);
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${s.admin.name}:${s.admin.password}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    // An absent body may arrive as null (or worse) through the command channel.
    body: method === 'GET' || method === 'HEAD' || body == null ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
};

/** Starts a server of a test's own (on disk, so it survives a kill); returns its id and URL. */
const teamServerStart: BrowserCommand<[]> = async () => {
  const server = await startCouchServer({ persistent: true });
  await addTestUsers(server);
  const id = String(server.port);
  extra.set(id, server);
  return { id, url: server.url };
};

const teamServerKill: BrowserCommand<[id: string]> = async (_ctx, id) => {
  await extra.get(id)?.kill();
};
const teamServerRestart: BrowserCommand<[id: string]> = async (_ctx, id) => {
  await extra.get(id)?.restart();
};
const teamServerStop: BrowserCommand<[id: string]> = async (_ctx, id) => {
  await extra.get(id)?.stop();
  extra.delete(id);
};

/** The commands, for the browser project's config (typed for tests in src/renderer/src/test/team-commands.d.ts). */
export const couchCommands = {
  teamProject,
  teamAdmin,
  teamServerStart,
  teamServerKill,
  teamServerRestart,
  teamServerStop,
};
