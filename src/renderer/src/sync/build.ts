/**
 * What the app would send for project documents: the body of each one,
 * built from what Dexie holds now (null when the thing is gone, which
 * becomes a deletion). The pusher calls it with a batch of outbox ids
 * inside one read transaction, so bodies and stamps are read together.
 */
import { GOLD_ANNOTATOR_ID, type SpanRecord } from '@core/model.ts';
import { parseTeamDocId, type TeamDocId } from '@core/team/ids.ts';
import {
  actorContent,
  documentToBody,
  goldContent,
  labelsContent,
  spanToBody,
  statusToBody,
  type ProjectSettings,
} from '@core/team/wire.ts';
import { rejectedKey } from '../db/gold.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { PROJECT_SETTINGS_KEY } from './outbox.ts';

/** A body to send: its content, and whether it is a shared document (gold, labels…). */
export interface BuiltBody {
  /**
   * The content without `updatedBy` (and, but for actors, which keep their
   * own, `updatedAt`) of shared documents; null: gone.
   */
  content: Record<string, unknown> | null;
  shared: boolean;
}

/** The tables `buildBodies` reads. */
export function buildTables(db: WorkbenchDb) {
  return [
    db.spans,
    db.statuses,
    db.documents,
    db.annotators,
    db.labels,
    db.settings,
    db.assignments,
    db.gazetteers,
    db.actors,
  ];
}

/**
 * Whether a parsed id is a shared document whose conflicts a person
 * resolves (its writers are roles, not one analyst). Actors are written by
 * any member too, but their conflicts merge field-wise without asking
 * (sync/conflicts.ts `resolveActor`).
 */
export function isShared(id: TeamDocId): boolean {
  return (
    id.kind === 'gold' || id.kind === 'assign' || id.kind === 'labels' || id.kind === 'settings'
  );
}

/**
 * The bodies of `ids` (unknown ids are left out). Call inside a transaction
 * over `buildTables(db)`.
 */
export async function buildBodies(
  db: WorkbenchDb,
  ids: readonly string[],
): Promise<Map<string, BuiltBody>> {
  const out = new Map<string, BuiltBody>();
  const parsed = ids
    .map((id) => ({ id, p: parseTeamDocId(id) }))
    .filter((x): x is { id: string; p: TeamDocId } => x.p !== null);
  const of = <K extends TeamDocId['kind']>(kind: K) =>
    parsed.filter((x) => x.p.kind === kind) as { id: string; p: Extract<TeamDocId, { kind: K }> }[];

  const spans = of('span');
  const spanRecs = await db.spans.bulkGet(spans.map((x) => x.p.spanId));
  spans.forEach((x, i) => {
    const s = spanRecs[i];
    // A span another analyst's id points at is not this one's to send.
    const mine = s && s.annotatorId === x.p.user;
    out.set(x.id, { content: mine ? spanToBody(s) : null, shared: false });
  });

  const statuses = of('status');
  const statusRecs = await db.statuses.bulkGet(statuses.map((x) => [x.p.docId, x.p.user]));
  statuses.forEach((x, i) => {
    const s = statusRecs[i];
    out.set(x.id, { content: s ? statusToBody(s) : null, shared: false });
  });

  const annotators = of('annotator');
  const annotatorRecs = await db.annotators.bulkGet(annotators.map((x) => x.p.user));
  annotators.forEach((x, i) => {
    const a = annotatorRecs[i];
    out.set(x.id, { content: a ? { name: a.name } : null, shared: false });
  });

  const lists = of('gazetteer');
  const listRecs = await db.gazetteers.bulkGet(lists.map((x) => x.p.user));
  lists.forEach((x, i) => {
    const g = listRecs[i];
    out.set(x.id, {
      content: g
        ? { annotatorId: g.annotatorId, phrases: g.phrases, updatedAt: g.updatedAt }
        : null,
      shared: false,
    });
  });

  // Actors are written by several people: sent like shared documents
  // (who wrote it, and beside a colleague's version not yet read).
  const actors = of('actor');
  const actorRecs = await db.actors.bulkGet(actors.map((x) => x.p.actorId));
  actors.forEach((x, i) => {
    const a = actorRecs[i];
    out.set(x.id, { content: a ? actorContent(a) : null, shared: true });
  });

  const articles = of('article');
  const docs = await db.documents.bulkGet(articles.map((x) => x.p.docId));
  articles.forEach((x, i) => {
    const d = docs[i];
    out.set(x.id, { content: d ? documentToBody(d) : null, shared: false });
  });

  for (const x of of('gold')) {
    const docId = x.p.docId;
    const spansOfGold: SpanRecord[] = await db.spans
      .where('[docId+annotatorId]')
      .equals([docId, GOLD_ANNOTATOR_ID])
      .toArray();
    const rejectedRec = await db.settings.get(rejectedKey(docId));
    const rejected = Array.isArray(rejectedRec?.value) ? (rejectedRec.value as string[]) : [];
    const status = (await db.statuses.get([docId, GOLD_ANNOTATOR_ID]))?.status ?? null;
    const empty = spansOfGold.length === 0 && rejected.length === 0 && status === null;
    out.set(x.id, {
      content: empty ? null : goldContent(docId, spansOfGold, rejected, status),
      shared: true,
    });
  }

  const assigns = of('assign');
  const assignRecs = await db.assignments.bulkGet(assigns.map((x) => x.p.docId));
  assigns.forEach((x, i) => {
    const a = assignRecs[i];
    out.set(x.id, {
      content:
        a && a.annotatorIds.length > 0
          ? { docId: a.docId, annotatorIds: [...a.annotatorIds].sort() }
          : null,
      shared: true,
    });
  });

  for (const x of of('labels')) {
    const labels = await db.labels.toArray();
    out.set(x.id, { content: { labels: labelsContent(labels) }, shared: true });
  }
  for (const x of of('settings')) {
    const rec = await db.settings.get(PROJECT_SETTINGS_KEY);
    const value = rec?.value as ProjectSettings | undefined;
    out.set(x.id, { content: value ? { blind: value.blind === true } : null, shared: true });
  }
  return out;
}
