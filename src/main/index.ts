/**
 * Electron entry point: app lifecycle only. Windows, IPC and services live in
 * their own modules so that their logic can be unit-tested without Electron.
 */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { registerAppScheme, serveRenderer } from './app-scheme.ts';
import { registerIpc } from './ipc.ts';
import { installMenu } from './menu.ts';
import { systemLanguage } from '../core/i18n/locale.ts';
import { setMainLanguage, uiLanguage } from './ui-language.ts';
import { moveProfileIfNeeded } from './profile-migration/run.ts';
import { cleanUpBeforeQuit } from './quit.ts';
import { createMainWindow, denyAllPermissions, hardenContents } from './window.ts';

// A fresh profile per run for tests: STANCE_USER_DATA overrides userData.
if (process.env.STANCE_USER_DATA) app.setPath('userData', process.env.STANCE_USER_DATA);

// electron-vite's dev server, in development only: a packaged app never
// loads (or trusts IPC from) an origin taken from its environment.
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
let mainWindow: BrowserWindow | null = null;
// False while the profile move's hidden windows come and go before the
// workbench window exists: their closing must not quit the app.
let started = false;

// Before `ready`: the renderer's scheme must be privileged from the start.
registerAppScheme();

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

void app.whenReady().then(async () => {
  denyAllPermissions();
  serveRenderer();
  // Menus and dialogs start in the system language, then follow the
  // analyst's choice, which the window sends once it has read it.
  setMainLanguage(systemLanguage(app.getPreferredSystemLanguages()));
  installMenu(app.isPackaged, uiLanguage());
  const ipc = registerIpc({
    window: () => mainWindow,
    devServerUrl,
    onLanguage: () => installMenu(app.isPackaged, uiLanguage()),
  });
  // Open exports are aborted and their partial files deleted before quitting.
  cleanUpBeforeQuit(app, ipc.dispose);
  // The dev server's origin is its own; the built renderer's data may still
  // sit under file:// from before the app:// scheme.
  if (!devServerUrl) {
    const next = await moveProfileIfNeeded(join(app.getPath('userData'), 'backups'));
    if (next === 'quit') {
      app.quit();
      return;
    }
  }
  mainWindow = createMainWindow(devServerUrl, app.isPackaged);
  started = true;
  mainWindow.on('closed', () => (mainWindow = null));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0)
      mainWindow = createMainWindow(devServerUrl, app.isPackaged);
  });
});

app.on('window-all-closed', () => {
  if (started && process.platform !== 'darwin') app.quit();
});
