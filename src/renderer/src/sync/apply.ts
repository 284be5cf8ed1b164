/**
 * Applying the project's documents to Dexie: each document from the local
 * copy of the project is checked with its zod schema (the server, or a
 * colleague's script, may have sent anything), then turned into the app's
 * records: spans, statuses, annotators, analysts' cue phrases (gazetteers),
 * articles, actors, gold, assignments, the label set and the project settings. A document that does not fit is
 * skipped and reported with its id and the first problem; the rest apply.
 * Runs inside the caller's transaction, marked incoming (sync/outbox.ts).
 */
import { problemText } from '@core/problems/problem.ts';
import { buildDocumentRecord } from '@core/document.ts';
import {
  GOLD_ANNOTATOR_ID,
  type ActorRecord,
  type AnnotatorRecord,
  type DocumentRecord,
  type SpanRecord,
  type StatusRecord,
} from '@core/model.ts';
import { parseTeamDocId, type TeamDocId } from '@core/team/ids.ts';
import {
  actorBody,
  annotatorBody,
  articleBody,
  assignBody,
  bodyToActor,
  bodyToSpan,
  bodyToStatus,
  canonicalJson,
  gazetteerBody,
  goldBody,
  goldSpans,
  labelsBody,
  labelsContent,
  settingsBody,
  spanBody,
  statusBody,
  type ArticleBody,
  type AssignBody,
  type GoldBody,
  type LabelsBody,
  type SettingsBody,
} from '@core/team/wire.ts';
import { parseGazetteer } from '@core/suggest/gazetteer.ts';
import type { z } from 'zod';
import type { GazetteerRecord } from '../db/gazetteers.ts';
import { rejectedKey } from '../db/gold.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { documentTables, replaceDocumentDetails, storeDocuments } from '../db/store-documents.ts';
import { PROJECT_SETTINGS_KEY } from './outbox.ts';

/** A document as the local copy of the project holds it. */
export interface RawDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

/** A document that fits its schema, ready to apply. */
export type CheckedDoc =
  | { id: TeamDocId & { kind: 'span' }; rev: string; deleted: boolean; span: SpanRecord | null }
  | {
      id: TeamDocId & { kind: 'status' };
      rev: string;
      deleted: boolean;
      status: StatusRecord | null;
    }
  | { id: TeamDocId & { kind: 'annotator' }; rev: string; deleted: boolean; name: string | null }
  | {
      id: TeamDocId & { kind: 'gazetteer' };
      rev: string;
      deleted: boolean;
      list: GazetteerRecord | null;
    }
  | { id: TeamDocId & { kind: 'article' }; rev: string; deleted: boolean; body: ArticleBody | null }
  | { id: TeamDocId & { kind: 'actor' }; rev: string; deleted: boolean; actor: ActorRecord | null }
  | { id: TeamDocId & { kind: 'gold' }; rev: string; deleted: boolean; body: GoldBody | null }
  | { id: TeamDocId & { kind: 'assign' }; rev: string; deleted: boolean; body: AssignBody | null }
  | { id: TeamDocId & { kind: 'labels' }; rev: string; deleted: boolean; body: LabelsBody | null }
  | {
      id: TeamDocId & { kind: 'settings' };
      rev: string;
      deleted: boolean;
      body: SettingsBody | null;
    };

/** A document that was skipped, and why. */
export interface Rejected {
  id: string;
  problem: string;
}

function parse<T>(
  schema: z.ZodType<T>,
  doc: RawDoc,
): { ok: true; value: T } | { ok: false; problem: string } {
  const r = schema.safeParse(doc);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return {
    ok: false,
    problem: issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'invalid',
  };
}

/**
 * Checks one raw document against the schema of its kind, and that it
 * agrees with its id (a span's owner, a status's document, …). Design
 * documents and unknown ids are ignored (null).
 */
