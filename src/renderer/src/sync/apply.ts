/**
 * Applying the project's documents to Dexie, once checked (check.ts):
 * spans, statuses, annotators, analysts' cue phrases (gazetteers),
 * articles and actors here; gold, assignments, the label set and the
 * project settings in apply-shared.ts. A document refused on the way (an
 * article whose text does not hash to its id, a span whose quote is not its
 * text) is skipped and reported; the rest apply. Runs inside the caller's
 * transaction, marked incoming (sync/outbox.ts).
 *
 * Nothing is read before writing where a write can say it was not needed:
 * articles and spans are added, and only those already stored (a batch
 * applied again after a crash, a colleague's edit) are read and replaced,
 * so a first sync writes its documents without reading them back.
 */
import Dexie from 'dexie';
import { buildDocumentRecord } from '@core/document.ts';
import {
  GOLD_ANNOTATOR_ID,
  type ActorRecord,
  type AnnotatorRecord,
  type DocumentRecord,
  type SpanRecord,
} from '@core/model.ts';
import { displayName } from '@core/actors/model.ts';
import { spanDocId } from '@core/team/ids.ts';
import type { ArticleBody } from '@core/team/wire.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { documentTables, replaceDocumentDetails, storeDocuments } from '../db/store-documents.ts';
import { applySharedDocs } from './apply-shared.ts';
import { newStamp } from './outbox.ts';
import { OUTBOX, type OutboxRow } from './tables.ts';
import { teamIdOf, type CheckedDoc, type Rejected } from './check.ts';

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
  const records: DocumentRecord[] = [];
  for (const a of articles) {
    // Articles are never removed from a project.
    if (!a.body) continue;
    const record = built.get(a);
    if (!record) throw new Error(`article:${a.id.docId} was not prepared (prepareArticles)`);
    if ('problem' in record) {
      rejected.push(record);
      continue;
    }
    texts.set(record.id, record.text);
    records.push(record);
  }
  // New articles are added with their list rows; one already here fails
  // its add and only has its details compared. Their tokens are a cache
  // filled afterwards, off the path a first sync's analyst waits on
  // (db/token-backfill.ts; the bridge runs it when idle).
  const added = await storeDocuments(db, records, { tokens: false });
  const stored = records.filter((r) => !added.has(r.id));
  const have = await db.documents.bulkGet(stored.map((r) => r.id));
  // The same article imported twice keeps one version everywhere: the
  // project's, so every profile exports the same title, date and outlet.
  const changed = stored.flatMap((record, i) => {
    const h = have[i];
    if (h && h.title === record.title && h.date === record.date && h.outlet === record.outlet)
      return [];
    return [{ ...record, importedAt: h?.importedAt ?? record.importedAt }];
  });
  await replaceDocumentDetails(db, changed);

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
  await addOrPutSpans(db, putSpans);

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
  const removed: ActorRecord[] = [];
  for (const d of all) {
    if (d.id.kind !== 'actor') continue;
    const actor = (d as { actor: ActorRecord | null }).actor;
    if (actor) await db.actors.put(actor);
    else {
      const had = await db.actors.get(d.id.actorId);
      if (had) removed.push(had);
      await db.actors.delete(d.id.actorId);
    }
  }
  await unlinkOwnSpans(db, removed, selfId, now);

  await applySharedDocs(db, all, now);
  return rejected;
}

/**
 * A colleague removed `actors` from the project: this analyst's own spans
 * they held keep their holder as free text (the actor's name), as the
 * remover's own spans did (core/actors/operations.ts deleteActor), instead
 * of naming an actor no profile has any more. Only the owner may rewrite a
 * span, so each profile rewrites its own and sends them: an outbox row per
 * span, written here because the transaction is marked incoming (the
 * caller's transaction takes in the outbox).
 */
async function unlinkOwnSpans(
  db: WorkbenchDb,
  actors: readonly ActorRecord[],
  selfId: string,
  now: number,
): Promise<void> {
  if (actors.length === 0) return;
  const names = new Map(actors.map((a) => [a.id, displayName(a)]));
  const held = await db.spans
    .where('annotatorId')
    .equals(selfId)
    .filter((s) => !!s.holderActorId && names.has(s.holderActorId))
    .toArray();
  if (held.length === 0) return;
  await db.spans.bulkPut(
    held.map((s) => ({
      ...s,
      holderActorId: null,
      holder: s.holder ?? names.get(s.holderActorId!)!,
      updatedAt: now,
    })),
  );
  await db.outbox.bulkPut(
    held.map((s): OutboxRow => ({
      id: spanDocId(selfId, s.id),
      stamp: newStamp(),
      state: OUTBOX.pending,
    })),
  );
}

/**
 * Writes `spans`: added first (an add reads nothing; the span counts and
 * facts take it in, db/derived.ts), then the ones whose id is stored
 * already are put (read, replaced and counted again). Call inside a
 * read-write transaction over spans.
 */
async function addOrPutSpans(db: WorkbenchDb, spans: readonly SpanRecord[]): Promise<void> {
  if (spans.length === 0) return;
  const trans = Dexie.currentTransaction.idbtrans;
  const res = await db.spans.core.mutate({ trans, type: 'add', values: spans });
  const again: SpanRecord[] = [];
  for (const [pos, failure] of Object.entries(res.failures)) {
    if (failure.name !== 'ConstraintError') throw failure;
    again.push(spans[Number(pos)]!);
  }
  if (again.length > 0) await db.spans.bulkPut(again);
}
