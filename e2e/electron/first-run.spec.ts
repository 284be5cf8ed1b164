// The real desktop app, in a fresh user-data folder: the first-run journey
// and the hardening that only Electron can show.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let app: ElectronApplication;
let userData: string;

test.beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'stance-electron-'));
  app = await electron.launch({
    args: ['.', '--no-sandbox'],
    env: { ...process.env, STANCE_USER_DATA: userData },
  });
});

test.afterEach(async () => {
  await app.close();
  await rm(userData, { recursive: true, force: true });
});

test('first run in the desktop app asks for the name and shows the labels', async () => {
  const page = await app.firstWindow();
  const dialog = page.getByRole('dialog', { name: 'Welcome to Stance Workbench' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Laila');
  await dialog.getByRole('button', { name: 'Start annotating' }).click();
  await expect(page.getByRole('banner')).toContainText('Laila');
  await expect(page.getByRole('list', { name: 'Labels' }).getByRole('listitem')).toHaveCount(3);
});

test('the window is hardened', async () => {
  const page = await app.firstWindow();
  // The preferences object itself is asserted in src/main/security.test.ts;
  // here we check what the renderer can observe of it.
  const sandboxed = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
  );
  expect(sandboxed[0]).toMatch(/^file:.*index\.html$/);
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
    'undefined',
  );
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
    'undefined',
  );
  expect(
    await page.evaluate(() =>
      Object.keys((window as unknown as { stanceHost: object }).stanceHost).sort(),
    ),
  ).toContain('openFiles');
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect.poll(() => page.url()).toBe(before);
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  // A payload of the wrong shape is rejected by the main process.
  const err = await page.evaluate(async () => {
    const h = (window as unknown as { stanceHost: { backupRead: (n: unknown) => Promise<string> } })
      .stanceHost;
    try {
      await h.backupRead('../../etc/passwd');
      return 'accepted';
    } catch (e) {
      return String(e);
    }
  });
  expect(err).toMatch(/invalid payload/);
});
