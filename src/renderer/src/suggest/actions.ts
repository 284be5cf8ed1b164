/**
 * The suggestion layer's writes: labelling every occurrence of a phrase in
 * one undoable edit, the per-label tallies of accepted and rejected
 * suggestions (rejections stored), the thresholds and the analyst's own
 * cue phrases. Components write through
 * here, never through the database.
 */
import type { Problem } from '@core/problems/problem.ts';
import type { SpanRecord, StatusRecord } from '@core/model.ts';
import type { Suggestion } from '@core/suggest/types.ts';
import { db } from '../db/db.ts';
import { saveOwnGazetteer } from '../db/gazetteers.ts';
import { rejectSuggestion } from '../db/rejections.ts';
import { getSetting, setSetting } from '../db/settings.ts';
import { phrase, reportFailure, type Phrase } from '../failures.ts';
import { makeSpan, type Change } from '../db/spans.ts';
import { commitEdit } from '../annotate/editor.ts';
import { editName } from '../annotate/history.ts';
import type { OccurrenceOffer } from './store.ts';

/** Adds `accepted` and `rejected` to a label's tally. */
export async function tally(label: string, accepted: number, rejected: number): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const all = { ...((await getSetting(db, 'suggestTallies')) ?? {}) };
    const t = all[label] ?? { accepted: 0, rejected: 0 };
    all[label] = { accepted: t.accepted + accepted, rejected: t.rejected + rejected };
    await setSetting(db, 'suggestTallies', all);
  });
}

/**
 * Labels every occurrence of the offer as the analyst's spans, in ONE edit
 * of the document where the phrase was labelled, so one undo there takes
 * all of them back (spans in other documents included). Documents that
 * gain their first span are marked in progress within the same edit.
 * Resolves true when stored (the caller tells the analyst).
 */
export async function labelAll(selfId: string, offer: OccurrenceOffer): Promise<boolean> {
  const spans: SpanRecord[] = offer.items.map((o: Suggestion) =>
    makeSpan({
      docId: o.docId,
      annotatorId: selfId,
      label: offer.label,
      start: o.start,
      end: o.end,
      quote: o.quote,
    }),
  );
  const docs = [...new Set(spans.map((s) => s.docId))];
  const stored = await db.statuses.bulkGet(docs.map((d) => [d, selfId] as [string, string]));
  const statuses: Change[] = [];
  docs.forEach((docId, i) => {
    const before = stored[i] ?? null;
    if (before && before.status !== 'not-started') return;
    const after: StatusRecord = {
      docId,
      annotatorId: selfId,
      status: 'in-progress',
      docStance: before?.docStance ?? null,
      updatedAt: Date.now(),
    };
    statuses.push({ table: 'statuses', before, after });
  });
  const n = spans.length;
  const ok = await commitEdit(offer.docId, selfId, editName('edit.labelAll', { count: n }), [
    ...statuses,
    ...spans.map((after): Change => ({ table: 'spans', before: null, after })),
  ]);
  if (ok) await tally(offer.label, n, 0);
  return ok;
}

/** Stores the held-out F1 a suggester must reach, clamped to [0, 1]. */
export async function saveThreshold(name: string, value: number): Promise<void> {
  if (!Number.isFinite(value)) return;
  await db.transaction('rw', db.settings, async () => {
    const all = { ...((await getSetting(db, 'suggestThresholds')) ?? {}) };
    all[name] = Math.min(1, Math.max(0, value));
    await setSetting(db, 'suggestThresholds', all);
  });
}

/**
 * Stores the analyst's own cue phrases written as JSON (`{"label": ["cue
 * phrase", …]}`); returns the problems found, each naming where, and
 * stores nothing then. In a team project the change is sent to colleagues.
 */
export function saveGazetteer(selfId: string, json: string): Promise<Problem[]> {
  return saveOwnGazetteer(db, selfId, json);
}

/**
 * Remembers that the analyst rejected `s` (across reloads) and counts it
 * once in its label's tally. A failure is reported as `what` failing; the
 * suggestion stays hidden for this session anyway.
 */
export async function rejectStored(selfId: string, s: Suggestion, what: Phrase): Promise<void> {
  try {
    await rejectSuggestion(db, selfId, s);
  } catch (err) {
    reportFailure(
      { key: 'suggest-reject', what, where: phrase('failureWhere.suggestion', { quote: s.quote }) },
      err,
    );
  }
}
