/**
 * Helpers of the team project tests on real IndexedDB against a real
 * pouchdb-server (started by the browser project's globalSetup, see
 * tests/support/couch-commands.ts): profiles of test users, a host that
 * signs each request with the user's password (one page cannot hold two
 * users' session cookies; the cookie host is tested end to end), and
 * connected sync engines that tests stop and delete.
 */
import { vi } from 'vitest';
import { commands } from 'vitest/browser';
import type { Host, TeamSignIn } from '@core/host-contract.ts';
import type { AnnotatorRecord } from '@core/model.ts';
import { createProfile } from '../db/profile.ts';
import { createDb, type WorkbenchDb } from '../db/schema.ts';
import { connectProject, disconnectProject } from '../sync/connection.ts';
import { SyncEngine, type SyncStatus } from '../sync/engine.ts';
import type { TeamConfig } from '../sync/meta.ts';
import { teamFetch } from '../sync/transport.ts';

type TeamHost = Pick<Host, 'teamSignIn' | 'teamSession' | 'teamSignOut' | 'teamRequest'>;

/** A host that sends every request with Basic auth as `user`. */
export function basicHost(user: string, password = `pw-${user}`): TeamHost {
  const auth = `Basic ${btoa(unescape(encodeURIComponent(`${user}:${password}`)))}`;
  const session = async (server: string): Promise<TeamSignIn> => {
    const res = await fetch(`${server}/_session`, {
      headers: { Authorization: auth },
      credentials: 'omit',
    });
    const body = (await res.json()) as {
      userCtx?: { name: string | null; roles: string[] };
      reason?: string;
    };
    return res.ok && body.userCtx
      ? { ok: true, session: body.userCtx }
      : { ok: false, status: res.status, reason: body.reason ?? res.statusText };
  };
  return {
    teamSignIn: (server) => session(server),
    teamSession: (server) => session(server),
    teamSignOut: async () => undefined,
    teamRequest: async (req, signal) => {
      try {
        const res = await fetch(req.url, {
          method: req.method,
          headers: { ...req.headers, Authorization: auth },
          body: req.body,
          credentials: 'omit',
          signal,
        });
        const headers: Record<string, string> = {};
        res.headers.forEach((v, k) => (headers[k] = v));
        return { status: res.status, statusText: res.statusText, headers, body: await res.text() };
      } catch (err) {
        if (signal?.aborted) throw err;
        return { status: 0, statusText: 'unreachable', headers: {}, body: String(err) };
      }
    },
  };
}

/** A connected profile of a test user. */
export interface Member {
  db: WorkbenchDb;
  self: AnnotatorRecord;
  host: TeamHost;
  config: TeamConfig;
  engine: SyncEngine;
  /** Starts a new engine (after `engine.stop()`: a machine back online). */
  restart(): SyncEngine;
}

/**
 * Holds the engine's requests that match until released, so a test orders
 * what the server sees explicitly instead of hoping for a timing. A held
 * request given up by PouchDB (its signal aborted) fails as aborted.
 */
export class Gate {
  private readonly waiting: (() => void)[] = [];
  private open = false;
  /** How many requests were held so far. */
  held = 0;

  constructor(private readonly matches: (method: string, url: string, body?: string) => boolean) {}

  /** Resolves when `method url` (with `body`) may go. */
  pass(method: string, url: string, body?: string, signal?: AbortSignal): Promise<void> {
    // Asked even when open: a matcher may note what passes.
    if (!this.matches(method, url, body) || this.open) return Promise.resolve();
    this.held++;
    return new Promise<void>((resolve, reject) => {
      this.waiting.push(resolve);
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  }

  /** Lets every held and later request go. */
  release(): void {
    this.open = true;
    for (const go of this.waiting.splice(0)) go();
  }
}

/** What `member` may change: an engine not started yet, a gate on its requests. */
export interface MemberOptions {
  /** Start the engine (default true). */
  start?: boolean;
  /** Holds the engine's requests that match (not those of connecting). */
  gate?: Gate;
}

/** The host the engine uses: `host`, its requests through `gate`. */
function gated(host: TeamHost, gate: Gate | undefined): TeamHost {
  if (!gate) return host;
  return {
    ...host,
    teamRequest: async (req, signal) => {
      await gate.pass(req.method, req.url, req.body, signal);
      return host.teamRequest(req, signal);
    },
  };
}

const opened: Member[] = [];
let counter = 0;

/** A fresh profile of `user`, connected to `project` on `server` and syncing. */
export async function member(
  user: string,
  server: string,
  project: string,
  opts: MemberOptions = {},
): Promise<Member> {
  const db = createDb(`team-test-${user}-${Date.now()}-${counter++}`);
  await db.open();
  const self = await createProfile(db, user);
  const host = basicHost(user);
  const r = await connectProject(
    db,
    host,
    { server, project, user, password: `pw-${user}` },
    self.id,
  );
  if (!r.ok) throw new Error(r.message);
  const options = { ackEveryMs: 100, backOff: { first: 100, max: 500 } };
  const fetch = teamFetch(gated(host, opts.gate));
  const m: Member = {
    db,
    self,
    host,
    config: r.config,
    engine: new SyncEngine(db, r.config, fetch, options),
    restart() {
      m.engine = new SyncEngine(db, r.config, fetch, options);
      m.engine.start();
      return m.engine;
    },
  };
  if (opts.start !== false) m.engine.start();
  opened.push(m);
  return m;
}

/** Stops and deletes every profile the test made (afterEach). */
export async function closeMembers(): Promise<void> {
  for (const m of opened.splice(0)) {
    await m.engine.stop();
    await disconnectProject(m.db, m.host, m.config);
    await m.db.delete();
  }
}

let projects = 0;
/** A new project on the shared test server (or `serverId`'s); returns the server URL and the name. */
export async function newProject(serverId?: string): Promise<{ server: string; project: string }> {
  const project = `p${Date.now()}-${projects++}`;
  const { url } = await commands.teamProject(project, serverId);
  return { server: url, project };
}

/** Polls `check` until it passes, for up to 30 s (sync crosses a server). */
export function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 30_000, interval: 25 });
}

/** Resolves once `m`'s engine says synced. */
export function synced(m: Member): Promise<SyncStatus> {
  return eventually(async () => {
    const s = m.engine.current;
    if (s.phase !== 'synced')
      throw new Error(
        `not synced: ${JSON.stringify(s)}; outbox ${JSON.stringify(await m.db.outbox.toArray())}`,
      );
    return s;
  });
}
