/**
 * The gold layer: adjudicated spans, stored as spans of the annotator
 * `gold` like anyone else's (so they export the same way), each carrying its
 * provenance: the annotators whose spans match it exactly, and the holder,
 * target, attribution kind and note those annotators all agree on (else
 * none; the adjudicator settles them). Rejected
 * proposals are remembered per document, so "accept all where N agree" does
 * not bring back what the adjudicator turned down.
 */
import { problem, ProblemError } from '@core/problems/problem.ts';
import { ActorIndex } from '@core/actors/model.ts';
import { withAttribution, type AttributionPatch } from '@core/actors/span-attribution.ts';
import {
  agreedSpans,
  attributionOf,
  provenanceOf,
  settledAttribution,
} from '@core/agreement/adjudicate.ts';
import { spanKey, type AgreementSpan } from '@core/agreement/types.ts';
import {
  GOLD_ANNOTATOR_ID,
  type AnnotatorRecord,
  type DocStatus,
  type SpanRecord,
} from '@core/model.ts';
import { cpSlice } from '@core/offsets.ts';
import { requireRole } from '../sync/roles.ts';
import type { WorkbenchDb } from './schema.ts';

/** The settings key holding a document's rejected span keys. */
export function rejectedKey(docId: string): string {
  return `goldRejected:${docId}`;
}

/** Span keys (`start:end:label`) the adjudicator rejected on `docId`. */
export async function getRejected(db: WorkbenchDb, docId: string): Promise<string[]> {
  const rec = await db.settings.get(rejectedKey(docId));
  return Array.isArray(rec?.value) ? (rec.value as string[]) : [];
}

async function setRejected(db: WorkbenchDb, docId: string, keys: string[]): Promise<void> {
  if (keys.length === 0) await db.settings.delete(rejectedKey(docId));
  else await db.settings.put({ key: rejectedKey(docId), value: keys });
}

/** Makes sure the gold annotator exists and has a status on `docId`. */
async function ensureGold(db: WorkbenchDb, docId: string, now: number): Promise<void> {
  if (!(await db.annotators.get(GOLD_ANNOTATOR_ID))) {
    const gold: AnnotatorRecord = {
      id: GOLD_ANNOTATOR_ID,
      name: 'Gold',
      kind: 'gold',
      createdAt: now,
    };
    await db.annotators.put(gold);
  }
  if (!(await db.statuses.get([docId, GOLD_ANNOTATOR_ID]))) {
    await db.statuses.put({
      docId,
      annotatorId: GOLD_ANNOTATOR_ID,
      status: 'in-progress',
      docStance: null,
      updatedAt: now,
    });
  }
}

/** Everyone's spans on `docId` except gold's, by annotator id in code-unit order. */
async function proposals(db: WorkbenchDb, docId: string): Promise<Map<string, SpanRecord[]>> {
  const out = new Map<string, SpanRecord[]>();
  const spans = await db.spans.where('docId').equals(docId).toArray();
  spans.sort((a, b) =>
    a.annotatorId < b.annotatorId ? -1 : a.annotatorId > b.annotatorId ? 1 : 0,
  );
  for (const s of spans) {
    if (s.annotatorId === GOLD_ANNOTATOR_ID) continue;
    out.set(s.annotatorId, [...(out.get(s.annotatorId) ?? []), s]);
  }
  return out;
}

/**
 * The note the proposers of `s` (its provenance) all give it:
 * the value when every one has it, non-empty and the same; else null.
 */
function agreedField(
  all: Map<string, SpanRecord[]>,
  provenance: readonly string[],
  s: AgreementSpan,
  field: 'note',
): string | null {
  const key = spanKey(s);
  let value: string | null = null;
  for (const a of provenance) {
    const values = (all.get(a) ?? []).filter((p) => spanKey(p) === key).map((p) => p[field]);
    for (const v of values) {
      if (!v) return null;
      if (value !== null && v !== value) return null;
      value = v;
    }
  }
  return value;
}