export function checkDoc(doc: RawDoc): CheckedDoc | Rejected | null {
  const id = parseTeamDocId(doc._id);
  if (!id) return null;
  const rev = doc._rev;
  const deleted = doc._deleted === true;
  const bad = (problem: string): Rejected => ({ id: doc._id, problem });
  if (deleted) {
    switch (id.kind) {
      case 'span':
        return { id, rev, deleted, span: null };
      case 'status':
        return { id, rev, deleted, status: null };
      case 'annotator':
        return { id, rev, deleted, name: null };
      case 'gazetteer':
        return { id, rev, deleted, list: null };
      case 'actor':
        return { id, rev, deleted, actor: null };
      default:
        return { id, rev, deleted, body: null } as CheckedDoc;
    }
  }
  switch (id.kind) {
    case 'span': {
      const r = parse(spanBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.annotatorId !== id.user || r.value.spanId !== id.spanId)
        return bad('the span does not match its id');
      if (r.value.annotatorId === GOLD_ANNOTATOR_ID) return bad('“gold” is not an analyst');
      return { id, rev, deleted, span: bodyToSpan(r.value) };
    }
    case 'status': {
      const r = parse(statusBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.annotatorId !== id.user || r.value.docId !== id.docId)
        return bad('the status does not match its id');
      if (r.value.annotatorId === GOLD_ANNOTATOR_ID) return bad('“gold” is not an analyst');
      return { id, rev, deleted, status: bodyToStatus(r.value) };
    }
    case 'annotator': {
      const r = parse(annotatorBody, doc);
      if (!r.ok) return bad(r.problem);
      return { id, rev, deleted, name: r.value.name };
    }
    case 'gazetteer': {
      const r = parse(gazetteerBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.annotatorId !== id.user) return bad('the cue phrases do not match their id');
      if (r.value.annotatorId === GOLD_ANNOTATOR_ID) return bad('“gold” is not an analyst');
      const g = parseGazetteer(r.value.phrases);
      if (!g.ok) return bad(`phrases: ${g.errors[0] ? problemText(g.errors[0]) : 'invalid'}`);
      const phrases = Object.fromEntries(Object.entries(g.value).map(([l, p]) => [l, [...p]]));
      return {
        id,
        rev,
        deleted,
        list: { annotatorId: id.user, phrases, updatedAt: r.value.updatedAt },
      };
    }
    case 'actor': {
      const r = parse(actorBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.id !== id.actorId) return bad('the actor does not match its id');
      return { id, rev, deleted, actor: bodyToActor(r.value) };
    }
    case 'article': {
      const r = parse(articleBody, doc);
      return r.ok ? { id, rev, deleted, body: r.value } : bad(r.problem);
    }
    case 'gold': {
      const r = parse(goldBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.docId !== id.docId) return bad('the gold layer does not match its id');
      return { id, rev, deleted, body: r.value };
    }
    case 'assign': {
      const r = parse(assignBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.docId !== id.docId) return bad('the assignment does not match its id');
      return { id, rev, deleted, body: r.value };
    }
    case 'labels': {
      const r = parse(labelsBody, doc);
      return r.ok ? { id, rev, deleted, body: r.value } : bad(r.problem);
    }
    case 'settings': {
      const r = parse(settingsBody, doc);
      return r.ok ? { id, rev, deleted, body: r.value } : bad(r.problem);
    }
  }
}

/** The tables `applyDocs` writes (with its caller's bookkeeping tables). */
export function applyTables(db: WorkbenchDb) {
  return [
    db.spans,
    db.statuses,
    ...documentTables(db),
    db.annotators,
    db.labels,
    db.settings,
    db.assignments,
    db.gazetteers,
    db.actors,
    db.syncRevs,
  ];
}

/** Code points of a text, computed once per batch. */
class TextCache {
  private readonly cps = new Map<string, string[]>();
  constructor(private readonly texts: Map<string, string>) {}
  slice(docId: string, start: number, end: number): string | null {
    let cps = this.cps.get(docId);
    if (!cps) {
      const text = this.texts.get(docId);
      if (text === undefined) return null;
      this.cps.set(docId, (cps = Array.from(text)));
    }
    return end <= cps.length ? cps.slice(start, end).join('') : '\u0000out of range';
  }
}

/** The records built from article documents (prepareArticles), or why one was refused. */
export type BuiltArticles = ReadonlyMap<CheckedDoc, DocumentRecord | Rejected>;

/**
 * Builds the records of the articles among `docs`: the text normalized,
 * hashed and folded for search. An article whose text does not hash to its
 * id is refused. Call outside any Dexie transaction: hashing is
 * `crypto.subtle`, and awaiting it inside one lets IndexedDB commit the
 * transaction early. The hashes run side by side.
 */
export async function prepareArticles(docs: readonly CheckedDoc[]): Promise<BuiltArticles> {
  const out = new Map<CheckedDoc, DocumentRecord | Rejected>();
  await Promise.all(
    docs.map(async (a) => {
      if (a.id.kind !== 'article' || a.deleted) return;
      const body = (a as { body: ArticleBody | null }).body;
      if (!body) return;
      const record = await buildDocumentRecord({ ...body });
      out.set(
        a,
        record.id === a.id.docId
          ? record
          : { id: `article:${a.id.docId}`, problem: 'its text does not match its id (SHA-256)' },
      );
    }),
  );
  return out;
}

/**
 * Applies checked documents (in order; a later version of one id wins) to
 * Dexie. Returns the documents refused on the way (an article whose text
 * does not hash to its id, a span whose quote is not the text it covers).
 * `built` holds their articles' records (prepareArticles, before the
 * transaction). Call inside a read-write transaction over
 * `applyTables(db)`, marked incoming.
 */
