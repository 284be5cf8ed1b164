/**
 * What the corpus controls do, bound to the app's database: import article
 * files and switch a document between its cleaned and raw text (the work is
 * in db/documents.ts, with the HTML extraction and cleanup it needs: a
 * chunk loaded the first time either is used, not at start).
 */
import type { HostFile } from '@core/host-contract.ts';
import { db } from '../db/db.ts';
import type { ImportOutcome } from '../db/documents.ts';

/** Imports article files, one transaction each; one outcome per file, in order. */
export async function importArticleFiles(files: HostFile[]): Promise<ImportOutcome[]> {
  const { importFiles } = await import('../db/documents.ts');
  return importFiles(db, files);
}

/** Switches document `docId` to its cleaned or raw text; resolves to its new id. */
export async function switchTextSource(docId: string, source: 'clean' | 'raw'): Promise<string> {
  const { setTextSource } = await import('../db/documents.ts');
  return setTextSource(db, docId, source);
}
