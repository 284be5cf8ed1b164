// An acknowledged write survives the browser being killed right afterwards:
// a real Chromium process on a user-data folder is SIGKILLed the moment a
// span shows as saved, then relaunched on the same folder.
import { chromium, expect, test, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { dragPhrase, storedSpans } from './annotate-helpers.ts';

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
    // Its own process group, so the kill takes every Chromium process at once.
    { stdio: 'ignore', detached: true },
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

/** SIGKILLs the browser and all its child processes (renderer, storage, GPU). */
function kill(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    process.kill(-proc.pid!, 'SIGKILL');
  });
}

const PHRASE = 'القمة المقرر انعقادها بين الرئيس الأميركي جو بايدن';
const ARTICLE = /قمة مرتقبة بين بايدن والكاظمي/;

test('a span survives a SIGKILL right after it shows as saved', async ({ baseURL }) => {
  const dir = await mkdtemp(join(tmpdir(), 'stance-durable-'));
  try {
    const first = await launch(dir);
    const context = first.browser.contexts()[0]!;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(baseURL!);
    const dialog = page.getByRole('dialog', { name: 'Welcome to Stance Workbench' });
    await dialog.getByRole('textbox', { name: 'Your name' }).fill('Karwan');
    await dialog.getByRole('button', { name: 'Start annotating' }).click();
    await page.getByRole('option', { name: ARTICLE }).click();
    await dragPhrase(page, PHRASE);
    await page.keyboard.press('1');
    // The span list reads from IndexedDB: the span is there once committed.
    await expect(page.getByRole('list', { name: 'Spans' })).toContainText(PHRASE);
    await kill(first.proc);

    const second = await launch(dir);
    const ctx2 = second.browser.contexts()[0]!;
    const again = ctx2.pages()[0] ?? (await ctx2.newPage());
    await again.setViewportSize({ width: 1400, height: 900 });
    await again.goto(baseURL!);
    await expect(again.getByRole('banner')).toContainText('Karwan');
    await again.getByRole('option', { name: ARTICLE }).click();
    await expect(again.getByRole('list', { name: 'Spans' })).toContainText(PHRASE);
    const spans = await storedSpans(again);
    expect(spans.map((s) => [s.label, s.quote, s.annotatorId])).toEqual([
      ['pro-withdrawal', PHRASE, 'Karwan'],
    ]);
    await second.browser.close().catch(() => undefined);
    await kill(second.proc);
  } finally {
    // A dying process may still be closing files in the profile for a moment.
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
});
