// Starts a worker thread on a TypeScript module of the CLI, through tsx as
// bin/stance.mjs does (a worker does not inherit the launcher's loader).
// workerData.module is the module's file URL.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../../tsconfig.node.json', import.meta.url).pathname });
await import(workerData.module);
