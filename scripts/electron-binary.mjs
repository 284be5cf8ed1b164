// Finds the Electron binary. Electron 45's npm package downloads it on first
// use, not at install: requiring `electron` triggers that download. Tools
// such as electron-vite only look for the file the download leaves, so
// `npm start` and `npm run test:electron` resolve the binary here first.
import { spawnSync } from 'node:child_process';

/**
 * Resolves (downloading on first use) the Electron binary.
 * @returns {{ path: string } | { error: string }}
 */
export function electronBinary() {
  if (process.env.ELECTRON_EXEC_PATH) return { path: process.env.ELECTRON_EXEC_PATH };
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (probe.status === 0 && probe.stdout) return { path: probe.stdout };
  // The causes Node printed ("TypeError: fetch failed", Electron's own
  // message), without the stack frames and source excerpts around them.
  const detail = (probe.stderr || probe.error?.message || '')
    .split('\n')
    .filter((l) => /^\w*Error\b/.test(l.trim()))
    .map((l) => `  ${l.trim()}`)
    .join('\n');
  return {
    error: [
      'No Electron binary is available on this machine.',
      'Electron 45 downloads its binary the first time it runs, and that download failed',
      '(this machine probably cannot reach GitHub). Run this on a machine with internet',
      'access, set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45, or use',
      '`npm run web` to open the same workbench in a browser.',
      detail,
    ].join('\n'),
  };
}
