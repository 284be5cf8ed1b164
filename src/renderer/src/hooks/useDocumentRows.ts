/**
 * The rows of the document list, live from IndexedDB: each document's
 * title, outlet and date with this analyst's status and span counts per
 * label. Documents, statuses and spans are three live queries, so marking
 * a span re-reads spans only, not every document.
 */
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
  const docs = useLiveQuery(async (): Promise<DocMeta[]> => {
    const out: DocMeta[] = [];
    // Iterate rather than toArray: only the small fields are kept.
    await db.documents.each((d) =>
      out.push({
        id: d.id,
        title: d.title,
        outlet: d.outlet,
        date: d.date,
        importedAt: d.importedAt,
      }),
    );
    return out;
  }, []);
  const statuses = useLiveQuery(
    () => db.statuses.where('annotatorId').equals(annotatorId).toArray(),
    [annotatorId],
  );
  const spans = useLiveQuery(async () => {
    const counts = new Map<string, Record<string, number>>();
    await db.spans
      .where('annotatorId')
      .equals(annotatorId)
      .each((s) => {
        const c = counts.get(s.docId) ?? {};
        c[s.label] = (c[s.label] ?? 0) + 1;
        counts.set(s.docId, c);
      });
    return counts;
  }, [annotatorId]);
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
