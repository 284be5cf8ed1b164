/**
 * Live review data from IndexedDB: annotators, documents, and for every
 * document the spans of each annotator who annotated it ("annotated" = a
 * status record or at least one span; docs/agreement.md).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AgreementDoc } from '@core/agreement/types.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord, type SpanRecord } from '@core/model.ts';
import { unpackTokens } from '@core/token-pack.ts';
import { tokenize, type Token } from '@core/tokenize.ts';
import { db } from '../db/db.ts';
import { applyBlind, blindRule } from '../team/blind.ts';

/** A document as review needs it. */
export interface ReviewDoc {
  id: string;
  title: string;
  text: string;
  /** Folded title and text, for search (see arabic-search). */
  folded: string;
}

export interface ReviewData {
  /** Self first, then colleagues by name, gold last. */
  annotators: AnnotatorRecord[];
  docs: Map<string, ReviewDoc>;
  /** docId → annotatorId → spans (empty when annotated without spans). */
  annotations: Map<string, Map<string, SpanRecord[]>>;
  /** Documents whose colleagues' labels blind mode hides (team/blind.ts). */
  blindHidden: Set<string>;
}

const KIND_ORDER = { self: 0, colleague: 1, gold: 2 } as const;

// A document's id is the hash of its text, so its tokens never change.
const tokenCache = new Map<string, Token[]>();

async function load(): Promise<ReviewData> {
  const [annotators, docs, spans, statuses, blind] = await Promise.all([
    db.annotators.toArray(),
    db.documents.toArray(),
    db.spans.toArray(),
    db.statuses.toArray(),
    blindRule(db),
  ]);
  // Stored tokens are read once per document and session: this query runs
  // again on every span change, and a document's tokens never change.
  const uncached = docs.filter((d) => !tokenCache.has(d.id));
  if (uncached.length > 0) {
    const packed = await db.docTokens.bulkGet(uncached.map((d) => d.id));
    uncached.forEach((d, i) => {
      const stored = packed[i];
      const tokens = stored && unpackTokens(d.text, stored);
      if (tokens) tokenCache.set(d.id, tokens);
    });
  }
  annotators.sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name),
  );
  const annotations = new Map<string, Map<string, SpanRecord[]>>();
  const slot = (docId: string, annotatorId: string): SpanRecord[] => {
    let byAnn = annotations.get(docId);
    if (!byAnn) annotations.set(docId, (byAnn = new Map()));
    let list = byAnn.get(annotatorId);
    if (!list) byAnn.set(annotatorId, (list = []));
    return list;
  };
  for (const st of statuses) slot(st.docId, st.annotatorId);
  for (const s of spans) slot(s.docId, s.annotatorId).push(s);
  for (const byAnn of annotations.values())
    for (const list of byAnn.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  const blindHidden = applyBlind(annotations, blind);
  return {
    annotators,
    docs: new Map(
      docs.map((d) => [d.id, { id: d.id, title: d.title, text: d.text, folded: d.folded }]),
    ),
    annotations,
    blindHidden,
  };
}

/** The review data, live; undefined while loading. */
export function useReviewData(): ReviewData | undefined {
  return useLiveQuery(load, [], undefined);
}

/**
 * The workbench tokens of a document: its stored tokens (put here by
 * `load`), else tokenized; once per session.
 */
export function tokensOf(doc: ReviewDoc): Token[] {
  let t = tokenCache.get(doc.id);
  if (!t) tokenCache.set(doc.id, (t = tokenize(doc.text)));
  return t;
}

/** Agreement documents for the chosen annotators (documents none of them annotated are left out). */
export function agreementDocs(data: ReviewData, annotators: readonly string[]): AgreementDoc[] {
  const out: AgreementDoc[] = [];
  for (const [docId, byAnn] of data.annotations) {
    const doc = data.docs.get(docId);
    if (!doc) continue;
    const chosen = new Map([...byAnn].filter(([a]) => annotators.includes(a)));
    if (chosen.size === 0) continue;
    out.push({ id: docId, tokens: tokensOf(doc), annotations: chosen });
  }
  return out;
}

/** A display name for an annotator id. */
export function annotatorName(data: ReviewData, id: string): string {
  if (id === GOLD_ANNOTATOR_ID) return 'Gold';
  return data.annotators.find((a) => a.id === id)?.name ?? id;
}
