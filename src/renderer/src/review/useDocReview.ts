/**
 * The live data of one document's review, and nothing else: the document,
 * every annotator's spans on it, its statuses, gold's rejections and its
 * workbench tokens. Each accept or reject re-reads only this document.
 */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import {
  GOLD_ANNOTATOR_ID,
  type AnnotatorRecord,
  type SpanRecord,
  type StatusRecord,
} from '@core/model.ts';
import type { Token } from '@core/tokenize.ts';
import { db } from '../db/db.ts';
import { getRejected } from '../db/gold.ts';
import { tokensFor } from '../db/tokens.ts';
import { applyBlind, blindRule } from '../team/blind.ts';
import { sortAnnotators } from './annotators.ts';

export interface DocReviewData {
  doc: { id: string; title: string; text: string };
  tokens: Token[];
  /** Self first, then colleagues by name, gold last. */
  annotators: AnnotatorRecord[];
  /** annotatorId → spans in text order, for everyone who annotated the document. */
  byAnn: Map<string, SpanRecord[]>;
  rejected: string[];
  goldStatus: StatusRecord | undefined;
  /** Whether blind mode hides colleagues' labels here (team/blind.ts). */
  blindHidden: boolean;
}

async function load(docId: string): Promise<DocReviewData | null> {
  const [doc, spans, statuses, annotators, rejected, tokens, blind] = await Promise.all([
    db.documents.get(docId),
    db.spans.where('docId').equals(docId).toArray(),
    db.statuses.where('docId').equals(docId).toArray(),
    db.annotators.toArray(),
    getRejected(db, docId),
    tokensFor(docId),
    blindRule(db),
  ]);
  if (!doc) return null;
  const byAnn = new Map<string, SpanRecord[]>();
  for (const st of statuses) byAnn.set(st.annotatorId, []);
  for (const s of spans) {
    let list = byAnn.get(s.annotatorId);
    if (!list) byAnn.set(s.annotatorId, (list = []));
    list.push(s);
  }
  for (const list of byAnn.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  const blindHidden = applyBlind(new Map([[docId, byAnn]]), blind).has(docId);
  return {
    doc: { id: doc.id, title: doc.title, text: doc.text },
    tokens,
    annotators: sortAnnotators(annotators),
    byAnn,
    rejected,
    goldStatus: blindHidden ? undefined : statuses.find((s) => s.annotatorId === GOLD_ANNOTATOR_ID),
    blindHidden,
  };
}

/** One document's review data, live; undefined while loading, null when there is no such document. */
export function useDocReview(docId: string): DocReviewData | null | undefined {
  return useLiveQuery(() => load(docId), [docId]);
}
