/**
 * Sync benchmark page: a first sync of a seeded project into a fresh
 * profile through the app's bridge (connect, PouchDB replication into the
 * local copy, the puller into Dexie, until every span is in Dexie), against
 * the floor: PouchDB replicating the same documents into an empty PouchDB
 * in the same browser; and A's new span to B's Dexie (what Review renders
 * from) with two connected profiles. bench/sections/sync.ts drives it.
 */
import { liveQuery } from 'dexie';
import type { Host, TeamSignIn } from '@core/host-contract.ts';
import { createProfile } from '../../src/renderer/src/db/profile.ts';
import { createDb, type WorkbenchDb } from '../../src/renderer/src/db/schema.ts';
import { applyChanges, makeSpan } from '../../src/renderer/src/db/spans.ts';
import { documentsWithoutTokens } from '../../src/renderer/src/db/token-backfill.ts';
import { connectProject, disconnectProject } from '../../src/renderer/src/sync/connection.ts';
import { SyncEngine } from '../../src/renderer/src/sync/engine.ts';
import { openLocal, openRemote } from '../../src/renderer/src/sync/pouch.ts';
import { teamFetch } from '../../src/renderer/src/sync/transport.ts';
import type { BenchGlobals, SyncBench } from '../lib/page-api.ts';

type TeamHost = Pick<Host, 'teamSignIn' | 'teamSession' | 'teamSignOut' | 'teamRequest'>;

/** A host signing every request with Basic auth (one page, several users). */
function basicHost(user: string): TeamHost {
  const auth = `Basic ${btoa(`${user}:pw-${user}`)}`;
  const session = async (server: string): Promise<TeamSignIn> => {
    const res = await fetch(`${server}/_session`, { headers: { Authorization: auth } });
    const body = (await res.json()) as { userCtx: { name: string | null; roles: string[] } };
    return { ok: true, session: body.userCtx };
  };
  return {
    teamSignIn: session,
    teamSession: session,
    teamSignOut: async () => undefined,
    teamRequest: async (req, signal) => {
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
    },
  };
}

/** Samples the JS heap while `work` runs; resolves to its result and the peak in MB. */
async function withHeap<T>(work: () => Promise<T>): Promise<{ value: T; peakMB: number }> {
  const mem = (): number =>
    ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
      0) /
    (1024 * 1024);
  let peak = mem();
  const timer = setInterval(() => (peak = Math.max(peak, mem())), 200);
  try {
    const value = await work();
    return { value, peakMB: Math.max(peak, mem()) };
  } finally {
    clearInterval(timer);
  }
}

let n = 0;
const open: {
  db: WorkbenchDb;
  engine: SyncEngine;
  host: TeamHost;
  config: Awaited<ReturnType<typeof connect>>;
}[] = [];

async function connect(
  db: WorkbenchDb,
  host: TeamHost,
  server: string,
  project: string,
  user: string,
) {
  await db.open();
  await createProfile(db, user);
  const r = await connectProject(db, host, { server, project, user, password: '' }, user);
  if (!r.ok) throw new Error(r.message);
  return r.config;
}

async function member(server: string, project: string, user: string) {
  const db = createDb(`sync-bench-${user}-${Date.now()}-${n++}`);
  const host = basicHost(user);
  const config = await connect(db, host, server, project, user);
  const engine = new SyncEngine(db, config, teamFetch(host), { batchSize: 100 });
  const m = { db, engine, host, config };
  open.push(m);
  return m;
}

async function closeAll(): Promise<void> {
  for (const m of open.splice(0)) {
    await m.engine.stop();
    await disconnectProject(m.db, m.host, m.config);
    await m.db.delete();
  }
}

function until(check: () => Promise<boolean>, every = 100): Promise<void> {
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      check().then((ok) => (ok ? resolve() : setTimeout(tick, every)), reject);
    };
    tick();
  });
}

const bench: SyncBench = {
  async floor(server, project) {
    const local = openLocal(`sync-floor-${Date.now()}-${n++}`);
    const remote = openRemote(server, project, teamFetch(basicHost('huda')));
    const { value, peakMB } = await withHeap(async () => {
      const t0 = performance.now();
      await local.replicate.from(remote, { batch_size: 100 });
      return { ms: performance.now() - t0, docs: (await local.info()).doc_count };
    });
    await local.destroy();
    return { ...value, peakMB };
  },

  async ours(server, project, spans) {
    const { value, peakMB } = await withHeap(async () => {
      const t0 = performance.now();
      const m = await member(server, project, 'huda');
      m.engine.start();
      // The engine's phase first (in memory): the spans are counted only
      // once it says synced. Counting 100,000 spans walks the store, and a
      // count every 100 ms would queue behind and before the sync's own
      // IndexedDB work, slowing what is measured (the floor has no poll).
      await until(
        async () => m.engine.current.phase === 'synced' && (await m.db.spans.count()) >= spans,
      );
      const ms = performance.now() - t0;
      const counts = { spans: await m.db.spans.count(), docs: await m.db.documents.count() };
      // The articles' tokens, stored by the bridge once it is idle (a
      // cache: readers tokenize meanwhile); polled less often, each poll
      // reading two tables' keys.
      await until(async () => (await documentsWithoutTokens(m.db)).length === 0, 1000);
      return { ms, tokensMs: performance.now() - t0, ...counts };
    });
    await closeAll();
    return { ...value, peakMB };
  },

  async latency(server, project, docId, text, samples) {
    const a = await member(server, project, 'omar');
    const b = await member(server, project, 'huda');
    a.engine.start();
    b.engine.start();
    await until(
      async () => a.engine.current.phase === 'synced' && b.engine.current.phase === 'synced',
    );
    const out: number[] = [];
    for (let i = 0; i < samples; i++) {
      const span = makeSpan({
        docId,
        annotatorId: 'omar',
        label: 'pro-withdrawal',
        start: i,
        end: i + 1,
        quote: [...text][i]!,
      });
      const seen = new Promise<number>((resolve) => {
        const sub = liveQuery(() => b.db.spans.get(span.id)).subscribe((s) => {
          if (s) {
            sub.unsubscribe();
            resolve(performance.now());
          }
        });
      });
      const t0 = performance.now();
      await applyChanges(a.db, [{ table: 'spans', before: null, after: span }]);
      out.push((await seen) - t0);
    }
    await closeAll();
    return out;
  },
};

(globalThis as unknown as BenchGlobals).syncBench = bench;
