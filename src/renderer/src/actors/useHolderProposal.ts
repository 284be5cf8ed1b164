/**
 * The holder and attribution proposed for a span, from the text of its
 * document and the project's actors (core proposeFromScan). The text is
 * scanned once per document and actor list, then each span is proposed
 * from the scan.
 */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useMemo } from 'react';
import { proposeFromScan, type SpanProposal } from '@core/actors/propose.ts';
import { scanText } from '@core/actors/text-scan.ts';
import type { ActorRecord } from '@core/model.ts';
import { db } from '../db/db.ts';

/** The proposal for [start, end) of document `docId`; null while loading. */
export function useHolderProposal(
  docId: string,
  start: number,
  end: number,
  actors: readonly ActorRecord[],
): SpanProposal | null {
  const text = useLiveQuery(async () => (await db.documents.get(docId))?.text ?? null, [docId]);
  const scan = useMemo(() => (text ? scanText(text, actors) : null), [text, actors]);
  return useMemo(() => (scan ? proposeFromScan(scan, { start, end }) : null), [scan, start, end]);
}
