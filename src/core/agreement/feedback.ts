/**
 * Feedback for one analyst against gold on a document: where the
 * adjudicated spans differ from theirs, and how. Every gold span is
 * matched exactly, or found with another label on the same extent
 * (`label`), or overlapped by their span of the same label with another
 * extent (`extent`), or not found (`missed`); their spans explained by none
 * of these are `extra`. Counts per label (gold's label; an extra span's
 * own) show which guideline to reread.
 */
import { dedupeSpans } from './compute.ts';
import { overlaps, spanKey, type AgreementSpan } from './types.ts';

export type FeedbackKind = 'missed' | 'extra' | 'label' | 'extent';

export interface FeedbackItem {
  kind: FeedbackKind;
  /** The gold span (absent for `extra`). */
  gold: AgreementSpan | null;
  /** The analyst's span (absent for `missed`). */
  own: AgreementSpan | null;
}

export interface DocFeedback {
  /** Gold spans the analyst has exactly, per label. */
  matched: Record<string, number>;
  items: FeedbackItem[];
}

/** How `own` (the analyst's spans) differ from `gold` on one document, in text order. */
export function feedbackAgainstGold(
  own: readonly AgreementSpan[],
  gold: readonly AgreementSpan[],
): DocFeedback {
  const mine = dedupeSpans(own);
  const golds = dedupeSpans(gold);
  const mineKeys = new Set(mine.map(spanKey));
  const explained = new Set<string>();
  const items: FeedbackItem[] = [];
  const matched: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const g of golds) {
    if (mineKeys.has(spanKey(g))) {
      matched[g.label] = (matched[g.label] ?? 0) + 1;
      explained.add(spanKey(g));
      continue;
    }
    const relabel = mine.find((m) => m.start === g.start && m.end === g.end);
    const stretched = mine.find((m) => m.label === g.label && overlaps(m, g));
    if (relabel) {
      items.push({ kind: 'label', gold: g, own: relabel });
      explained.add(spanKey(relabel));
    } else if (stretched) {
      items.push({ kind: 'extent', gold: g, own: stretched });
      explained.add(spanKey(stretched));
    } else items.push({ kind: 'missed', gold: g, own: null });
  }
  for (const m of mine) {
    if (explained.has(spanKey(m))) continue;
    // Another span of the same label overlapping a gold span of that label
    // is part of an extent difference already listed, not something extra.
    if (golds.some((g) => g.label === m.label && overlaps(g, m))) continue;
    items.push({ kind: 'extra', gold: null, own: m });
  }
  const at = (i: FeedbackItem): AgreementSpan => (i.gold ?? i.own)!;
  items.sort((a, b) => at(a).start - at(b).start || at(a).end - at(b).end);
  return { matched, items };
}

/** Counts of each kind per label (gold's label, or the extra span's own). */
export function feedbackCounts(
  docs: readonly DocFeedback[],
): Record<string, Record<FeedbackKind | 'matched', number>> {
  const out: Record<string, Record<FeedbackKind | 'matched', number>> = Object.create(
    null,
  ) as Record<string, Record<FeedbackKind | 'matched', number>>;
  const row = (label: string): Record<FeedbackKind | 'matched', number> =>
    (out[label] ??= { matched: 0, missed: 0, extra: 0, label: 0, extent: 0 });
  for (const d of docs) {
    for (const [label, n] of Object.entries(d.matched)) row(label).matched += n;
    for (const i of d.items) row((i.gold ?? i.own)!.label)[i.kind]++;
  }
  return out;
}
