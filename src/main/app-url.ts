/**
 * The `app://stance/` scheme the packaged renderer is served from, and the
 * pure part of serving it: which file of the renderer's folder a URL names,
 * or why it names none. No Electron and no disk here, so that hostile URLs
 * can be unit-tested; `app-files.ts` does the reading.
 */

/** The privileged scheme of the renderer (registered in `app-scheme.ts`). */
export const APP_SCHEME = 'app';
/** The only host the scheme answers for. */
export const APP_HOST = 'stance';
/**
 * The renderer's origin. IndexedDB keys the profile's data by it, so it must
 * never change again (see docs/architecture.md, "Profile storage").
 */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
/**
 * An empty page of the app's origin, served from memory and never from the
 * renderer's folder: the profile migration runs its IndexedDB copy in it
 * without starting the workbench.
 */
export const APP_BLANK_PATH = '/_internal/blank.html';
export const APP_BLANK_URL = `${APP_ORIGIN}${APP_BLANK_PATH}`;

/** A URL resolved to a file path inside the renderer's folder, or refused. */
export type AppPath =
  { ok: true; segments: string[] } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * The path segments (decoded, relative to the renderer's folder) that `url`
 * names. Refuses another scheme or host, credentials or a port (404), any
 * segment that is empty, `.` or `..`, or holds a slash, backslash, colon or
 * control character once decoded (403: traversal, Windows drive letters and
 * alternate streams), and malformed percent-encoding (400). `/` is
 * `index.html`. Query and fragment are ignored.
 */
export function resolveAppPath(url: string): AppPath {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (u.protocol !== `${APP_SCHEME}:`) return { ok: false, status: 404, reason: 'another scheme' };
  if (u.hostname !== APP_HOST || u.port !== '' || u.username !== '' || u.password !== '')
    return { ok: false, status: 404, reason: `unknown host ${u.host || '(none)'}` };
  const raw = u.pathname;
  if (!raw.startsWith('/')) return { ok: false, status: 400, reason: 'no path' };
  if (raw === '/') return { ok: true, segments: ['index.html'] };
  const segments: string[] = [];
  for (const part of raw.slice(1).split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(part);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (!isPlainSegment(seg))
      return { ok: false, status: 403, reason: `path segment ${JSON.stringify(seg)} refused` };
    segments.push(seg);
  }
  return { ok: true, segments };
}

function isPlainSegment(seg: string): boolean {
  if (seg === '' || seg === '.' || seg === '..') return false;
  for (const c of seg) {
    const code = c.codePointAt(0)!;
    if (c === '/' || c === '\\' || c === ':' || code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/** Content types by file extension (lower case, without the dot). */
const MIME: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  wasm: 'application/wasm',
  webmanifest: 'application/manifest+json',
};

/**
 * The Content-Type of a file by its name; `application/octet-stream` for
 * anything unknown, which (with `nosniff`) a page can neither run nor style with.
 */
export function mimeType(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  return MIME[ext] ?? 'application/octet-stream';
}
