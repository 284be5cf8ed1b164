/**
 * The security policy of every window, kept apart from Electron calls so
 * that unit tests can assert it (see Electron's security checklist and
 * electron/fiddle's windows.ts).
 */
import { APP_INDEX_URL } from './app-url.ts';

/** webPreferences for every BrowserWindow, minus the preload path. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/**
 * True when an IPC message comes from our own renderer: the main frame of
 * exactly `app://stance/index.html` (any query or fragment), or, in
 * development only, a page of the electron-vite dev server's origin
 * (`devServerUrl` is undefined in a packaged app). Scheme, host, port,
 * credentials and path are all compared, so `file://evilhost/…`,
 * `app://evil/index.html`, other files of the app's origin and subframes
 * are refused.
 */
export function isTrustedSender(
  frameUrl: string | undefined,
  isMainFrame: boolean,
  devServerUrl: string | undefined,
): boolean {
  if (!frameUrl || !isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (devServerUrl) {
    let dev: URL;
    try {
      dev = new URL(devServerUrl);
    } catch {
      return false;
    }
    if ((dev.protocol === 'http:' || dev.protocol === 'https:') && url.origin === dev.origin)
      return true;
  }
  const app = new URL(APP_INDEX_URL);
  return (
    url.protocol === app.protocol &&
    url.hostname === app.hostname &&
    url.port === '' &&
    url.pathname === app.pathname
  );
}
