/**
 * Team progress: for each analyst, how many of their documents are done,
 * in progress or not started. An analyst's documents are those assigned to
 * them; with no assignment at all, every document of the project.
 */
import type { DocStatus } from '../model.ts';

/** One analyst's counts. */
export interface AnalystProgress {
  id: string;
  name: string;
  /** Whether the documents counted are assignments (else: all documents). */
  assigned: boolean;
  done: number;
  inProgress: number;
  notStarted: number;
}

/** Counts each analyst's documents by status; analysts in the order given. */
export function teamProgress(
  analysts: readonly { id: string; name: string }[],
  docIds: readonly string[],
  assignments: readonly { docId: string; annotatorIds: readonly string[] }[],
  statuses: readonly { docId: string; annotatorId: string; status: DocStatus }[],
): AnalystProgress[] {
  const known = new Set(docIds);
  const mine = new Map<string, string[]>();
  for (const a of assignments)
    if (known.has(a.docId))
      for (const id of a.annotatorIds) mine.set(id, [...(mine.get(id) ?? []), a.docId]);
  const status = new Map(statuses.map((s) => [`${s.annotatorId}\u0000${s.docId}`, s.status]));
  return analysts.map((a) => {
    const docs = mine.get(a.id);
    const counted = docs ?? docIds;
    const out: AnalystProgress = {
      id: a.id,
      name: a.name,
      assigned: docs !== undefined,
      done: 0,
      inProgress: 0,
      notStarted: 0,
    };
    for (const d of counted) {
      const s = status.get(`${a.id}\u0000${d}`) ?? 'not-started';
      if (s === 'done') out.done++;
      else if (s === 'in-progress') out.inProgress++;
      else out.notStarted++;
    }
    return out;
  });
}
