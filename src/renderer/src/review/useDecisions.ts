/**
 * Accept, reject and undo-reject in one document's review, painted at once:
 * the row changes in the frame after the click, and the IndexedDB
 * transaction (a strict commit, db/gold.ts) starts once that frame is
 * painted. The
 * live query then delivers the stored state and the unsaved decision gives
 * way to it (decisions.ts). A write that fails rolls its row back and is
 * reported through the one failure channel (failures.ts), naming the
 * decision and the reason.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Candidate } from '@core/agreement/adjudicate.ts';
import { spanKey } from '@core/agreement/types.ts';
import { GOLD_ANNOTATOR_ID } from '@core/model.ts';
import { clearFailures, phrase, reportFailure, type Phrase } from '../failures.ts';
import { acceptIntoGold, ADJUDICATE_FAILURE, rejectProposal, unreject } from './actions.ts';
import { stillUnsaved, storedState, type RowState, type Unsaved } from './decisions.ts';
import type { DocReviewData } from './useDocReview.ts';

/** The review's adjudication state, with the decisions not yet stored. */
export interface Decisions {
  /** What the row of proposal `key` shows. */
  stateOf(key: string): RowState;
  /** Whether the row of `key` shows a decision still being written. */
  unsaved(key: string): boolean;
  /** Decides proposal `c` (its quote for messages): into gold, rejected, or pending again. */
  decide(c: Candidate, to: RowState, quote: string): void;
}

const WRITES: Record<RowState, (docId: string, c: Candidate) => Promise<unknown>> = {
  'in-gold': acceptIntoGold,
  rejected: rejectProposal,
  pending: unreject,
};

/** What a failed decision was, said as an action (failures.ts). */
function what(to: RowState, c: Candidate, quote: string): Phrase {
  const values = { quote, label: c.label };
  if (to === 'in-gold') return phrase('failureTask.acceptGold', values);
  if (to === 'rejected') return phrase('failureTask.reject', values);
  return phrase('failureTask.unreject', values);
}

const NONE: ReadonlyMap<string, Unsaved> = new Map();
let nextId = 1;

/** The longest a decision's write waits for the frame that shows it (a hidden window paints none). */
const PAINT_WAIT_MS = 100;

/** The browser's task scheduler, where it has one (Chromium: scheduler.postTask). */
const scheduler = (
  globalThis as {
    scheduler?: { postTask(task: () => void, options: { priority: 'background' }): unknown };
  }
).scheduler;

/**
 * Calls `write` once the frame after the click is painted, as background
 * work (after the tasks already waiting), or after PAINT_WAIT_MS at the
 * latest: the write's own work on this thread (the transaction, the
 * middlewares keeping span counts, facts and the generation) then no longer
 * delays the frame that shows the decision, nor what follows it.
 */
function afterPaint(write: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    clearTimeout(latest);
    write();
  };
  const latest = setTimeout(once, PAINT_WAIT_MS);
  requestAnimationFrame(() => {
    if (scheduler) void scheduler.postTask(once, { priority: 'background' });
    else setTimeout(once, 0);
  });
}

/** The adjudication state of `docId`'s review from its live `data`, and the way to change it. */
export function useDecisions(docId: string, data: DocReviewData | null | undefined): Decisions {
  const [unsavedOf, setUnsaved] = useState<{ docId: string; map: ReadonlyMap<string, Unsaved> }>({
    docId,
    map: NONE,
  });
  // The data as last rendered, for a write that resolves later.
  const current = useRef<object | null | undefined>(data);
  useLayoutEffect(() => {
    current.current = data;
  }, [data]);

  const goldKeys = useMemo(
    () => new Set((data?.byAnn.get(GOLD_ANNOTATOR_ID) ?? []).map(spanKey)),
    [data],
  );
  const rejected = useMemo(() => new Set(data?.rejected ?? []), [data]);
  const map = unsavedOf.docId === docId ? unsavedOf.map : NONE;

  const stateOf = useCallback(
    (key: string): RowState => {
      const stored = storedState(key, goldKeys, rejected);
      const u = map.get(key);
      return data && stillUnsaved(u, stored, data) ? u!.state : stored;
    },
    [goldKeys, rejected, map, data],
  );
  const unsaved = useCallback(
    (key: string): boolean =>
      !!data && stillUnsaved(map.get(key), storedState(key, goldKeys, rejected), data),
    [goldKeys, rejected, map, data],
  );

  const decide = useCallback(
    (c: Candidate, to: RowState, quote: string): void => {
      const id = nextId++;
      // A write that resolves after the review moved to another document
      // leaves that document's rows alone.
      const update = (f: (m: Map<string, Unsaved>) => void, fresh = false): void =>
        setUnsaved((prev) => {
          if (prev.docId !== docId && !fresh) return prev;
          const m = new Map(prev.docId === docId ? prev.map : NONE);
          f(m);
          return { docId, map: m };
        });
      update((m) => m.set(c.key, { state: to, id }), true);
      const write = (): Promise<void> =>
        WRITES[to](docId, c).then(
          () => {
            clearFailures(ADJUDICATE_FAILURE);
            const seen = current.current ?? {};
            update((m) => {
              const u = m.get(c.key);
              if (u?.id === id) m.set(c.key, { ...u, savedWith: seen });
            });
          },
          (err: unknown) => {
            update((m) => {
              if (m.get(c.key)?.id === id) m.delete(c.key);
            });
            reportFailure(
              { key: ADJUDICATE_FAILURE, what: what(to, c, quote), where: phrase('mode.review') },
              err,
            );
          },
        );
      // The row shows the decision in the next frame; the write starts after it.
      afterPaint(() => void write());
    },
    [docId],
  );

  return useMemo(() => ({ stateOf, unsaved, decide }), [stateOf, unsaved, decide]);
}
