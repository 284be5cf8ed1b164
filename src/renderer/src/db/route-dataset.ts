/**
 * Where dataset files (.jsonl, .json) given to the article importer go: the
 * dataset import, run without questions (a file with bad lines imports
 * nothing; unknown labels are added). The window's open/drop controls send
 * datasets to the interactive DatasetImportDialog instead.
 */
import type { HostFile } from '@core/host-contract.ts';
import { importDatasetFiles } from './dataset-import.ts';
import type { WorkbenchDb } from './schema.ts';

export interface DatasetRouteResult {
  ok: boolean;
  /** What happened, for the import report. */
  message: string;
}

/** Imports a dataset file, or explains why it was not imported. */
export async function routeDataset(
  db: WorkbenchDb,
  file: HostFile,
  selfId: string,
): Promise<DatasetRouteResult> {
  const [report] = await importDatasetFiles([file], { selfId, db });
  if (!report) return { ok: false, message: 'the file could not be read' };
  if (!report.imported) {
    const lines = report.errors.slice(0, 3).map((e) => `line ${e.line}: ${e.message}`);
    return { ok: false, message: [report.refusal ?? 'nothing was imported', ...lines].join('; ') };
  }
  return {
    ok: true,
    message: `dataset: ${report.spansAdded} span(s) added, ${report.documentsCreated} new document(s), ${report.documentsMatched} matched`,
  };
}
