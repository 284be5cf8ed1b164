/**
 * Creates the hardened main window: secure webPreferences, navigation and
 * window.open denied, external links only for http(s), permissions denied.
 */
import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSafeExternalUrl } from '../core/host-contract.ts';
import { SECURE_WEB_PREFERENCES } from './security.ts';

/** The file:// URL of the built renderer. */
export function rendererFileUrl(): string {
  return pathToFileURL(join(__dirname, '../renderer/index.html')).href;
}

/** Denies every permission request and check for the default session. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** Blocks navigation away from the app and new windows on `contents`. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Creates and loads the workbench window. */
export function createMainWindow(devServerUrl: string | undefined): BrowserWindow {
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
      preload: join(__dirname, '../preload/index.cjs'),
    },
  });
  hardenContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadURL(rendererFileUrl());
  return win;
}