export async function applyDocs(
  db: WorkbenchDb,
  docs: readonly CheckedDoc[],
  selfId: string,
  built: BuiltArticles,
): Promise<Rejected[]> {
  const rejected: Rejected[] = [];
  const last = new Map<string, CheckedDoc>();
  for (const d of docs) last.set(teamIdOf(d), d);
  const all = [...last.values()];
  const now = Date.now();

  // Articles first, so spans can be checked against their text.
  const articles = all.filter(
    (d): d is Extract<CheckedDoc, { id: { kind: 'article' } }> => d.id.kind === 'article',
  );
  const texts = new Map<string, string>();
  const existingDocs = await db.documents.bulkGet(articles.map((a) => a.id.docId));
  const fresh: DocumentRecord[] = [];
  const freshHad: boolean[] = [];
  for (const [i, a] of articles.entries()) {
    // Articles are never removed from a project.
    if (!a.body) continue;
    const record = built.get(a);
    if (!record) throw new Error(`article:${a.id.docId} was not prepared (prepareArticles)`);
    if ('problem' in record) {
      rejected.push(record);
      continue;
    }
    const have = existingDocs[i];
    texts.set(record.id, record.text);
    // The same article imported twice keeps one version everywhere: the
    // project's, so every profile exports the same title, date and outlet.
    if (
      !have ||
      have.title !== record.title ||
      have.date !== record.date ||
      have.outlet !== record.outlet
    ) {
      fresh.push({ ...record, importedAt: have?.importedAt ?? record.importedAt });
      freshHad.push(!!have);
    }
  }
  // New articles get their list rows and tokens with them; one already
  // here only changes its details.
  await storeDocuments(
    db,
    fresh.filter((_, i) => !freshHad[i]),
  );
  await replaceDocumentDetails(
    db,
    fresh.filter((_, i) => freshHad[i]),
  );

  const spanDocs = all.filter(
    (d): d is Extract<CheckedDoc, { id: { kind: 'span' } }> => d.id.kind === 'span',
  );
  const needText = [...new Set(spanDocs.flatMap((d) => (d.span ? [d.span.docId] : [])))].filter(
    (id) => !texts.has(id),
  );
  (await db.documents.bulkGet(needText)).forEach((d) => d && texts.set(d.id, d.text));
  const cache = new TextCache(texts);
  const putSpans: SpanRecord[] = [];
  const delSpans: string[] = [];
  for (const d of spanDocs) {
    if (!d.span) {
      delSpans.push(d.id.spanId);
      continue;
    }
    const covered = cache.slice(d.span.docId, d.span.start, d.span.end);
    if (covered !== null && covered !== d.span.quote) {
      rejected.push({
        id: `span:${d.id.user}:${d.id.spanId}`,
        problem: `its quote is not the text at ${d.span.start}–${d.span.end}`,
      });
      continue;
    }
    putSpans.push(d.span);
  }
  if (delSpans.length > 0) {
    // Only the owner's span of that id goes (ids are per span, not per analyst).
    const owned = await db.spans.bulkGet(delSpans);
    const users = new Map(spanDocs.map((d) => [d.id.spanId, d.id.user]));
    await db.spans.bulkDelete(delSpans.filter((id, i) => owned[i]?.annotatorId === users.get(id)));
  }
  if (putSpans.length > 0) await db.spans.bulkPut(putSpans);

  const statusDocs = all.filter(
    (d): d is Extract<CheckedDoc, { id: { kind: 'status' } }> => d.id.kind === 'status',
  );
  const putStatuses = statusDocs.flatMap((d) => (d.status ? [d.status] : []));
  const delStatuses = statusDocs
    .filter((d) => !d.status)
    .map((d) => [d.id.docId, d.id.user] as [string, string]);
  if (delStatuses.length > 0) await db.statuses.bulkDelete(delStatuses);
  if (putStatuses.length > 0) await db.statuses.bulkPut(putStatuses);

  // Every analyst named gets an annotator record: their own name document,
  // or their id until it arrives.
  const named = all.filter(
    (d): d is Extract<CheckedDoc, { id: { kind: 'annotator' } }> => d.id.kind === 'annotator',
  );
  const people = new Set<string>([
    ...putSpans.map((s) => s.annotatorId),
    ...putStatuses.map((s) => s.annotatorId),
    ...named.map((d) => d.id.user),
  ]);
  people.delete(GOLD_ANNOTATOR_ID);
  const ids = [...people];
  const known = await db.annotators.bulkGet(ids);
  const names = new Map(named.flatMap((d) => (d.name ? [[d.id.user, d.name] as const] : [])));
  const annotators: AnnotatorRecord[] = [];
  ids.forEach((id, i) => {
    const have = known[i];
    const name = names.get(id) ?? have?.name ?? id;
    if (have && have.name === name) return;
    annotators.push({
      id,
      name,
      kind: id === selfId ? 'self' : (have?.kind ?? 'colleague'),
      createdAt: have?.createdAt ?? now,
    });
  });
  if (annotators.length > 0) await db.annotators.bulkPut(annotators);

  const lists = all.filter(
    (d): d is Extract<CheckedDoc, { id: { kind: 'gazetteer' } }> => d.id.kind === 'gazetteer',
  );
  const putLists = lists.flatMap((d) => (d.list ? [d.list] : []));
  const delLists = lists.filter((d) => !d.list).map((d) => d.id.user);
  if (delLists.length > 0) await db.gazetteers.bulkDelete(delLists);
  if (putLists.length > 0) await db.gazetteers.bulkPut(putLists);

  // The project's actors: a merged one stays as a tombstone (mergedInto).
  for (const d of all) {
    if (d.id.kind !== 'actor') continue;
    const actor = (d as { actor: ActorRecord | null }).actor;
    if (actor) await db.actors.put(actor);
    else await db.actors.delete(d.id.actorId);
  }

  // Shared documents: the revision applied is what a local edit builds on
  // (push.ts writes beside a newer one, a conflict).
  for (const d of all) {
    if (d.id.kind === 'actor') {
      await db.syncRevs.put({ id: teamIdOf(d), rev: d.rev });
      continue;
    }
    if (d.id.kind === 'gold')
      await applyGold(db, d.id.docId, d.deleted ? null : (d as { body: GoldBody }).body, now);
    else if (d.id.kind === 'assign') {
      const body = (d as { body: AssignBody | null }).body;
      if (body && body.annotatorIds.length > 0)
        await db.assignments.put({ docId: d.id.docId, annotatorIds: [...body.annotatorIds] });
      else await db.assignments.delete(d.id.docId);
    } else if (d.id.kind === 'labels') {
      const body = (d as { body: LabelsBody | null }).body;
      if (body) await applyLabels(db, body);
    } else if (d.id.kind === 'settings') {
      const body = (d as { body: SettingsBody | null }).body;
      if (body) await db.settings.put({ key: PROJECT_SETTINGS_KEY, value: { blind: body.blind } });
      else await db.settings.delete(PROJECT_SETTINGS_KEY);
    } else continue;
    await db.syncRevs.put({ id: teamIdOf(d), rev: d.rev });
  }
  return rejected;
}

