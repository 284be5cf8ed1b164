/**
 * IPC handlers for the host contract. Every handler first checks that the
 * message comes from our own renderer's main frame, then validates its
 * payload against the channel's zod schema; anything else is rejected.
 */
import {
  app,
  dialog,
  ipcMain,
  safeStorage,
  type BrowserWindow,
  type IpcMainInvokeEvent,
} from 'electron';
import type { z } from 'zod';
import {
  ipcChannels,
  type AppInfo,
  type HostFile,
  type IpcChannelName,
} from '../core/host-contract.ts';
import { openExternalConfirmed } from './external-links.ts';
import { readOpenedFile } from './open-files.ts';
import { isTrustedSender } from './security.ts';
import { setMainLanguage } from './ui-language.ts';
import { openDialogOptions, saveDialogOptions } from './dialog-options.ts';
import { BackupService } from './services/backups.ts';
import { ExportService } from './services/exports.ts';
import { TeamLink } from './services/team-link.ts';

type Payload<K extends IpcChannelName> = z.infer<(typeof ipcChannels)[K]['payload']>;

export interface IpcContext {
  window: () => BrowserWindow | null;
  /** electron-vite's dev server, trusted as a sender in development only. */
  devServerUrl: string | undefined;
  /** Renames the native menus after the analyst chose another language. */
  onLanguage?: () => void;
}

/** Registers one handler with the sender check and payload validation. */
function handle<K extends IpcChannelName, R>(
  ctx: IpcContext,
  name: K,
  fn: (payload: Payload<K>, event: IpcMainInvokeEvent) => Promise<R> | R,
): void {
  const def = ipcChannels[name];
  ipcMain.handle(def.channel, async (event, raw: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame?.url, frame?.parent === null, ctx.devServerUrl)) {
      throw new Error(`${def.channel}: refused, the sender is not the workbench window`);
    }
    const parsed = def.payload.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`);
      throw new Error(`${def.channel}: invalid payload (${why.join('; ')})`);
    }
    return fn(parsed.data as Payload<K>, event);
  });
}

/** Registers every handler of the host contract. */
export function registerIpc(ctx: IpcContext): { dispose: () => Promise<void> } {
  const exports = new ExportService();
  const backups = new BackupService(`${app.getPath('userData')}/backups`);
  const team = new TeamLink(`${app.getPath('userData')}/team-credentials.json`, safeStorage);

  handle(ctx, 'appInfo', (): AppInfo => ({
    name: app.getName(),
    version: app.getVersion(),
    host: 'electron',
    runtime: `Electron ${process.versions.electron} · Chromium ${process.versions.chrome}`,
    platform: process.platform,
  }));

  handle(ctx, 'openFiles', async (): Promise<HostFile[]> => {
    const win = ctx.window();
    const options = openDialogOptions();
    const res = win
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options);
    if (res.canceled) return [];
    const out: HostFile[] = [];
    for (const path of res.filePaths) {
      out.push(await readOpenedFile(path));
    }
    return out;
  });

  handle(ctx, 'exportBegin', async ({ suggestedName }) => {
    const win = ctx.window();
    const options = saveDialogOptions(suggestedName);
    const res = win
      ? await dialog.showSaveDialog(win, options)
      : await dialog.showSaveDialog(options);
    if (res.canceled || !res.filePath) return null;
    return { id: await exports.begin(res.filePath), target: res.filePath };
  });
  handle(ctx, 'exportWrite', ({ id, chunk }) => exports.write(id, chunk));
  handle(ctx, 'exportCommit', async ({ id }) => ({ path: await exports.commit(id) }));
  handle(ctx, 'exportAbort', ({ id }) => exports.abort(id));

  handle(ctx, 'backupWrite', ({ name, data }) => backups.write(name, data));
  handle(ctx, 'backupList', () => backups.list());
  handle(ctx, 'backupRead', ({ name }) => backups.read(name));

  handle(ctx, 'openExternal', async ({ url }) => {
    await openExternalConfirmed(url, ctx.window());
  });

  handle(ctx, 'teamSignIn', ({ server, user, password }) => team.signIn(server, user, password));
  handle(ctx, 'teamSession', ({ server }) => team.sessionFor(server));
  handle(ctx, 'teamSignOut', () => team.signOut());
  handle(ctx, 'teamRequest', (req) => team.request(req));
  handle(ctx, 'setUiLanguage', ({ lang }) => {
    setMainLanguage(lang);
    ctx.onLanguage?.();
  });

  return {
    /**
     * Unregisters every handler and disposes the services: open exports are
     * aborted and their partial files deleted (run when the app quits).
     */
    dispose: async () => {
      for (const def of Object.values(ipcChannels)) ipcMain.removeHandler(def.channel);
      await exports.dispose();
    },
  };
}
