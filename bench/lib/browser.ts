/**
 * Launches the Chromium the benchmarks run in: the one CHROMIUM_PATH names
 * (scripts/with-chromium.mjs finds it), with the flags the test suite uses,
 * in a persistent on-disk profile so IndexedDB really writes to disk (an
 * incognito context keeps it in memory).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The viewport every page runs in. */
export const VIEWPORT = { width: 1280, height: 800 };

/** A fresh on-disk profile in bench/.tmp/profiles/`name`. */
export async function launchProfile(name: string): Promise<BrowserContext> {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) throw new Error('CHROMIUM_PATH is not set: run `npm run bench`.');
  const dir = resolve(join('bench/.tmp/profiles', name));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return chromium.launchPersistentContext(dir, {
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: VIEWPORT,
    locale: 'en-US',
  });
}

/** Closes a context and removes its profile folder. */
export async function closeProfile(context: BrowserContext, name: string): Promise<void> {
  await context.close();
  rmSync(resolve(join('bench/.tmp/profiles', name)), { recursive: true, force: true });
}

/** Chromium's version string as the browser reports it. */
export async function chromiumVersion(context: BrowserContext): Promise<string> {
  return context.browser()?.version() ?? (await userAgentVersion(context));
}

async function userAgentVersion(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  const ua = await page.evaluate(() => navigator.userAgent);
  await page.close();
  return /Chrome\/([\d.]+)/.exec(ua)?.[1] ?? ua;
}

/** Forwards a page's console errors and uncaught errors to stderr. */
export function echoErrors(page: Page, tag: string): void {
  page.on('pageerror', (err) => console.error(`[${tag}] page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.error(`[${tag}] console: ${msg.text()}`);
  });
}
