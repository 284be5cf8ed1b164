/**
 * The rows of the document list, live from IndexedDB: each document's
 * title, outlet and date with this analyst's status and span counts per
 * label. Documents, statuses and spans are three live queries, so marking
 * a span re-reads spans only, not every document. Documents and spans are
 * read from index keys alone (no record is deserialized), which keeps a
 * profile of 10,000 long articles quick to open.
 */
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { DocStatus } from '@core/model.ts';
import { db } from '../db/db.ts';

export interface DocumentRow {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
  importedAt: number;
  status: DocStatus;
  /** Spans of this analyst per label key. */
  counts: Record<string, number>;
  spanTotal: number;
}

interface DocMeta {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
  importedAt: number;
}

/** All documents as list rows for `annotatorId`; undefined while loading. */
export function useDocumentRows(annotatorId: string): DocumentRow[] | undefined {
  const docs = useLiveQuery((): Promise<DocMeta[]> => readDocMeta(), []);
  const statuses = useLiveQuery(
    () => db.statuses.where('annotatorId').equals(annotatorId).toArray(),
    [annotatorId],
  );
  const spans = useLiveQuery(() => countSpans(annotatorId), [annotatorId]);
  return useMemo(() => {
    if (!docs || !statuses || !spans) return undefined;
    const statusOf = new Map(statuses.map((s) => [s.docId, s.status]));
    return docs.map((d) => {
      const counts = spans.get(d.id) ?? {};
      const spanTotal = Object.values(counts).reduce((a, b) => a + b, 0);
      // No status yet but spans made: the analyst has started.
      const status = statusOf.get(d.id) ?? (spanTotal > 0 ? 'in-progress' : 'not-started');
      return { ...d, status, counts, spanTotal };
    });
  }, [docs, statuses, spans]);
}

/** Index key → primary key pairs of one documents index, in one scan each. */
async function indexed<K>(
  index: 'title' | 'outlet' | 'date' | 'importedAt',
): Promise<Map<string, K>> {
  const coll = db.documents.orderBy(index);
  const [keys, ids] = await Promise.all([coll.keys(), coll.primaryKeys()]);
  return new Map(ids.map((id, i) => [id, keys[i] as K]));
}

/**
 * The list fields of every document, from the documents indexes. A null
 * outlet or date is not a valid IndexedDB key, so it is simply absent.
 */
async function readDocMeta(): Promise<DocMeta[]> {
  return db.transaction('r', db.documents, async () => {
    const [imported, titles, outlets, dates] = await Promise.all([
      indexed<number>('importedAt'),
      indexed<string>('title'),
      indexed<string>('outlet'),
      indexed<string>('date'),
    ]);
    return [...imported].map(([id, importedAt]) => ({
      id,
      importedAt,
      title: titles.get(id) ?? '',
      outlet: outlets.get(id) ?? null,
      date: dates.get(id) ?? null,
    }));
  });
}

/** Spans of `annotatorId` per document and label, from the index keys alone. */
async function countSpans(annotatorId: string): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  const keys = await db.spans
    .where('[annotatorId+docId+label]')
    .between([annotatorId, Dexie.minKey, Dexie.minKey], [annotatorId, Dexie.maxKey, Dexie.maxKey])
    .keys();
  for (const key of keys) {
    const [, docId, label] = key as unknown as [string, string, string];
    const c = counts.get(docId) ?? {};
    c[label] = (c[label] ?? 0) + 1;
    counts.set(docId, c);
  }
  return counts;
}
