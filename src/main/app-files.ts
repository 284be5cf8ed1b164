/**
 * Answers `app://stance/…` requests with files of the renderer's folder and
 * nothing else. `app-url.ts` turns the URL into path segments; here the
 * file's real path (symbolic links resolved) must still lie inside the
 * folder's real path, and be a regular file, before it is read. Written
 * against the web `Request`/`Response` that Electron's `protocol.handle`
 * uses, so it runs (and is tested) in plain Node too.
 */
import fs from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { APP_BLANK_PATH, mimeType, resolveAppPath } from './app-url.ts';

/**
 * The empty page of the app's origin (see APP_BLANK_URL). It has no script,
 * and no CSP either, which could stand in the way of the migration's
 * `executeJavaScript`; nothing can be injected into a page without content.
 */
const BLANK_PAGE =
  '<!doctype html><html><head><meta charset="utf-8"><title>Stance Workbench</title></head>' +
  '<body></body></html>';

function refuse(status: number, reason: string): Response {
  return new Response(`${status}: ${reason}`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

/**
 * A `protocol.handle` handler serving the files under `root`. Refuses other
 * methods than GET and HEAD (405), unknown hosts and missing files (404),
 * traversal, encoded or not, and symbolic links that lead out of `root`
 * (403). Uses `fs.promises` through the `fs` object at call time so that
 * Electron's asar support applies when `root` is inside app.asar.
 */
export function createAppFileHandler(root: string): (request: Request) => Promise<Response> {
  let realRoot: Promise<string> | null = null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(405, `${request.method} is not allowed`);
    const head = request.method === 'HEAD';
    const resolved = resolveAppPath(request.url);
    if (!resolved.ok) return refuse(resolved.status, resolved.reason);
    if (`/${resolved.segments.join('/')}` === APP_BLANK_PATH)
      return respond(BLANK_PAGE, 'text/html; charset=utf-8', head);
    let base: string;
    let real: string;
    try {
      realRoot ??= fs.promises.realpath(root);
      base = await realRoot;
    } catch {
      realRoot = null;
      return refuse(404, 'the renderer folder is missing');
    }
    try {
      real = await fs.promises.realpath(join(base, ...resolved.segments));
    } catch {
      return refuse(404, 'no such file');
    }
    const rel = relative(base, real);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
      return refuse(403, 'outside the renderer folder');
    try {
      const stat = await fs.promises.stat(real);
      if (!stat.isFile()) return refuse(404, 'not a file');
      const body = await fs.promises.readFile(real);
      return respond(body, mimeType(real), head);
    } catch {
      return refuse(404, 'unreadable');
    }
  };
}

function respond(body: string | Uint8Array, type: string, head: boolean): Response {
  return new Response(head ? null : body, {
    status: 200,
    headers: {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
  });
}
