#!/usr/bin/env node
// `npm run test:electron`: runs the desktop spec through Playwright's
// _electron.launch when an Electron binary can be had. Electron 45's npm
// package downloads its binary on first launch; where that is impossible
// (no access to GitHub) this says so plainly and exits 1. It never reports
// a pass it did not see.
import { spawnSync } from 'node:child_process';

const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  encoding: 'utf8',
  timeout: 180_000,
});
if (probe.status !== 0 || !probe.stdout) {
  console.error(
    [
      'test:electron: NOT RUN. No Electron binary is available on this machine.',
      'Electron 45 downloads its binary on first launch, and that download failed',
      '(this machine probably cannot reach GitHub). Run this on a machine with',
      'internet access, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45.',
      (probe.stderr || probe.error?.message || '').trim().split('\n').slice(-3).join('\n'),
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`test:electron: using Electron at ${probe.stdout}`);

const needsX = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const cmd = needsX ? 'xvfb-run' : 'npx';
const args = needsX
  ? ['-a', 'npx', 'playwright', 'test', '-c', 'playwright.electron.config.ts']
  : ['playwright', 'test', '-c', 'playwright.electron.config.ts'];
const run = spawnSync(cmd, args, { stdio: 'inherit' });
if (run.error) {
  console.error(`test:electron: could not start ${cmd}: ${run.error.message}`);
  if (needsX)
    console.error('Install Xvfb (Debian: apt-get install -y xvfb) or run under a display.');
  process.exit(1);
}
process.exit(run.status ?? 1);
