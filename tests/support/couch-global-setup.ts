// Vitest globalSetup of the browser project: one pouchdb-server on
// 127.0.0.1 for the run, stopped at its end (see couch-commands.ts).
export { couchGlobalSetup as default } from './couch-commands.ts';
