/**
 * The desktop app's link to a team server. The renderer never holds the
 * analyst's password after signing in and never talks to the server
 * itself: it hands each request here (host:team-request), and this service
 * sends it to the one server signed in to, adding the credentials it keeps
 * encrypted with Electron's safeStorage in the user-data folder. So the
 * renderer's CSP can keep `connect-src 'self'`, and a compromised renderer
 * can reach no other host with them. Where the system offers no encryption
 * (safeStorage unavailable, or Linux's plain-text fallback), the
 * credentials stay in memory for this run only and are never written.
 * Every server reply to a sign-in is checked with zod.
 */
import { problemText } from '../../core/problems/problem.ts';
import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import type {
  TeamRequest,
  TeamResponse,
  TeamSessionInfo,
  TeamSignIn,
} from '../../core/host-contract.ts';
import { describeError } from '../../core/errors.ts';
import { checkServerUrl } from '../../core/team/project.ts';
import { writeFileAtomic } from './atomic-file.ts';

/** The part of Electron's safeStorage this service uses (a fake in tests). */
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  /** e.g. `basic_text` on Linux without a keyring (not a real protection). */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

interface Credentials {
  server: string;
  user: string;
  password: string;
}

const stored = z.object({
  server: z.string(),
  user: z.string(),
  /** base64 of safeStorage.encryptString(password). */
  secret: z.string(),
});

const sessionReply = z.object({
  userCtx: z.object({
    name: z.string().nullable(),
    roles: z.array(z.string().max(200)).max(1000),
  }),
});

const errorReply = z.object({ error: z.string(), reason: z.string().optional() });

/** Largest reply passed to the renderer. */
const MAX_BODY = 256 * 1024 * 1024;

export class TeamLink {
  private creds: Credentials | null = null;
  private loaded = false;

  constructor(
    private readonly file: string,
    private readonly box: SecretBox,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** Whether credentials can be kept on disk encrypted. */
  canPersist(): boolean {
    if (!this.box.isEncryptionAvailable()) return false;
    return this.box.getSelectedStorageBackend?.() !== 'basic_text';
  }

  private async current(): Promise<Credentials | null> {
    if (this.loaded) return this.creds;
    this.loaded = true;
    try {
      const parsed = stored.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (parsed.success && this.canPersist())
        this.creds = {
          server: parsed.data.server,
          user: parsed.data.user,
          password: this.box.decryptString(Buffer.from(parsed.data.secret, 'base64')),
        };
    } catch {
      // No file yet, or one this system cannot decrypt: signed out.
      this.creds = null;
    }
    return this.creds;
  }

  private auth(c: Credentials): string {
    return `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`;
  }

  /** Checks the credentials with the server, then keeps them. */
  async signIn(server: string, user: string, password: string): Promise<TeamSignIn> {
    const check = checkServerUrl(server);
    if (!check.ok) return { ok: false, status: 0, reason: problemText(check.problem) };
    const creds = { server: check.url, user, password };
    const res = await this.session(creds);
    if (!res.ok) return res;
    if (res.session.name !== user)
      return { ok: false, status: 401, reason: 'the server did not accept the user name' };
    this.creds = creds;
    this.loaded = true;
    if (this.canPersist()) {
      const secret = this.box.encryptString(password).toString('base64');
      await writeFileAtomic(this.file, JSON.stringify({ server: check.url, user, secret }));
    } else await rm(this.file, { force: true });
    return res;
  }

  /** The session the kept credentials give with `server`. */
  async sessionFor(server: string): Promise<TeamSignIn> {
    const c = await this.current();
    if (!c || c.server !== server.replace(/\/+$/, ''))
      return { ok: true, session: { name: null, roles: [] } };
    return this.session(c);
  }

  private async session(c: Credentials): Promise<TeamSignIn> {
    const res = await this.send(c, { url: `${c.server}/_session`, method: 'GET', headers: {} });
    if (res.status === 0) return { ok: false, status: 0, reason: res.body };
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      return { ok: false, status: res.status, reason: 'the server did not answer in JSON' };
    }
    if (res.status !== 200) {
      const e = errorReply.safeParse(body);
      return {
        ok: false,
        status: res.status,
        reason: e.success ? (e.data.reason ?? e.data.error) : res.statusText,
      };
    }
    const s = sessionReply.safeParse(body);
    if (!s.success)
      return { ok: false, status: 502, reason: 'the server’s session reply is not CouchDB’s' };
    const session: TeamSessionInfo = s.data.userCtx;
    return { ok: true, session };
  }

  /** Forgets the credentials (memory and disk). */
  async signOut(): Promise<void> {
    this.creds = null;
    this.loaded = true;
    await rm(this.file, { force: true });
  }

  /** Sends a renderer's request to the signed-in server only. */
  async request(req: TeamRequest): Promise<TeamResponse> {
    const c = await this.current();
    if (!c)
      return {
        status: 401,
        statusText: 'Unauthorized',
        headers: {},
        body: '{"error":"unauthorized","reason":"Not signed in to the team server."}',
      };
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new Error('team request refused: not a URL');
    }
    const base = new URL(`${c.server}/`);
    if (
      url.origin !== base.origin ||
      !url.pathname.startsWith(base.pathname) ||
      url.username ||
      url.password
    )
      throw new Error(`team request refused: ${url.origin} is not the project's server`);
    return this.send(c, req);
  }

  private async send(c: Credentials, req: TeamRequest): Promise<TeamResponse> {
    const headers = new Headers(req.headers);
    headers.delete('cookie');
    headers.set('Authorization', this.auth(c));
    let res: Response;
    try {
      res = await this.fetchImpl(req.url, {
        method: req.method,
        headers,
        body: req.body,
        redirect: 'error',
        signal: AbortSignal.timeout(5 * 60_000),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      return {
        status: 0,
        statusText: 'unreachable',
        headers: {},
        body: `unreachable (${cause ?? describeError(err)})`,
      };
    }
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_BODY) throw new Error(`team reply too large (${length} bytes)`);
    const body = await res.text();
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (k !== 'set-cookie') out[k] = v;
    });
    return { status: res.status, statusText: res.statusText, headers: out, body };
  }
}
