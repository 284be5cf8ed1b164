/** The project's actors and the actor undo history, live. */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useSyncExternalStore } from 'react';
import type { ActorRecord } from '@core/model.ts';
import type { ActorEditWhat } from '@core/actors/operations.ts';
import { db } from '../db/db.ts';
import { actorRedirects, listActors } from '../db/actors.ts';
import { knownTargets } from '../db/targets.ts';
import { actorHistory, subscribeActorHistory } from './actions.ts';

const NONE: ActorRecord[] = [];

/** Every actor, by display name; [] while loading. */
export function useActors(): ActorRecord[] {
  return useLiveQuery(() => listActors(db), [], NONE);
}

const NO_REDIRECTS = new Map<string, string>();

/**
 * The holder actor a span shows: its own, or, when that actor was merged
 * into another (by a colleague, whose merge cannot rewrite this analyst's
 * spans), the actor it became. Null when the span has none.
 */
export function useHolderActorId(): (id: string | null | undefined) => string | null {
  const redirects = useLiveQuery(() => actorRedirects(db), [], NO_REDIRECTS);
  return (id) => (id ? (redirects.get(id) ?? id) : null);
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
