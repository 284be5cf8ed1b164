/** Loads the built-in sample corpus once the workbench opens (idempotent). */
import { useEffect } from 'react';
import { db } from '../db/db.ts';
import { loadSampleCorpus } from '../db/sample-corpus.ts';
import { phrase, reportFailure } from '../failures.ts';

/** Starts loading the sample corpus; a failure is reported like any other. */
export function useSampleCorpus(): void {
  useEffect(() => {
    loadSampleCorpus(db).catch((err: unknown) =>
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