function goldRecord(
  docId: string,
  text: string,
  s: AgreementSpan,
  all: Map<string, SpanRecord[]>,
  now: number,
  actors: ActorIndex,
): SpanRecord {
  const provenance = provenanceOf(all, s);
  const key = spanKey(s);
  // A holder merged into another actor is that actor (one analyst's span
  // may still name the duplicate: only they rewrite it).
  const settled = settledAttribution(
    provenance.flatMap((a) =>
      (all.get(a) ?? [])
        .filter((p) => spanKey(p) === key)
        .map(attributionOf)
        .map((f) =>
          f.holderActorId ? { ...f, holderActorId: actors.resolve(f.holderActorId) } : f,
        ),
    ),
  );
  return {
    id: crypto.randomUUID(),
    docId,
    annotatorId: GOLD_ANNOTATOR_ID,
    label: s.label,
    start: s.start,
    end: s.end,
    quote: cpSlice(text, s.start, s.end),
    holder: settled.holder,
    note: agreedField(all, provenance, s, 'note'),
    createdAt: now,
    updatedAt: now,
    provenance,
    ...(settled.holderActorId ? { holderActorId: settled.holderActorId } : {}),
    ...(settled.target ? { target: settled.target } : {}),
    ...(settled.attribution ? { attribution: settled.attribution } : {}),
  };
}

const TABLES = (db: WorkbenchDb) => [
  db.spans,
  db.annotators,
  db.statuses,
  db.settings,
  db.documents,
  db.actors,
  // Connected to a team project, only adjudicators change gold (sync/roles.ts).
  db.syncMeta,
];

/**
 * Accepts a span into gold on `docId` (no-op when gold already has it),
 * with provenance from the annotators who have it exactly; un-rejects it.
 * Returns the gold span.
 */
export async function acceptIntoGold(
  db: WorkbenchDb,
  docId: string,
  span: AgreementSpan,
): Promise<SpanRecord> {
  return db.transaction('rw', TABLES(db), async () => {
    await requireRole(db, 'adjudicator');
    const doc = await db.documents.get(docId);
    if (!doc) throw new ProblemError(problem('gold.noDocument', { doc: docId }));
    const key = spanKey(span);
    const existing = (
      await db.spans.where('[docId+annotatorId]').equals([docId, GOLD_ANNOTATOR_ID]).toArray()
    ).find((s) => spanKey(s) === key);
    if (existing) return existing;
    const now = Date.now();
    await ensureGold(db, docId, now);
    const actors = new ActorIndex(await db.actors.toArray());
    const rec = goldRecord(docId, doc.text, span, await proposals(db, docId), now, actors);
    await db.spans.add(rec);
    const rejected = await getRejected(db, docId);
    if (rejected.includes(key))
      await setRejected(
        db,
        docId,
        rejected.filter((k) => k !== key),
      );
    return rec;
  });
}

/** Rejects a proposed span: remembered, and removed from gold if there. */
export async function rejectProposal(
  db: WorkbenchDb,
  docId: string,
  span: AgreementSpan,
): Promise<void> {
  await db.transaction('rw', TABLES(db), async () => {
    await requireRole(db, 'adjudicator');
    const key = spanKey(span);
    const gold = await db.spans
      .where('[docId+annotatorId]')
      .equals([docId, GOLD_ANNOTATOR_ID])
      .toArray();
    await db.spans.bulkDelete(gold.filter((s) => spanKey(s) === key).map((s) => s.id));
    const rejected = await getRejected(db, docId);
    if (!rejected.includes(key)) await setRejected(db, docId, [...rejected, key]);
    await ensureGold(db, docId, Date.now());
  });
}

/** Takes back a rejection. */
export async function unreject(db: WorkbenchDb, docId: string, span: AgreementSpan): Promise<void> {
  await db.transaction('rw', [db.settings, db.syncMeta], async () => {
    await requireRole(db, 'adjudicator');
    const key = spanKey(span);
    await setRejected(
      db,
      docId,
      (await getRejected(db, docId)).filter((k) => k !== key),
    );
  });
}

/** Removes a gold span. */
export async function removeGoldSpan(db: WorkbenchDb, spanId: string): Promise<void> {
  await db.transaction('rw', [db.spans, db.syncMeta], async () => {
    await requireRole(db, 'adjudicator');
    await db.spans.delete(spanId);
  });
}

/**
 * Edits a gold span's extent or label; its quote and provenance are
 * recomputed. Refuses an empty or out-of-text extent.
 */
