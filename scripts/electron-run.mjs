#!/usr/bin/env node
// `npm start` / `npm run dev`: resolves the Electron binary (see
// electron-binary.mjs), then runs electron-vite with it.
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const found = electronBinary();
if ('error' in found) {
  console.error(`stance: cannot start the desktop app.\n${found.error}`);
  process.exit(1);
}
const child = spawn('npx', ['electron-vite', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: found.path },
  shell: process.platform === 'win32',
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
