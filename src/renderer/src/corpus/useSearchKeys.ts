/**
 * The folded search keys of every document (title and text with tashkeel,
 * tatweel and letter variants folded: core/arabic-search.ts), read once
 * when a search starts and again only if documents change; nothing is read
 * while no search is running.
 */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { db } from '../db/db.ts';

/** A document's id and folded search key. */
export type SearchKey = readonly [id: string, folded: string];

/** Every document's search key while `searching`; null otherwise and while loading. */
export function useSearchKeys(searching: boolean): SearchKey[] | null {
  return useLiveQuery(
    async () =>
      searching ? (await db.documents.toArray()).map((d) => [d.id, d.folded] as const) : null,
    [searching],
    null,
  );
}
