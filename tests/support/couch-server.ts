/**
 * A real CouchDB-protocol server for tests: pouchdb-server from npm (with
 * one replication bug of its validation fixed at load), on
 * 127.0.0.1 and a free port, in memory or in a temporary folder (to survive
 * a kill and a restart), with a server admin. Used by the node tests, the
 * browser tests (through couch-global-setup.ts), the e2e tests and the bench.
 * Every server started here is stopped by its caller, and killed when this
 * process exits, whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running server. */
export interface CouchServer {
  /** e.g. http://127.0.0.1:40123 (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** The server admin. */
  readonly admin: { name: string; password: string };
  /** fetch as the server admin; `path` starts with `/`. */
  adminFetch(path: string, init?: RequestInit): Promise<Response>;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its folder. */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL), keeping its folder for `restart`. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder. */
  restart(): Promise<void>;
}

export interface CouchServerOptions {
  /** Keep data on disk (a temporary folder) so a restart finds it. Default: in memory. */
  persistent?: boolean;
  /** Session cookie lifetime in seconds (default 3600). */
  sessionTimeout?: number;
}

const ADMIN = { name: 'admin', password: 'admin-secret' };
const HOST = '127.0.0.1';
const running = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * pouchdb-server's bin, with pouchdb-validation's replication bug fixed
 * (see pouchdb-server-fixed.mjs and docs/team.md).
 */
function serverBin(): string {
  return fileURLToPath(new URL('./pouchdb-server-fixed.mjs', import.meta.url));
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts pouchdb-server and waits until it answers. */
export async function startCouchServer(opts: CouchServerOptions = {}): Promise<CouchServer> {
  const dir = await mkdtemp(join(tmpdir(), 'stance-couch-'));
  const dataDir = join(dir, 'data');
  const config = {
    admins: { [ADMIN.name]: ADMIN.password },
    // A fixed secret keeps session cookies valid across a restart.
    couch_httpd_auth: {
      timeout: opts.sessionTimeout ?? 3600,
      secret: randomBytes(16).toString('hex'),
    },
    log: { file: join(dir, 'log.txt'), level: 'warning' },
  };
  await writeFile(join(dir, 'config.json'), JSON.stringify(config));
  let port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';

  const launch = async (): Promise<void> => {
    output = '';
    const args = [serverBin(), '--port', String(port), '--host', HOST, '--config'];
    args.push(join(dir, 'config.json'), '--no-stdout-logs', '--no-color');
    if (opts.persistent) {
      await mkdir(dataDir, { recursive: true });
      args.push('--dir', dataDir);
    } else args.push('--in-memory');
    const proc = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    running.add(proc);
    proc.once('exit', () => running.delete(proc));
    proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (proc.exitCode !== null || proc.signalCode !== null)
        throw new Error(`pouchdb-server exited while starting:\n${output}`);
      try {
        const res = await fetch(`http://${HOST}:${port}/`);
        if (res.ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`pouchdb-server did not answer on port ${port} within 60 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  for (let attempt = 0; ; attempt++) {
    try {
      await launch();
      break;
    } catch (err) {
      // Another process took the port between our probe and the start.
      if (attempt < 3 && /EADDRINUSE/.test(String(err))) {
        port = await freePort();
        continue;
      }
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  const url = `http://${HOST}:${port}`;
  const auth = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`;
  const server: CouchServer = {
    url,
    port,
    admin: ADMIN,
    adminFetch(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('Authorization', auth);
      if (init.body !== undefined && !headers.has('Content-Type'))
        headers.set('Content-Type', 'application/json');
      return fetch(`${url}${path}`, { ...init, headers });
    },
    async stop() {
      const proc = child;
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
        await exited(proc);
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    },
    async kill() {
      const proc = child;
      if (!proc) return;
      proc.kill('SIGKILL');
      await exited(proc);
    },
    async restart() {
      await launch();
    },
  };
  return server;
}
