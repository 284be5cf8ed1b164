/**
 * Creates the hardened main window: secure webPreferences, navigation and
 * window.open denied (links go to the system browser only after the
 * analyst confirms), permissions denied, DevTools off when packaged.
 */
import { BrowserWindow, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_INDEX_URL } from './app-url.ts';
import { openExternalConfirmed } from './external-links.ts';
import { SECURE_WEB_PREFERENCES } from './security.ts';

/** Denies every permission request and check for the default session. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/**
 * Blocks navigation away from the app and new windows on `contents`; a
 * `window.open` of a public http(s) link asks the analyst, then opens it in
 * the system browser (external-links.ts). Refused links are logged.
 */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalConfirmed(url, BrowserWindow.fromWebContents(contents)).catch((err: unknown) =>
      console.warn(`stance: ${err instanceof Error ? err.message : String(err)}`),
    );
    return { action: 'deny' };
  });
}

/**
 * Creates and loads the workbench window: from electron-vite's dev server
 * when `devServerUrl` is given (development), else from `app://stance/`.
 */
export function createMainWindow(
  devServerUrl: string | undefined,
  isPackaged: boolean,
): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Stance Workbench',
    autoHideMenuBar: false,
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      devTools: !isPackaged,
      preload: join(__dirname, '../preload/index.cjs'),
    },
  });
  hardenContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? APP_INDEX_URL);
  return win;
}
