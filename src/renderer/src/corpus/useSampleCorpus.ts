/** Loads the built-in sample corpus once the workbench opens (idempotent). */
import { useEffect, useState } from 'react';
import { db } from '../db/db.ts';
import { loadSampleCorpus } from '../db/sample-corpus.ts';

/** Starts loading the sample corpus; returns an error message if it failed. */
export function useSampleCorpus(): string | null {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadSampleCorpus(db).catch((err: unknown) =>
      setError(
        `The sample articles could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
      ),
    );
  }, []);
  return error;
}
