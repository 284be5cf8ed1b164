/**
 * The team project as the UI reads it: the connection and sync status
 * (sync/runtime.ts), and live from IndexedDB the conflicts, assignments,
 * project settings and progress. Components read through these hooks only.
 */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useSyncExternalStore } from 'react';
import { teamProgress, type AnalystProgress } from '@core/team/progress.ts';
import type { ProjectSettings } from '@core/team/wire.ts';
import { db } from '../db/db.ts';
import { PROJECT_SETTINGS_KEY } from '../sync/outbox.ts';
import { subscribeTeam, teamState, type TeamState } from '../sync/runtime.ts';
import type { ConflictRecord } from '../sync/tables.ts';

/** The connection and sync status. */
export function useTeam(): TeamState {
  return useSyncExternalStore(subscribeTeam, teamState);
}

/** Conflicts of one document's gold, or of the project settings (docId ''). */
export function useConflicts(docId: string): ConflictRecord[] {
  return useLiveQuery(() => db.conflicts.where('docId').equals(docId).toArray(), [docId], []);
}

/** The project settings (blind mode off when unset). */
export function useProjectSettings(): ProjectSettings {
  return useLiveQuery(
    async () =>
      ((await db.settings.get(PROJECT_SETTINGS_KEY))?.value as ProjectSettings | undefined) ?? {
        blind: false,
      },
    [],
    { blind: false },
  );
}

/** Ids of the documents assigned to `annotatorId`; undefined while loading. */
export function useAssignedTo(annotatorId: string): Set<string> | undefined {
  return useLiveQuery(
    async () =>
      new Set(
        (await db.assignments.where('annotatorIds').equals(annotatorId).primaryKeys()) as string[],
      ),
    [annotatorId],
  );
}

/** Every analyst's progress (analysts by name); undefined while loading. */
export function useProgress(): AnalystProgress[] | undefined {
  return useLiveQuery(async () => {
    const [annotators, docIds, assignments, statuses] = await Promise.all([
      db.annotators.toArray(),
      db.docMeta.toCollection().primaryKeys() as Promise<string[]>,
      db.assignments.toArray(),
      db.statuses.toArray(),
    ]);
    const analysts = annotators
      .filter((a) => a.kind !== 'gold')
      .sort((a, b) => a.name.localeCompare(b.name));
    return teamProgress(analysts, docIds, assignments, statuses);
  }, []);
}
