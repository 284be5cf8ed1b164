/** This analyst's spans of one document, and the holders named so far, live from IndexedDB. */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useMemo } from 'react';
import type { SpanRecord } from '@core/model.ts';
import { compareReadingOrder } from '@core/spans.ts';
import { db } from '../db/db.ts';
import { knownHolders, spansOf } from '../db/spans.ts';

const NO_SPANS: SpanRecord[] = [];

/** The spans `annotatorId` made in `docId`, in reading order; [] while loading. */
export function useSpans(docId: string | null, annotatorId: string): SpanRecord[] {
  const stored = useLiveQuery(
    async () => (docId ? spansOf(db, docId, annotatorId) : NO_SPANS),
    [docId, annotatorId],
  );
  return useMemo(() => (stored ? [...stored].sort(compareReadingOrder) : NO_SPANS), [stored]);
}

/** Every distinct holder named in earlier spans, for suggestions; [] while loading. */
export function useKnownHolders(): string[] {
  return useLiveQuery(() => knownHolders(db), [], []);
}
