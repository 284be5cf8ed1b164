/**
 * Every document's id and title, sorted by title, for choosing documents to
 * export. Read from the small derived docMeta rows, never the articles.
 */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { db } from '../db/db.ts';

/** A document as a choice in a list. */
export interface DocumentTitle {
  id: string;
  title: string;
}

/** The documents' titles, sorted; [] while loading. */
export function useDocumentTitles(): DocumentTitle[] {
  return useLiveQuery(
    async () =>
      (await db.docMeta.toArray())
        .map((x) => ({ id: x.id, title: x.title }))
        .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)),
    [],
    [],
  );
}
