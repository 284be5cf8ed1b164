// The real desktop app, in a fresh user-data folder: the first-run journey,
// the app://stance origin and its storage across a relaunch, and the
// hardening that only Electron can show. Runs through `npm run test:electron`
// where an Electron binary can be had (never as part of `npm test`).
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let app: ElectronApplication | null = null;
let userData: string;

/** Starts the built app on `userData`. */
async function launch(): Promise<ElectronApplication> {
  app = await electron.launch({
    // Chromium refuses its sandbox only when run as root (as in containers).
    args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, STANCE_USER_DATA: userData },
  });
  return app;
}

test.beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'stance-electron-'));
});

test.afterEach(async () => {
  await app?.close();
  app = null;
  await rm(userData, { recursive: true, force: true });
});

test('first run asks for the name; the profile is still there after a relaunch', async () => {
  let page = await (await launch()).firstWindow();
  const dialog = page.getByRole('dialog', { name: 'Welcome to Stance Workbench' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Laila');
  await dialog.getByRole('button', { name: 'Start annotating' }).click();
  await expect(page.getByRole('banner')).toContainText('Laila');
  await expect(page.getByRole('list', { name: 'Labels' }).getByRole('listitem')).toHaveCount(3);
  // A fresh profile has nothing under the old file:// origin to move.
  const state = JSON.parse(await readFile(join(userData, 'profile-origin.json'), 'utf8')) as {
    state: string;
  };
  expect(state.state).toBe('nothing-to-move');

  await app!.close();
  page = await (await launch()).firstWindow();
  // IndexedDB of app://stance kept the profile: no first-run dialog this time.
  await expect(page.getByRole('banner')).toContainText('Laila');
  await expect(page.getByRole('dialog', { name: 'Welcome to Stance Workbench' })).toHaveCount(0);
});

test('the renderer is served from app://stance and confined to its folder', async () => {
  const page = await (await launch()).firstWindow();
  await page.getByRole('dialog', { name: 'Welcome to Stance Workbench' }).waitFor();
  expect(
    await page.evaluate(() => ({
      protocol: location.protocol,
      origin: location.origin,
      secure: isSecureContext,
    })),
  ).toEqual({ protocol: 'app:', origin: 'app://stance', secure: true });
  const url = await app!.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]!.webContents.getURL(),
  );
  expect(url).toBe('app://stance/index.html');
  const status = (path: string) =>
    page.evaluate(async (p) => (await fetch(`app://stance/${p}`)).status, path);
  expect(await status('index.html')).toBe(200);
  expect(await status('%2e%2e%2fpackage.json')).toBe(403);
  expect(await status('..%5C..%5Cpackage.json')).toBe(403);
  expect(await status('../../package.json')).toBe(404);
  expect(await status('no-such-file.js')).toBe(404);
});

test('the window is hardened', async () => {
  const page = await (await launch()).firstWindow();
  // Electron 45 has no getter for a live window's preferences: that
  // createMainWindow passes the secure ones is unit-tested
  // (src/main/window.test.ts); here, what the renderer can observe of them.
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
  // Watch navigation, the confirmation and external opening in the main
  // process; the dialog answers "Open in browser" and the system browser is
  // stubbed, so that the test opens nothing.
  await app!.evaluate(({ BrowserWindow, dialog, shell }) => {
    const seen = { navigations: 0, asked: [] as string[], opened: [] as string[] };
    (globalThis as { __seen?: typeof seen }).__seen = seen;
    BrowserWindow.getAllWindows()[0]!.webContents.on('will-navigate', () => seen.navigations++);
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const options = args[args.length - 1] as { message: string };
      seen.asked.push(options.message);
      return { response: 1, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
    shell.openExternal = async (url: string) => {
      seen.opened.push(url);
    };
  });
  type Seen = { navigations: number; asked: string[]; opened: string[] };
  const seen = () => app!.evaluate(() => (globalThis as { __seen?: Seen }).__seen!);
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect.poll(async () => (await seen()).navigations).toBe(1);
  expect(page.url()).toBe(before);
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  await expect.poll(async () => (await seen()).opened).toEqual(['https://example.com/']);
  expect((await seen()).asked).toEqual(['Open example.com in your browser?']);
  // Local and non-http(s) links are refused without a question.
  expect(await page.evaluate(() => window.open('file:///etc/passwd') === null)).toBe(true);
  expect(await page.evaluate(() => window.open('http://127.0.0.1:8080/') === null)).toBe(true);
  const refused = await page.evaluate(async () => {
    const h = (window as unknown as { stanceHost: { openExternal: (u: string) => Promise<void> } })
      .stanceHost;
    try {
      await h.openExternal('http://localhost:5173/');
      return 'opened';
    } catch (e) {
      return String(e);
    }
  });
  expect(refused).toMatch(/localhost is a local name/);
  expect(await seen()).toMatchObject({
    asked: ['Open example.com in your browser?'],
    opened: ['https://example.com/'],
  });
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
