/**
 * Electron entry point: app lifecycle only. Windows, IPC and services live in
 * their own modules so that their logic can be unit-tested without Electron.
 */
import { app, BrowserWindow } from 'electron';
import { registerIpc } from './ipc.ts';
import { installMenu } from './menu.ts';
import { createMainWindow, denyAllPermissions, hardenContents, rendererFileUrl } from './window.ts';

// A fresh profile per run for tests: STANCE_USER_DATA overrides userData.
if (process.env.STANCE_USER_DATA) app.setPath('userData', process.env.STANCE_USER_DATA);

// electron-vite's dev server, in development only: a packaged app never
// loads (or trusts IPC from) an origin taken from its environment.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

void app.whenReady().then(() => {
  denyAllPermissions();
  installMenu();
  registerIpc({ window: () => mainWindow, rendererFileUrl: rendererFileUrl(), devServerUrl });
  mainWindow = createMainWindow(devServerUrl);
  mainWindow.on('closed', () => (mainWindow = null));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(devServerUrl);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
