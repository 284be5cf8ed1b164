/** How many documents of an export's set it would leave out, live (db/export.ts). */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { db } from '../db/db.ts';
import { exportCoverage, type ExportCoverage } from '../db/export.ts';

/** The coverage of exporting `documents` for `annotatorIds`; undefined while reading. */
export function useExportCoverage(
  annotatorIds: readonly string[],
  documents: 'all' | 'done' | readonly string[],
): ExportCoverage | undefined {
  const key = `${annotatorIds.join('\u0000')}|${typeof documents === 'string' ? documents : documents.join('\u0000')}`;
  return useLiveQuery(
    () =>
      exportCoverage(db, {
        annotatorIds: [...annotatorIds],
        documents: typeof documents === 'string' ? documents : [...documents],
      }),
    [key],
  );
}
