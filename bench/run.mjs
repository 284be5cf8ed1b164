#!/usr/bin/env node
// `npm run bench`: runs bench/main.ts under tsx with the garbage collector
// exposed (the import benchmark measures heap growth). Arguments pass
// through: `--only render,store` runs some sections, `--quick` checks the
// harness with fewer runs and smaller sizes; `--report-only` rewrites
// RESULTS.md from results.json.
import { spawn } from 'node:child_process';

const child = spawn(
  process.execPath,
  ['--expose-gc', '--import', 'tsx', 'bench/main.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
