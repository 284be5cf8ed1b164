#!/usr/bin/env node
// The `stance` CLI launcher: runs the TypeScript sources in src/cli (which
// share src/core with the app) through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.node.json', import.meta.url).pathname });
const { runProcess } = await import('../src/cli/process.ts');
await runProcess(process.argv.slice(2));
