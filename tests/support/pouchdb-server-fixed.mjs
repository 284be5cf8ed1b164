// Starts pouchdb-server (arguments as for its own bin) with one bug of
// pouchdb-validation 4.2.0 fixed. Before running a database's
// validate_doc_update it sets the incoming document's `_revisions` to the
// stored document's (`newDoc._revisions = (oldDoc || {})._revisions`) and
// never restores them, so a replicated update (_bulk_docs with
// new_edits=false, generation 2 or more) is stored as the old revision:
// the server answers success and silently drops the update. Apache CouchDB
// has no such bug. Here the validation functions still see the old
// revisions, as before, and the document keeps its own. See docs/team.md.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const load = createRequire(import.meta.url);
const serverDir = path.dirname(load.resolve('pouchdb-server/package.json'));
const target = load.resolve('pouchdb-validation', {
  paths: [path.dirname(load.resolve('express-pouchdb/package.json', { paths: [serverDir] }))],
});
const BUG = 'newDoc._revisions = (oldDoc || {})._revisions;';
const FIX =
  'var ownRevisions = newDoc._revisions; newDoc._revisions = (oldDoc || {})._revisions;' +
  ' try { return validateAll(validationFuncs, newDoc, oldDoc, options); }' +
  ' finally { if (ownRevisions === undefined) delete newDoc._revisions; else newDoc._revisions = ownRevisions; }\n}\n' +
  'function validateAll(validationFuncs, newDoc, oldDoc, options) {';

const loadJs = Module._extensions['.js'];
Module._extensions['.js'] = function (module, filename) {
  if (filename !== target) return loadJs(module, filename);
  const source = fs.readFileSync(filename, 'utf8');
  if (!source.includes(BUG))
    throw new Error(`pouchdb-validation changed: cannot apply the replication fix to ${filename}`);
  module._compile(source.replace(BUG, FIX), filename);
};

load(path.join(serverDir, 'bin', 'pouchdb-server'));
