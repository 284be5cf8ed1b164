/**
 * What a proposal's row shows: the stored state (gold has the span, the
 * adjudicator rejected it, or it is pending) unless a decision the
 * adjudicator just made is still being written. An accept or reject paints
 * its row at once, before its IndexedDB transaction commits; the unsaved
 * decision gives way to the stored state once the review's live query
 * delivers it (or, after the write resolved, as soon as any newer read
 * arrives, so a colleague's change synced meanwhile is never hidden), and
 * is dropped when the write fails (the row rolls back). Plain data, no
 * React: the hook is useDecisions.ts.
 */

/** The state of one proposal in the review. */
export type RowState = 'in-gold' | 'rejected' | 'pending';

/** A decision shown before it is stored. */
export interface Unsaved {
  state: RowState;
  /** Tells a later decision on the same proposal from this one. */
  id: number;
  /** Set once the write resolved: the review data current at that moment. */
  savedWith?: object;
}

/** The stored state of proposal `key`: gold wins over a stale rejection, as in db/gold.ts. */
export function storedState(
  key: string,
  goldKeys: ReadonlySet<string>,
  rejected: ReadonlySet<string>,
): RowState {
  return goldKeys.has(key) ? 'in-gold' : rejected.has(key) ? 'rejected' : 'pending';
}

/**
 * Whether `u` still overrides the stored state `stored` of data `data`:
 * not when the data already says the same, and not when its write resolved
 * and the data has been read again since.
 */
export function stillUnsaved(u: Unsaved | undefined, stored: RowState, data: object): boolean {
  if (!u || u.state === stored) return false;
  return u.savedWith === undefined || u.savedWith === data;
}
