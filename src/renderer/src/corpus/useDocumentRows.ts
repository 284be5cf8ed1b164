/**
 * The rows of the document list, live from IndexedDB: each document's
 * title, outlet and date with this analyst's status and span counts per
 * label. Documents, statuses and span counts are three live queries, so
 * marking a span re-reads counts only, not every document. Both come from
 * small derived rows (docMeta, spanCounts: see db/derived.ts), never from
 * the articles themselves, which keeps a profile of 10,000 long articles
 * quick to open.
 */
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLayoutEffect, useMemo } from 'react';
import type { DocStatus } from '@core/model.ts';
import { db } from '../db/db.ts';
import type { DocMetaRecord } from '../db/derived.ts';
import { firstScreenShown } from '../first-screen.ts';

export interface DocumentRow {
  id: string;
  /** '' when the document has no title. */
  title: string;
  /** An untitled document's opening words, shown beside "No title". */
  lead?: string;
  outlet: string | null;
  date: string | null;
  importedAt: number;
  status: DocStatus;
  /** Spans of this analyst per label key. */
  counts: Record<string, number>;
  spanTotal: number;
}

type DocMeta = DocMetaRecord;

const LIST_DATA_MARK = 'stance:list-data';

/** All documents as list rows for `annotatorId`; undefined while loading. */
export function useDocumentRows(annotatorId: string): DocumentRow[] | undefined {
  const docs = useLiveQuery((): Promise<DocMeta[]> => readDocMeta(), []);
  const statuses = useLiveQuery(
    () => db.statuses.where('annotatorId').equals(annotatorId).toArray(),
    [annotatorId],
  );
  const spans = useLiveQuery(() => countSpans(annotatorId), [annotatorId]);
  const rows = useMemo(() => {
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
  // For the start benchmark: when the list first has its data (before the
  // browser paints the rows; a memo must stay free of side effects).
  const ready = rows !== undefined;
  useLayoutEffect(() => {
    if (!ready) return;
    if (performance.getEntriesByName(LIST_DATA_MARK).length === 0) performance.mark(LIST_DATA_MARK);
    firstScreenShown();
  }, [ready]);
  return rows;
}

/** Every document's list fields, in import order, from the small docMeta rows. */
function readDocMeta(): Promise<DocMeta[]> {
  return db.docMeta.orderBy('importedAt').toArray();
}

/** Spans of `annotatorId` per document and label, from the spanCounts rows. */
async function countSpans(annotatorId: string): Promise<Map<string, Record<string, number>>> {
  const rows = await db.spanCounts
    .where(':id')
    .between([annotatorId, Dexie.minKey], [annotatorId, Dexie.maxKey])
    .toArray();
  return new Map(rows.map((r) => [r.docId, r.counts]));
}