/** The project document id of a checked document. */
export function teamIdOf(d: CheckedDoc): string {
  const id = d.id;
  switch (id.kind) {
    case 'span':
      return `span:${id.user}:${id.spanId}`;
    case 'status':
      return `status:${id.user}:${id.docId}`;
    case 'annotator':
      return `annotator:${id.user}`;
    case 'gazetteer':
      return `gazetteer:${id.user}`;
    case 'article':
      return `article:${id.docId}`;
    case 'actor':
      return `actor:${id.actorId}`;
    case 'gold':
      return `gold:${id.docId}`;
    case 'assign':
      return `assign:${id.docId}`;
    case 'labels':
      return 'project:labels';
    case 'settings':
      return 'project:settings';
  }
}

/** Replaces a document's gold layer (spans, rejections, status) with `body`'s. */
async function applyGold(
  db: WorkbenchDb,
  docId: string,
  body: GoldBody | null,
  now: number,
): Promise<void> {
  const current = await db.spans
    .where('[docId+annotatorId]')
    .equals([docId, GOLD_ANNOTATOR_ID])
    .primaryKeys();
  const next = body ? goldSpans(body) : [];
  const keep = new Set(next.map((s) => s.id));
  const gone = current.filter((id) => !keep.has(id));
  if (gone.length > 0) await db.spans.bulkDelete(gone);
  if (next.length > 0) await db.spans.bulkPut(next);
  if (body && body.rejected.length > 0)
    await db.settings.put({ key: rejectedKey(docId), value: [...body.rejected] });
  else await db.settings.delete(rejectedKey(docId));
  if (body?.status)
    await db.statuses.put({
      docId,
      annotatorId: GOLD_ANNOTATOR_ID,
      status: body.status,
      docStance: null,
      updatedAt: body.updatedAt,
    });
  else await db.statuses.delete([docId, GOLD_ANNOTATOR_ID]);
  if (body && !(await db.annotators.get(GOLD_ANNOTATOR_ID)))
    await db.annotators.put({ id: GOLD_ANNOTATOR_ID, name: 'Gold', kind: 'gold', createdAt: now });
}

/** Replaces the label set with the project's, when it differs. */
async function applyLabels(db: WorkbenchDb, body: LabelsBody): Promise<void> {
  const current = labelsContent(await db.labels.toArray());
  const next = labelsContent(body.labels);
  if (canonicalJson(current) === canonicalJson(next)) return;
  await db.labels.clear();
  await db.labels.bulkAdd(next);
}
