/**
 * The suggestion layer's reads of the database (no React): the corpus
 * texts the worker indexes, this analyst's own spans, and where
 * suggestions must stay hidden (blind mode, double annotation).
 */
import type { SpanRecord } from '@core/model.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { blindRule } from '../team/blind.ts';
import type { BlindState } from './service.ts';

/** The ids of every stored document. */
export async function documentIds(db: WorkbenchDb): Promise<string[]> {
  return (await db.documents.toCollection().primaryKeys()) as string[];
}

/** Articles read per transaction by documentTexts. */
const TEXTS_PER_READ = 500;

/**
 * The texts of `ids` (missing ones left out), read 500 at a time with a
 * task between reads: at 10,000 articles one read of all would hold
 * IndexedDB for seconds (and, in a tab closed meanwhile, delay the next
 * tab's database open).
 */
export async function documentTexts(
  db: WorkbenchDb,
  ids: readonly string[],
): Promise<{ id: string; text: string }[]> {
  const out: { id: string; text: string }[] = [];
  for (let i = 0; i < ids.length; i += TEXTS_PER_READ) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const docs = await db.documents.bulkGet(ids.slice(i, i + TEXTS_PER_READ));
    for (const d of docs) if (d) out.push({ id: d.id, text: d.text });
  }
  return out;
}

/** This analyst's spans everywhere, and the documents they marked done. */
export async function ownAnnotations(
  db: WorkbenchDb,
  selfId: string,
): Promise<{ spans: SpanRecord[]; done: string[] }> {
  const [spans, statuses] = await Promise.all([
    db.spans.where('annotatorId').equals(selfId).toArray(),
    db.statuses.where('annotatorId').equals(selfId).toArray(),
  ]);
  return { spans, done: statuses.filter((s) => s.status === 'done').map((s) => s.docId) };
}

/** Whether an annotator id is a suggester's lane, not a person (core/suggest/types.ts). */
function isSuggesterLane(id: string): boolean {
  return id.startsWith('suggester:');
}

/**
 * Where suggestions are hidden for `selfId` (docs/suggestions.md): every
 * document while the project's blind rule applies to this analyst, and any
 * document where someone else (a colleague, or gold) has spans or a
 * status, or that is assigned to someone else too.
 */
export async function blindState(db: WorkbenchDb, selfId: string): Promise<BlindState> {
  const [rule, keys, statuses, assignments] = await Promise.all([
    blindRule(db),
    db.spans.orderBy('[docId+annotatorId]').uniqueKeys(),
    db.statuses.toArray(),
    db.assignments.toArray(),
  ]);
  const shared = new Set<string>();
  const other = (id: string): boolean => id !== selfId && !isSuggesterLane(id);
  for (const k of keys as unknown as [string, string][]) if (other(k[1])) shared.add(k[0]);
  for (const s of statuses)
    if (other(s.annotatorId) && s.status !== 'not-started') shared.add(s.docId);
  for (const a of assignments) if (a.annotatorIds.some(other)) shared.add(a.docId);
  return { blind: rule !== null, shared };
}
