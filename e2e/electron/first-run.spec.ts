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
    // Chromium refuses its sandbox only when run as root (as in containers).
    args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
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
  // Electron 45 has no getter for a live window's preferences: that
  // createMainWindow passes the secure ones is unit-tested
  // (src/main/window.test.ts); here, what the renderer can observe of them.
  const url = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]!.webContents.getURL(),
  );
  expect(url).toMatch(/^file:.*index\.html$/);
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
  // Watch navigation and external opening in the main process; the system
  // browser is stubbed so that the test opens nothing.
  await app.evaluate(({ BrowserWindow, shell }) => {
    const seen = { navigations: 0, opened: [] as string[] };
    (globalThis as { __seen?: typeof seen }).__seen = seen;
    BrowserWindow.getAllWindows()[0]!.webContents.on('will-navigate', () => seen.navigations++);
    shell.openExternal = async (url: string) => {
      seen.opened.push(url);
    };
  });
  const seen = () =>
    app.evaluate(
      () => (globalThis as { __seen?: { navigations: number; opened: string[] } }).__seen!,
    );
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect.poll(async () => (await seen()).navigations).toBe(1);
  expect(page.url()).toBe(before);
  const refused = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(refused).toBe(true);
  await expect.poll(async () => (await seen()).opened).toEqual(['https://example.com/']);
  expect(await page.evaluate(() => window.open('file:///etc/passwd') === null)).toBe(true);
  expect((await seen()).opened).toEqual(['https://example.com/']);
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
