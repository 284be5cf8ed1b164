/**
 * The browser host's side of team projects: CouchDB cookie sessions. Signing
 * in posts the name and password to the server's `/_session`, which answers
 * with an HttpOnly session cookie the browser keeps (out of reach of this
 * page's scripts and never in IndexedDB); every later request goes with
 * `credentials: 'include'`. Nothing here stores the password. The page and
 * the server must be same-site, or the server must send its cookie with
 * `SameSite=None; Secure` (docs/team.md).
 */
import { z } from 'zod';
import { describeError } from '@core/errors.ts';
import type { Host, TeamRequest, TeamResponse, TeamSignIn } from '@core/host-contract.ts';

const sessionReply = z.object({
  userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string().max(200)).max(1000) }),
});
const signInReply = z.object({
  ok: z.literal(true),
  name: z.string().nullable(),
  roles: z.array(z.string().max(200)).max(1000),
});
const errorReply = z.object({ error: z.string(), reason: z.string().optional() });

async function send(req: TeamRequest, signal?: AbortSignal): Promise<TeamResponse> {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      credentials: 'include',
      redirect: 'error',
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    return {
      status: 0,
      statusText: 'unreachable',
      headers: {},
      body: `unreachable (${describeError(err)})`,
    };
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  return { status: res.status, statusText: res.statusText, headers, body: await res.text() };
}

/** The reply's JSON, or undefined. */
function json(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function failure(res: TeamResponse): TeamSignIn {
  if (res.status === 0) return { ok: false, status: 0, reason: res.body };
  const e = errorReply.safeParse(json(res.body));
  return {
    ok: false,
    status: res.status,
    reason: e.success ? (e.data.reason ?? e.data.error) : res.statusText || 'no reason given',
  };
}

/** The team methods of the browser host. */
export function browserTeam(): Pick<
  Host,
  'teamSignIn' | 'teamSession' | 'teamSignOut' | 'teamRequest'
> {
  const json_ = { 'Content-Type': 'application/json', Accept: 'application/json' };
  return {
    teamSignIn: async (server, user, password) => {
      const res = await send({
        url: `${server}/_session`,
        method: 'POST',
        headers: json_,
        body: JSON.stringify({ name: user, password }),
      });
      if (res.status !== 200) return failure(res);
      const r = signInReply.safeParse(json(res.body));
      if (!r.success)
        return { ok: false, status: 502, reason: 'the server’s sign-in reply is not CouchDB’s' };
      return { ok: true, session: { name: r.data.name ?? user, roles: r.data.roles } };
    },
    teamSession: async (server) => {
      const res = await send({ url: `${server}/_session`, method: 'GET', headers: json_ });
      if (res.status !== 200) return failure(res);
      const r = sessionReply.safeParse(json(res.body));
      if (!r.success)
        return { ok: false, status: 502, reason: 'the server’s session reply is not CouchDB’s' };
      return { ok: true, session: r.data.userCtx };
    },
    teamSignOut: async (server) => {
      await send({ url: `${server}/_session`, method: 'DELETE', headers: json_ });
    },
    teamRequest: (req, signal) => send(req, signal),
  };
}
