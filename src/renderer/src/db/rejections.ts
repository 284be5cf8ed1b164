/**
 * Rejected suggestions, kept so a suggestion the analyst rejected stays
 * hidden after a reload (schema version 12). A rejection is the analyst's
 * own working state: one row per analyst, document and suggestion anchor
 * (start and end in code points, and the label); never sent to a team
 * project (docs/suggestions.md says why). Rejecting also counts the
 * rejection in the per-label tallies, in the same transaction and only
 * once per suggestion, so the counts stay right however often it is
 * rejected (two windows, a reload in between).
 */
import type { WorkbenchDb } from './schema.ts';
import { getSetting, setSetting } from './settings.ts';

/** One rejected suggestion. */
export interface RejectionRecord {
  annotatorId: string;
  docId: string;
  /** Code points, `end` exclusive. */
  start: number;
  end: number;
  label: string;
  /** When it was rejected (ms since the epoch). */
  at: number;
}

/** What identifies a suggestion: where, and which label. */
export interface SuggestionAnchor {
  docId: string;
  start: number;
  end: number;
  label: string;
}

/**
 * Records that `annotatorId` rejected `s` and counts it in the label's
 * tally; resolves false (and counts nothing) when it was rejected before.
 */
export async function rejectSuggestion(
  db: WorkbenchDb,
  annotatorId: string,
  s: SuggestionAnchor,
): Promise<boolean> {
  return db.transaction('rw', db.rejections, db.settings, async () => {
    const key: [string, string, number, number, string] = [
      annotatorId,
      s.docId,
      s.start,
      s.end,
      s.label,
    ];
    if (await db.rejections.get(key)) return false;
    await db.rejections.add({
      annotatorId,
      docId: s.docId,
      start: s.start,
      end: s.end,
      label: s.label,
      at: Date.now(),
    });
    const all = { ...((await getSetting(db, 'suggestTallies')) ?? {}) };
    const t = all[s.label] ?? { accepted: 0, rejected: 0 };
    all[s.label] = { accepted: t.accepted, rejected: t.rejected + 1 };
    await setSetting(db, 'suggestTallies', all);
    return true;
  });
}

/** The anchors `annotatorId` rejected on `docId`. */
export async function rejectionsOn(
  db: WorkbenchDb,
  annotatorId: string,
  docId: string,
): Promise<SuggestionAnchor[]> {
  const rows = await db.rejections
    .where('[annotatorId+docId]')
    .equals([annotatorId, docId])
    .toArray();
  return rows.map(({ docId: d, start, end, label }) => ({ docId: d, start, end, label }));
}
