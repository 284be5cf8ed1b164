/**
 * What the corpus controls do, bound to the app's database: import article
 * files and switch a document between its cleaned and raw text (the work is
 * in db/documents.ts).
 */
import type { HostFile } from '@core/host-contract.ts';
import { db } from '../db/db.ts';
import { importFiles, setTextSource, type ImportOutcome } from '../db/documents.ts';

/** Imports article files, one transaction each; one outcome per file, in order. */
export function importArticleFiles(files: HostFile[]): Promise<ImportOutcome[]> {
  return importFiles(db, files);
}

/** Switches document `docId` to its cleaned or raw text; resolves to its new id. */
export function switchTextSource(docId: string, source: 'clean' | 'raw'): Promise<string> {
  return setTextSource(db, docId, source);
}
