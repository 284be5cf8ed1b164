/**
 * Registers the `app://stance/` scheme and serves the built renderer from
 * it. Pages of a privileged standard scheme get a real, stable origin
 * (`app://stance`) for IndexedDB, ES modules, fonts and workers, without the
 * extra privileges Electron gives `file://` (now switched off by a fuse).
 */
import { protocol, type CustomScheme } from 'electron';
import { join } from 'node:path';
import { createAppFileHandler } from './app-files.ts';
import { APP_SCHEME } from './app-url.ts';

/**
 * The scheme's privileges: `standard` (an origin, relative URLs, storage),
 * `secure` (a secure context, as `file://` was: crypto.randomUUID and
 * friends), `supportFetchAPI` and `corsEnabled` (module scripts, fonts and
 * module workers are CORS requests), `codeCache` (faster starts). It is not
 * allowed to bypass the page's CSP, nor to run service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
  },
};

/** Declares the scheme; must run before the app's `ready` event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** The built renderer's folder, the only one the scheme serves. */
export function rendererRoot(): string {
  return join(__dirname, '../renderer');
}

/** Serves `root` on the scheme (after `ready`). */
export function serveRenderer(root: string = rendererRoot()): void {
  protocol.handle(APP_SCHEME, createAppFileHandler(root));
}
