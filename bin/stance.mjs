#!/usr/bin/env node
// The `stance` CLI launcher: runs the TypeScript sources in src/cli (which
// share src/core with the app) through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.node.json', import.meta.url).pathname });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
