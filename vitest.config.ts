// Unit tests. Two projects: `node` for the pure core, the main-process
// modules and the CLI; `browser` for the data layer on real IndexedDB in
// real Chromium (Vitest browser mode, found by scripts/with-chromium.mjs).
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { couchCommands } from './tests/support/couch-commands.ts';

const alias = { '@core': resolve('src/core') };

// Hang guards, never speed verdicts: every test is small (its largest
// takes about a second on an idle machine; big scales are in npm run bench),
// and on a 2-core machine shared with two CPU-bound processes a cold start
// (a worker thread compiling the HTML importer, a first IndexedDB open) can
// take several times Vitest's 5 s default. A test that needs this long has
// hung, not slowed.
const HANG_GUARD_MS = 30_000;
const chromium = process.env.CHROMIUM_PATH;

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        define: { __APP_VERSION__: JSON.stringify('test') },
        test: {
          name: 'node',
          testTimeout: HANG_GUARD_MS,
          hookTimeout: HANG_GUARD_MS,
          include: [
            'src/core/**/*.test.ts',
            'src/main/**/*.test.ts',
            'src/cli/**/*.test.ts',
            'tests/node/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        define: { __APP_VERSION__: JSON.stringify('test') },
        // Pre-bundle what the renderer tests import, so Vite never discovers a
        // dependency mid-run and reloads the page under a running test.
        optimizeDeps: {
          include: [
            '@mozilla/readability',
            '@tanstack/react-virtual',
            'dexie',
            'linkedom/worker',
            'pouchdb-browser',
            'react',
            'react-dom/client',
            'react/jsx-dev-runtime',
            'zod',
          ],
        },
        test: {
          name: 'browser',
          testTimeout: HANG_GUARD_MS,
          hookTimeout: HANG_GUARD_MS,
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          // A pouchdb-server for the team project tests (tests/support).
          globalSetup: ['tests/support/couch-global-setup.ts'],
          browser: {
            commands: couchCommands,
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: chromium,
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
