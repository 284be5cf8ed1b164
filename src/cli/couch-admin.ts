/**
 * The few CouchDB admin calls `stance team` makes (create a database, set
 * its `_security`, install the design document, create or update users),
 * over plain HTTP with the admin's credentials. Every reply is checked with
 * zod before it is used; a failure names the request, the status and the
 * server's reason.
 */
import { z } from 'zod';
import { describeError } from '../core/errors.ts';

/** The server and the admin credentials to use. */
export interface CouchAdmin {
  url: string;
  username: string;
  password: string;
}

/** A failed call: method, path, HTTP status (0: unreachable) and the reason. */
export class CouchError extends Error {
  override name = 'CouchError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const errorReply = z.object({ error: z.string(), reason: z.string().optional() });

/** Makes one request; resolves to the status and the parsed JSON body. */
export async function couchRequest(
  admin: CouchAdmin,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (admin.username)
    headers.Authorization = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${admin.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? describeError(err);
    throw new CouchError(0, `${method} ${path}: cannot reach ${admin.url} (${why})`);
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    throw new CouchError(
      res.status,
      `${method} ${path}: the server answered ${res.status} with something that is not JSON (${text.slice(0, 80)})`,
    );
  }
  return { status: res.status, body: parsed };
}

/** The error for a reply that was not what the call needed. */
export function replyError(
  method: string,
  path: string,
  status: number,
  body: unknown,
): CouchError {
  const e = errorReply.safeParse(body);
  const reason = e.success ? `${e.data.error}${e.data.reason ? `: ${e.data.reason}` : ''}` : '';
  const hint =
    status === 401
      ? ' (the admin name or password was refused)'
      : status === 403
        ? ' (this needs a server admin)'
        : '';
  return new CouchError(status, `${method} ${path}: ${status} ${reason}${hint}`.trim());
}

/** Parses a reply body with `schema`, or fails naming the call. */
export function parseReply<T>(
  schema: z.ZodType<T>,
  method: string,
  path: string,
  body: unknown,
): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new CouchError(
    200,
    `${method} ${path}: unexpected reply (${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid'})`,
  );
}
