/**
 * The one way the renderer reaches a team server: a `fetch` for PouchDB
 * that sends every request through the host (host.teamRequest), which adds
 * the credentials (desktop: the main process, with what safeStorage keeps;
 * browser: the session cookie). An unreachable server is a network error,
 * as PouchDB expects from fetch.
 */
import type { Host, TeamRequest } from '@core/host-contract.ts';

/** A fetch that only the team server answers. */
export type TeamFetch = (url: string | Request, init?: RequestInit) => Promise<Response>;

const NULL_BODY = new Set([101, 204, 205, 304]);

/** Thrown for a server that could not be reached (status 0). */
export class UnreachableError extends TypeError {
  override name = 'UnreachableError';
  readonly status = 0;
}

function headersOf(h: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(h).forEach((v, k) => (out[k] = v));
  return out;
}

/** A fetch over `host.teamRequest`. */
export function teamFetch(host: Pick<Host, 'teamRequest'>): TeamFetch {
  return async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input.url;
    const method = (init.method ?? 'GET').toUpperCase() as TeamRequest['method'];
    let body: string | undefined;
    if (typeof init.body === 'string') body = init.body;
    else if (init.body instanceof Blob) body = await init.body.text();
    else if (init.body != null) throw new TypeError('team requests carry text bodies only');
    const req: TeamRequest = { url, method, headers: headersOf(init.headers) };
    if (body !== undefined) req.body = body;
    const res = await host.teamRequest(req, init.signal ?? undefined);
    if (res.status === 0) throw new UnreachableError(res.body);
    return new Response(NULL_BODY.has(res.status) ? null : res.body, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
}
