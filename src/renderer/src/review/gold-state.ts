/**
 * A document's adjudication state, for the documents table, its filter and
 * the corpus progress bar: not started (gold has nothing there), proposals
 * pending (gold has begun, or there are proposals, and it is not marked
 * adjudicated), adjudicated (marked so in its review).
 */
import { candidates } from '@core/agreement/adjudicate.ts';
import { spanKey, type AgreementSpan } from '@core/agreement/types.ts';
import { GOLD_ANNOTATOR_ID, type StatusRecord } from '@core/model.ts';
import type { MessageId } from '../i18n/catalogs.ts';

export type GoldState = 'not-started' | 'pending' | 'adjudicated';

/** The message naming each adjudication state. */
export const GOLD_STATE_TEXT: Record<GoldState, MessageId> = {
  'not-started': 'gold.not-started',
  pending: 'gold.pending',
  adjudicated: 'gold.adjudicated',
};

export interface DocGold {
  state: GoldState;
  /** Distinct proposed spans neither in gold nor rejected. */
  pending: number;
  /** Distinct proposed spans. */
  proposals: number;
}

/** The gold state of a document from everyone's spans on it, gold's status and its rejections. */
export function goldStateOf(
  annotations: ReadonlyMap<string, readonly AgreementSpan[]>,
  status: StatusRecord | undefined,
  rejected: readonly string[] = [],
): DocGold {
  const cands = candidates(annotations, [GOLD_ANNOTATOR_ID]);
  const inGold = new Set((annotations.get(GOLD_ANNOTATOR_ID) ?? []).map(spanKey));
  const rej = new Set(rejected);
  const pending = cands.filter((c) => !inGold.has(c.key) && !rej.has(c.key)).length;
  const state: GoldState =
    status?.status === 'done'
      ? 'adjudicated'
      : status || inGold.size > 0 || rej.size > 0
        ? 'pending'
        : 'not-started';
  return { state, pending, proposals: cands.length };
}
