#!/usr/bin/env node
// `npm run test:electron`: runs the desktop spec through Playwright's
// _electron.launch when an Electron binary can be had. Electron 45's npm
// package downloads its binary on first launch; where that is impossible
// (no access to GitHub) this says so plainly and exits 1. It never reports
// a pass it did not see.
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const found = electronBinary();
if ('error' in found) {
  console.error(`test:electron: NOT RUN.\n${found.error}`);
  process.exit(1);
}
console.log(`test:electron: using Electron at ${found.path}`);

const needsX = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const cmd = needsX ? 'xvfb-run' : 'npx';
const args = needsX
  ? ['-a', 'npx', 'playwright', 'test', '-c', 'playwright.electron.config.ts']
  : ['playwright', 'test', '-c', 'playwright.electron.config.ts'];
const run = spawnSync(cmd, args, {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: found.path },
});
if (run.error) {
  console.error(`test:electron: could not start ${cmd}: ${run.error.message}`);
  if (needsX)
    console.error('Install Xvfb (Debian: apt-get install -y xvfb) or run under a display.');
  process.exit(1);
}
process.exit(run.status ?? 1);
