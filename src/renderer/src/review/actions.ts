/**
 * Review's writes on the app's database, so review components never touch
 * the database instance (they read through hooks and write through here).
 */
import type { Candidate } from '@core/agreement/adjudicate.ts';
import type { AgreementSpan } from '@core/agreement/types.ts';
import type { DocStatus } from '@core/model.ts';
import { db } from '../db/db.ts';
import * as gold from '../db/gold.ts';

/** The failure key (failures.ts) of accepting, rejecting and undoing a rejection. */
export const ADJUDICATE_FAILURE = 'review:adjudicate';
/** The failure key (failures.ts) of editing and removing gold spans. */
export const GOLD_EDIT_FAILURE = 'review:gold';

/** Accepts a proposed span into gold. */
export const acceptIntoGold = (docId: string, span: AgreementSpan): Promise<unknown> =>
  gold.acceptIntoGold(db, docId, span);
/** Rejects a proposed span (remembered per document). */
export const rejectProposal = (docId: string, span: AgreementSpan): Promise<void> =>
  gold.rejectProposal(db, docId, span);
/** Takes back a rejection. */
export const unreject = (docId: string, span: AgreementSpan): Promise<void> =>
  gold.unreject(db, docId, span);
/** Removes a gold span. */
export const removeGoldSpan = (spanId: string): Promise<void> => gold.removeGoldSpan(db, spanId);
/** Edits a gold span's extent or label. */
export const editGoldSpan = (spanId: string, change: Partial<AgreementSpan>): Promise<unknown> =>
  gold.editGoldSpan(db, spanId, change);
/** Accepts, on each document, what at least `n` of `annotators` agree on exactly. */
export const acceptAllAgreed = (
  docIds: readonly string[],
  n: number,
  annotators: readonly string[],
): Promise<number> => gold.acceptAllAgreed(db, docIds, n, annotators);
/** Marks gold on a document adjudicated (`done`) or reopens it. */
export const setGoldStatus = (docId: string, status: DocStatus): Promise<void> =>
  gold.setGoldStatus(db, docId, status);

export type { Candidate };
