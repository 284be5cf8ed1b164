/**
 * What stands behind a number of the dashboard: for a label's alpha, every
 * span of that label on the documents at least two annotators annotated
 * (the ones alpha counts); for a pair's kappa or F1, the two annotators' spans on
 * the documents both annotated, each marked matched exactly, overlapping, or
 * unmatched by the other. Pure, so the dashboard only renders it.
 */
import type { DisagreementKind } from '@core/agreement/disagreements.ts';
import { overlaps, spanKey, type AgreementDoc, type AgreementSpan } from '@core/agreement/types.ts';

/** Which number was opened. `label` null means every label (the macro figure). */
export type EvidenceQuery =
  | { kind: 'label'; label: string | null }
  | { kind: 'pair'; a: string; b: string; label: string | null }
  | { kind: 'doc'; docId: string; only?: DisagreementKind };

export type Match = 'exact' | 'overlap' | 'none';

export interface EvidenceSpan extends AgreementSpan {
  annotatorId: string;
  /** For pairs: how the other annotator matches it; for labels: who has it exactly. */
  match: Match;
  agreedBy: string[];
  /** The span's stored quote, when the document's spans carry one. */
  quote: string;
}

export interface EvidenceDoc {
  docId: string;
  spans: EvidenceSpan[];
}

/** The spans behind a label or pair figure, grouped by document, in text order. */
export function spanEvidence(
  docs: readonly AgreementDoc[],
  annotators: readonly string[],
  q: Exclude<EvidenceQuery, { kind: 'doc' }>,
): EvidenceDoc[] {
  const out: EvidenceDoc[] = [];
  const who = q.kind === 'pair' ? [q.a, q.b] : annotators;
  for (const d of docs) {
    const present = who.filter((a) => d.annotations.has(a));
    // Alpha and the pair figures count only documents at least two of the
    // chosen annotators annotated (computeAgreement): one alone is no evidence.
    if (present.length < 2) continue;
    const of = (a: string): readonly AgreementSpan[] =>
      (d.annotations.get(a) ?? []).filter((s) => q.label === null || s.label === q.label);
    const spans: EvidenceSpan[] = [];
    for (const a of present) {
      const seen = new Set<string>();
      for (const s of of(a)) {
        const key = spanKey(s);
        if (seen.has(key)) continue;
        seen.add(key);
        const agreedBy = present.filter((o) => of(o).some((x) => spanKey(x) === key));
        const others = present.filter((o) => o !== a).flatMap(of);
        const match: Match = others.some((x) => spanKey(x) === key)
          ? 'exact'
          : others.some((x) => x.label === s.label && overlaps(x, s))
            ? 'overlap'
            : 'none';
        const quote = (s as { quote?: unknown }).quote;
        spans.push({
          start: s.start,
          end: s.end,
          label: s.label,
          annotatorId: a,
          match,
          agreedBy,
          quote: typeof quote === 'string' ? quote : '',
        });
      }
    }
    if (spans.length === 0) continue;
    spans.sort(
      (x, y) =>
        x.start - y.start ||
        x.end - y.end ||
        present.indexOf(x.annotatorId) - present.indexOf(y.annotatorId),
    );
    out.push({ docId: d.id, spans });
  }
  return out;
}
