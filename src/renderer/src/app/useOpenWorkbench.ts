/**
 * Opening the profile's database at start: open (or explain why it cannot
 * be opened), ask the browser to keep the storage, and once the start is
 * over check the derived tables against their sources.
 */
import { useEffect, useState } from 'react';
import type { Problem } from '@core/problems/problem.ts';
import { db, openFailure, openWorkbenchDb, requestPersistentStorage } from '../db/db.ts';
import { ensureDerived } from '../db/derived-check.ts';
import { fillMissingTokens } from '../db/token-backfill.ts';
import { prefetchKeptList } from '../corpus/kept-list-prefetch.ts';
import { phrase, reportFailure } from '../failures.ts';
import { host } from '../host/host.ts';
import { startTeam } from '../sync/runtime.ts';
import { whenIdle } from '../idle.ts';

/** Where opening the database stands. */
export type OpenState =
  { kind: 'opening' } | { kind: 'open' } | { kind: 'failed'; problem: Problem };

/** Opens the workbench database once; returns where that stands. */
export function useOpenWorkbench(): OpenState {
  const [state, setState] = useState<OpenState>({ kind: 'opening' });
  useEffect(() => {
    openWorkbenchDb()
      .then(() => {
        performance.mark('stance:db-open');
        // The document list kept at the last session, read while the workbench renders.
        prefetchKeptList(db);
        setState({ kind: 'open' });
        void requestPersistentStorage();
        // A connected team project resumes syncing (docs/team.md).
        startTeam(db, host).catch((err: unknown) =>
          reportFailure(
            {
              key: 'start:team',
              what: phrase('failureTask.resumeTeam'),
              where: phrase('failureWhere.team'),
            },
            err,
          ),
        );
        // Derived tables of an older version (after an upgrade, a restore
        // of an older backup, a new tokenizer) are rebuilt once the start
        // is over; the check itself is one settings read.
        // Then any article still without its tokens (a team project's,
        // synced by a session that ended before filling them) gets them.
        whenIdle(() =>
          ensureDerived(db)
            .then(() => fillMissingTokens(db))
            .catch((err: unknown) =>
              reportFailure(
                {
                  key: 'start:derived',
                  what: phrase('failureTask.rebuildList'),
                  where: phrase('failureWhere.startCheck'),
                },
                err,
              ),
            ),
        );
      })
      .catch((err: unknown) => setState({ kind: 'failed', problem: openFailure(err) }));
  }, []);
  return state;
}
