/**
 * Loads the built-in sample corpus once the workbench opens (idempotent).
 * The articles and their extraction are in a chunk of their own, fetched
 * only when the corpus is due (first run): other starts read one setting.
 */
import { useEffect } from 'react';
import { db } from '../db/db.ts';
import { sampleCorpusDue } from '../db/sample-corpus-due.ts';
import { phrase, reportFailure } from '../failures.ts';

/** Starts loading the sample corpus; a failure is reported like any other. */
export function useSampleCorpus(): void {
  useEffect(() => {
    sampleCorpusDue(db)
      .then(async (due) => {
        if (!due) return;
        const { loadSampleCorpus } = await import('../db/sample-corpus.ts');
        await loadSampleCorpus(db);
      })
      .catch((err: unknown) =>
        reportFailure(
          {
            key: 'sample-corpus',
            what: phrase('failureTask.sampleCorpus'),
            where: phrase('failureWhere.firstStart'),
          },
          err,
        ),
      );
  }, []);
}
