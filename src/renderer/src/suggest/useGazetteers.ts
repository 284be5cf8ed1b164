/**
 * The cue phrases the suggestion layer reads, live from IndexedDB: the
 * analyst's own (to edit) and the union of everyone's in the project
 * (what the suggester matches, and who listed each phrase).
 */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import type { Gazetteer } from '@core/suggest/gazetteer.ts';
import { db } from '../db/db.ts';
import { gazetteerUnion, ownGazetteer, type GazetteerUnion } from '../db/gazetteers.ts';

const NONE: GazetteerUnion = { gazetteer: {}, authors: {} };
const EMPTY: Gazetteer = {};

/** Everyone's cue phrases merged, with who listed each; empty until read. */
export function useGazetteerUnion(): GazetteerUnion {
  return useLiveQuery(() => gazetteerUnion(db), [], NONE);
}

/** The analyst's own cue phrases; empty until read or when they keep none. */
export function useOwnGazetteer(selfId: string | null): Gazetteer {
  return useLiveQuery(async () => (selfId ? ownGazetteer(db, selfId) : EMPTY), [selfId], EMPTY);
}
