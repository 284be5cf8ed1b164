// The desktop spec: launches the built app with _electron.launch.
// Run through `npm run test:electron`, never as part of `npm test`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e/electron',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 120_000,
});
