// Finds a Chromium for Playwright and Vitest browser mode without ever
// downloading one: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a
// browser Playwright may already have installed.
import { existsSync } from 'node:fs';

/** Flags for a headless Chromium on a closed network (see README). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * Returns the path of a usable Chromium, or null when none is installed.
 * @returns {Promise<string | null>}
 */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(p)) return p;
  }
  try {
    const { chromium } = await import('playwright-core');
    const p = chromium.executablePath();
    if (p && existsSync(p)) return p;
  } catch {
    // playwright-core missing or no browser registered: fall through.
  }
  return null;
}

export const INSTALL_HINT = [
  'No Chromium was found for the browser tests.',
  "Looked at: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, and Playwright's own browsers.",
  'Install one of:',
  '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
  '  any machine with internet:  npx playwright install chromium',
  'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
].join('\n');