export async function editGoldSpan(
  db: WorkbenchDb,
  spanId: string,
  change: Partial<AgreementSpan>,
): Promise<SpanRecord> {
  return db.transaction('rw', TABLES(db), async () => {
    await requireRole(db, 'adjudicator');
    const span = await db.spans.get(spanId);
    if (!span || span.annotatorId !== GOLD_ANNOTATOR_ID)
      throw new ProblemError(problem('gold.spanGone'));
    const doc = await db.documents.get(span.docId);
    if (!doc) throw new ProblemError(problem('gold.noDocument', { doc: span.docId }));
    const next = {
      start: change.start ?? span.start,
      end: change.end ?? span.end,
      label: change.label ?? span.label,
    };
    const length = [...doc.text].length;
    if (next.start < 0 || next.end > length || next.end <= next.start)
      throw new ProblemError(problem('gold.empty', { start: next.start, end: next.end }));
    const updated: SpanRecord = {
      ...span,
      ...next,
      quote: cpSlice(doc.text, next.start, next.end),
      provenance: provenanceOf(await proposals(db, span.docId), next),
      updatedAt: Date.now(),
    };
    await db.spans.put(updated);
    return updated;
  });
}

/**
 * "Accept all where at least `n` annotators agree exactly", on every
 * document of `docIds`, among `annotators` (gold never counts). Skips spans
 * gold already has and rejected ones. One transaction; returns how many
 * spans were added.
 */
export async function acceptAllAgreed(
  db: WorkbenchDb,
  docIds: readonly string[],
  n: number,
  annotators: readonly string[],
): Promise<number> {
  return db.transaction('rw', TABLES(db), async () => {
    await requireRole(db, 'adjudicator');
    let added = 0;
    const now = Date.now();
    for (const docId of docIds) {
      const all = await proposals(db, docId);
      const chosen = new Map([...all].filter(([a]) => annotators.includes(a)));
      const agreed = agreedSpans(chosen, n);
      if (agreed.length === 0) continue;
      const doc = await db.documents.get(docId);
      if (!doc) continue;
      const gold = await db.spans
        .where('[docId+annotatorId]')
        .equals([docId, GOLD_ANNOTATOR_ID])
        .toArray();
      const have = new Set(gold.map(spanKey));
      const rejected = new Set(await getRejected(db, docId));
      const fresh = agreed.filter((c) => !have.has(c.key) && !rejected.has(c.key));
      if (fresh.length === 0) continue;
      await ensureGold(db, docId, now);
      const actors = new ActorIndex(await db.actors.toArray());
      await db.spans.bulkAdd(fresh.map((c) => goldRecord(docId, doc.text, c, all, now, actors)));
      added += fresh.length;
    }
    return added;
  });
}

/** Sets gold's status on a document (e.g. `done` once adjudicated). */
export async function setGoldStatus(
  db: WorkbenchDb,
  docId: string,
  status: DocStatus,
): Promise<void> {
  await db.transaction('rw', TABLES(db), async () => {
    await requireRole(db, 'adjudicator');
    await ensureGold(db, docId, Date.now());
    const cur = await db.statuses.get([docId, GOLD_ANNOTATOR_ID]);
    await db.statuses.put({ ...cur!, status, updatedAt: Date.now() });
  });
}

/**
 * Settles a gold span's holder (an actor by id, or free text), target and
 * attribution kind, as the adjudicator chooses; fields left out stay.
 */
export async function settleGoldAttribution(
  db: WorkbenchDb,
  spanId: string,
  patch: Omit<AttributionPatch, 'actor'> & { actorId?: string | null },
): Promise<SpanRecord> {
  return db.transaction('rw', TABLES(db), async () => {
    const span = await db.spans.get(spanId);
    if (!span || span.annotatorId !== GOLD_ANNOTATOR_ID)
      throw new ProblemError(problem('gold.spanGone'));
    const { actorId, ...rest } = patch;
    let full: AttributionPatch = rest;
    if (actorId !== undefined) {
      const actor = actorId === null ? null : await db.actors.get(actorId);
      if (actor === undefined)
        throw new ProblemError(problem('actor.gone', { actor: String(actorId) }));
      full = { ...rest, actor };
    }
    const updated = withAttribution(span, full, Date.now());
    await db.spans.put(updated);
    return updated;
  });
}
