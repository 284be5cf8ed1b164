/**
 * Runs the profile move (migrate.ts) in Electron, before the workbench
 * window loads: hidden, sandboxed windows without preload serve as the
 * pages of the two origins (a blank file:// page written to a temporary
 * folder, and the blank page of app://stance), and a failure is put to the
 * analyst in a native dialog: quit and retry at the next start (the
 * default), or start with an empty workbench, the old data left on disk and
 * the backup, if one was written, listed under Backup and restore.
 */
import { describeError } from '../../core/errors.ts';
import { app, BrowserWindow, dialog } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_BLANK_URL } from '../app-url.ts';
import { SECURE_WEB_PREFERENCES } from '../security.ts';
import { mainText } from '../ui-language.ts';
import { BackupService } from '../services/backups.ts';
import {
  declineMigration,
  migrateProfileOrigin,
  MigrationError,
  type OriginPage,
} from './migrate.ts';

/** A hidden window on `url` whose page evaluates the migration's scripts. */
async function hiddenPage(url: string): Promise<OriginPage> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, devTools: false },
  });
  try {
    await win.loadURL(url);
  } catch (err) {
    win.destroy();
    throw err;
  }
  return {
    evaluate: (script) => win.webContents.executeJavaScript(script) as Promise<unknown>,
    close: () => win.destroy(),
  };
}

/**
 * Moves the profile's data to the app's origin if that is due. Resolves to
 * 'quit' when the move failed and the analyst chose to quit.
 */
export async function moveProfileIfNeeded(backupDir: string): Promise<'continue' | 'quit'> {
  const temp = await mkdtemp(join(tmpdir(), 'stance-migration-'));
  const blank = join(temp, 'blank.html');
  await writeFile(blank, '<!doctype html><meta charset="utf-8"><title>Stance Workbench</title>');
  const userDataDir = app.getPath('userData');
  try {
    const outcome = await migrateProfileOrigin({
      sessionDir: app.getPath('sessionData'),
      userDataDir,
      backups: new BackupService(backupDir),
      openOld: () => hiddenPage(pathToFileURL(blank).href),
      openNew: () => hiddenPage(APP_BLANK_URL),
      appVersion: app.getVersion(),
      log: (line) => console.log(`stance: profile move: ${line}`),
    });
    console.log(`stance: profile move: ${outcome.detail}`);
    return 'continue';
  } catch (err) {
    const why = describeError(err);
    const backup = err instanceof MigrationError ? err.backup : null;
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: mainText('app.name'),
      message: mainText('main.migrateMessage'),
      // The system's own text, isolated: it keeps its direction in an Arabic sentence.
      detail: [
        mainText('main.migrateWhat', { why: `\u2068${why}\u2069` }),
        mainText('main.migrateKept'),
        backup
          ? mainText('main.migrateBackup', { file: `\u2068${backup}\u2069` })
          : mainText('main.migrateNoBackup'),
      ].join('\n\n'),
      buttons: [mainText('main.quit'), mainText('main.startEmpty')],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (response !== 1) return 'quit';
    await declineMigration({ userDataDir }, `the analyst started empty after: ${why}`);
    return 'continue';
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
