/** The project's actors and the actor undo history, live. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import type { ActorRecord } from '@core/model.ts';
import type { ActorEditWhat } from '@core/actors/operations.ts';
import { db } from '../db/db.ts';
import { listActors } from '../db/actors.ts';
import { knownTargets } from '../db/targets.ts';
import { actorHistory, subscribeActorHistory } from './actions.ts';

const NONE: ActorRecord[] = [];

/** Every actor, by display name; [] while loading. */
export function useActors(): ActorRecord[] {
  return useLiveQuery(() => listActors(db), [], NONE);
}

/** Targets to suggest for a span (the project's list, then those spans name). */
export function useKnownTargets(): string[] {
  return useLiveQuery(() => knownTargets(db), [], []);
}

let cached = actorHistory();
function snapshot(): ReturnType<typeof actorHistory> {
  const now = actorHistory();
  if (now.version !== cached.version) cached = now;
  return cached;
}

/** What the actor undo and redo would take back, re-rendering when it changes. */
export function useActorHistory(): { undo: ActorEditWhat | null; redo: ActorEditWhat | null } {
  return useSyncExternalStore(subscribeActorHistory, snapshot, snapshot);
}
