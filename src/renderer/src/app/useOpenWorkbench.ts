/**
 * Opening the profile's database at start: open (or explain why it cannot
 * be opened), ask the browser to keep the storage, and once the start is
 * over check the derived tables against their sources.
 */
import { useEffect, useState } from 'react';
import { db, describeOpenError, openWorkbenchDb, requestPersistentStorage } from '../db/db.ts';
import { healDerived } from '../db/derived-rebuild.ts';
import { reportFailure } from '../failures.ts';
import { whenIdle } from '../idle.ts';

/** Where opening the database stands. */
export type OpenState =
  { kind: 'opening' } | { kind: 'open' } | { kind: 'failed'; message: string };

/** Opens the workbench database once; returns where that stands. */
export function useOpenWorkbench(): OpenState {
  const [state, setState] = useState<OpenState>({ kind: 'opening' });
  useEffect(() => {
    openWorkbenchDb()
      .then(() => {
        performance.mark('stance:db-open');
        setState({ kind: 'open' });
        void requestPersistentStorage();
        // Derived list rows out of step with the articles are rebuilt, once
        // the start is over (the check reads every count row).
        whenIdle(() =>
          healDerived(db).catch((err: unknown) =>
            reportFailure(
              {
                key: 'start:derived',
                what: 'Rebuilding the document list',
                where: 'start-up check of the local database',
              },
              err,
            ),
          ),
        );
      })
      .catch((err: unknown) => setState({ kind: 'failed', message: describeOpenError(err) }));
  }, []);
  return state;
}
