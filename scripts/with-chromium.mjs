#!/usr/bin/env node
// Runs a command with CHROMIUM_PATH set to a found Chromium, or explains
// exactly what to install and exits 1. Used by `npm test` and `npm run bench`.
import { spawn } from 'node:child_process';
import { findChromium, INSTALL_HINT } from './chromium.mjs';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: with-chromium.mjs COMMAND [ARGS...]');
  process.exit(2);
}
const path = await findChromium();
if (!path) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
const child = spawn(cmd, args, {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: path },
  shell: process.platform === 'win32',
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
