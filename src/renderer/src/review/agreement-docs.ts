/**
 * Builds the agreement documents of the dashboard from stored rows (spans,
 * statuses and the tokens datasets brought), deciding each document's
 * tokens by core's one rule (core/agreement/token-basis.ts). Pure: the
 * hook (useAgreementData.ts) reads the rows and the tokens it asks for.
 */
import { decideTokens, WORKBENCH_TOKENS } from '@core/agreement/token-basis.ts';
import type { AgreementDoc, AgreementSpan } from '@core/agreement/types.ts';
import type { SpanRecord, StatusRecord } from '@core/model.ts';
import type { LineTokensRecord } from '../db/dataset-tokens.ts';

/** A span as the dashboard keeps it: extent, label and its quote (no article text is read). */
export interface DashSpan extends AgreementSpan {
  quote: string;
}

/** docId → annotatorId → spans (empty when annotated without spans). */
export type Annotations = Map<string, Map<string, DashSpan[]>>;

/** Groups spans and statuses by document and annotator ("annotated" = a status or a span). */
export function groupAnnotations(
  spans: Iterable<Pick<SpanRecord, 'docId' | 'annotatorId' | 'start' | 'end' | 'label' | 'quote'>>,
  statuses: readonly StatusRecord[],
): Annotations {
  const out: Annotations = new Map();
  const slot = (docId: string, annotatorId: string): DashSpan[] => {
    let byAnn = out.get(docId);
    if (!byAnn) out.set(docId, (byAnn = new Map()));
    let list = byAnn.get(annotatorId);
    if (!list) byAnn.set(annotatorId, (list = []));
    return list;
  };
  for (const st of statuses) slot(st.docId, st.annotatorId);
  for (const s of spans)
    slot(s.docId, s.annotatorId).push({
      start: s.start,
      end: s.end,
      label: s.label,
      quote: s.quote,
    });
  for (const byAnn of out.values())
    for (const list of byAnn.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/** Which tokens a document needs: the workbench's, or a dataset token set. */
export type TokenNeed = { docId: string; digest: string | null };

/** The documents some chosen annotator annotated, with the chosen annotators' spans only. */
export function chosenDocs(
  annotations: Annotations,
  chosen: readonly string[],
  lineTokens: ReadonlyMap<string, string | null>,
): {
  doc: Omit<AgreementDoc, 'tokens'> & { annotations: Map<string, DashSpan[]> };
  need: TokenNeed | null;
}[] {
  const out: ReturnType<typeof chosenDocs> = [];
  for (const [docId, byAnn] of annotations) {
    const picked = new Map([...byAnn].filter(([a]) => chosen.includes(a)));
    if (picked.size === 0) continue;
    if (picked.size < 2) {
      out.push({ doc: { id: docId, annotations: picked }, need: null });
      continue;
    }
    const decision = decideTokens(
      [...picked.keys()].map((a) => {
        const d = lineTokens.get(`${docId}\u0000${a}`);
        return [a, d === undefined ? WORKBENCH_TOKENS : d] as const;
      }),
    );
    out.push({
      doc: { id: docId, annotations: picked, basis: decision.basis },
      need: { docId, digest: decision.basis === 'dataset' ? decision.digest : null },
    });
  }
  return out;
}

/** lineTokens rows as a lookup by document and annotator. */
export function lineTokenIndex(rows: readonly LineTokensRecord[]): Map<string, string | null> {
  return new Map(rows.map((r) => [`${r.docId}\u0000${r.annotatorId}`, r.digest]));
}
