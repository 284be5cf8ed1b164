// An acknowledged write survives the browser being killed right afterwards:
// a real Chromium process on a user-data folder is SIGKILLed and relaunched.
import { chromium, expect, test, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const executablePath = process.env.CHROMIUM_PATH!;

async function launch(userDataDir: string): Promise<{ proc: ChildProcess; browser: Browser }> {
  // A killed browser leaves its port file behind: never read a stale one.
  const portFile = join(userDataDir, 'DevToolsActivePort');
  await rm(portFile, { force: true });
  const proc = spawn(
    executablePath,
    [
      '--headless=new',
      ...CHROMIUM_ARGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const port = await expect
    .poll(async () => (await readFile(portFile, 'utf8').catch(() => '')).split('\n')[0], {
      timeout: 30_000,
    })
    .toMatch(/^\d+$/)
    .then(async () => (await readFile(portFile, 'utf8')).split('\n')[0]);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return { proc, browser };
}

function kill(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

test('the analyst profile survives a SIGKILL right after it is saved', async ({ baseURL }) => {
  const dir = await mkdtemp(join(tmpdir(), 'stance-durable-'));
  try {
    const first = await launch(dir);
    const page =
      first.browser.contexts()[0]!.pages()[0] ?? (await first.browser.contexts()[0]!.newPage());
    await page.goto(baseURL!);
    const dialog = page.getByRole('dialog', { name: 'Welcome to Stance Workbench' });
    await dialog.getByRole('textbox', { name: 'Your name' }).fill('Karwan');
    await dialog.getByRole('button', { name: 'Start annotating' }).click();
    // The header shows the name only after the transaction committed.
    await expect(page.getByRole('banner')).toContainText('Karwan');
    await kill(first.proc);

    const second = await launch(dir);
    const again =
      second.browser.contexts()[0]!.pages()[0] ?? (await second.browser.contexts()[0]!.newPage());
    await again.goto(baseURL!);
    await expect(again.getByRole('banner')).toContainText('Karwan');
    await expect(again.getByRole('list', { name: 'Labels' }).getByRole('listitem')).toHaveCount(3);
    await second.browser.close().catch(() => undefined);
    await kill(second.proc);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
