// e2e tests of the web build in Chromium. Every test gets a new browser
// context, i.e. a fresh profile with empty IndexedDB.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/chromium.mjs';

const executablePath = process.env.CHROMIUM_PATH;
// E2E_PORT lets several checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 5181);
if (!executablePath) {
  throw new Error('CHROMIUM_PATH is not set: run the e2e suite through `npm run test:e2e`.');
}

export default defineConfig({
  testDir: 'e2e',
  testIgnore: ['electron/**'],
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // On CI a test that fails is run once more; the list reporter marks one
  // that then passes as flaky, so it is seen, not hidden.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    locale: 'en-US',
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --config vite.web.config.ts --port ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
