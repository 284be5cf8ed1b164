/**
 * Dataset export from the store: builds one record per document per
 * annotator and streams them, in chunks, through a format writer to the
 * host (a temp file renamed into place on desktop, a download in the
 * browser). Chunks are small and the loop yields between them, so 10,000
 * documents export without freezing the UI. Each chunk's tokens are read
 * from those stored with its documents (db/tokens.ts; unpacked lazily, one
 * document at a time, by core's storedTokenCache with the same rule as
 * tokensFor), so the export mostly serialises. A span that fails its quote check aborts
 * the whole export: no partial file is left.
 */
import { ActorIndex, displayName } from '@core/actors/model.ts';
import {
  GOLD_ANNOTATOR_ID,
  type ActorRecord,
  type DocumentRecord,
  type SpanRecord,
  type StatusRecord,
} from '@core/model.ts';
import type { Host } from '@core/host-contract.ts';
import { OUTPUT_FORMAT_INFO, recordWriter, type OutputFormat } from '@core/formats/index.ts';
import type { DatasetRecord, DatasetSpan } from '@core/formats/record.ts';
import { storedTokenCache } from '@core/token-cache.ts';
import type { PackedTokens } from '@core/token-pack.ts';
import Dexie from 'dexie';
import type { WorkbenchDb } from './schema.ts';
import { storedTokensIn, type StoredTokensLookup } from './tokens.ts';

export type { StoredTokensLookup } from './tokens.ts';

/** What to export. */
export interface ExportOptions {
  format: OutputFormat;
  /** Annotator ids to export (self, colleagues, `gold`). */
  annotatorIds: string[];
  /** Label keys to keep; null keeps every label. */
  labels: string[] | null;
  /** Every document, only those the annotator marked done, or a selection of ids. */
  documents: 'all' | 'done' | string[];
  /**
   * Also write a record, with no spans, for each document an annotator
   * (other than gold) neither annotated nor gave a status: otherwise such
   * documents are left out. Gold never gets empty records: a document not
   * adjudicated is not one whose gold has no spans.
   */
  includeUnannotated?: boolean;
}

/** How many of the documents an export covers it writes no record for. */
export interface ExportCoverage {
  /** Documents the chosen set holds (all, done, or the selection). */
  documents: number;
  /** Of those, documents none of the chosen annotators annotated or gave a status. */
  untouched: number;
}

/** Progress of an export: documents processed out of the total. */
export interface ExportProgress {
  done: number;
  total: number;
}

/** What an export wrote. */
export interface ExportSummary {
  path: string;
  records: number;
  spans: number;
}

/** Documents read, built and written per chunk. */
export const DOCS_PER_CHUNK = 200;

/** Lets the browser paint and handle input between chunks. */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The ids of the documents an export covers, in the order it writes them. */
async function documentIds(db: WorkbenchDb, opts: ExportOptions): Promise<string[]> {
  if (Array.isArray(opts.documents)) return [...new Set(opts.documents)].sort();
  if (opts.documents === 'done') {
    const done = await db.statuses.where('status').equals('done').toArray();
    const ids = done.filter((s) => opts.annotatorIds.includes(s.annotatorId)).map((s) => s.docId);
    return [...new Set(ids)].sort();
  }
  return (await db.documents.orderBy(':id').primaryKeys()) as string[];
}

/**
 * How many documents of the export's set no chosen annotator touched (no
 * span, no status), so the export leaves them out unless
 * `includeUnannotated`. Reads span-count keys and status records, not spans.
 */
export async function exportCoverage(
  db: WorkbenchDb,
  opts: Pick<ExportOptions, 'annotatorIds' | 'documents'>,
): Promise<ExportCoverage> {
  const ids = await documentIds(db, { ...opts, format: 'spans', labels: null });
  const touched = new Set<string>();
  for (const a of opts.annotatorIds) {
    // spanCounts has a row per (annotator, document) with spans (derived.ts).
    const keys = await db.spanCounts
      .where('[annotatorId+docId]')
      .between([a, Dexie.minKey], [a, Dexie.maxKey])
      .primaryKeys();
    for (const k of keys) touched.add((k as unknown as [string, string])[1]);
  }
  const statuses = await db.statuses.where('annotatorId').anyOf(opts.annotatorIds).toArray();
  for (const s of statuses) touched.add(s.docId);
  return { documents: ids.length, untouched: ids.filter((id) => !touched.has(id)).length };
}

/**
 * A stored span as a dataset writes it: with its holder actor's id, English
 * name and kind, and its current name as the holder, when it has one
 * (`actors` maps every id, a merged actor's too, to the actor it is now:
 * `ActorIndex.byId`).
 */
export function datasetSpanOf(
  s: SpanRecord,
  actors?: ReadonlyMap<string, ActorRecord>,
): DatasetSpan {
  const out: DatasetSpan = {
    start: s.start,
    end: s.end,
    label: s.label,
    quote: s.quote,
    holder: s.holder,
    note: s.note,
    agreedBy: s.provenance ?? null,
  };
  if (s.holderActorId) {
    const a = actors?.get(s.holderActorId);
    // A merged actor's id is written as the actor it became (`actors` maps it there).
    out.holderActor = {
      id: a?.id ?? s.holderActorId,
      nameEn: a?.nameEn ?? '',
      kind: a?.kind ?? null,
    };
    if (a) out.holder = displayName(a);
  }
  if (s.target) out.target = s.target;
  if (s.attribution) out.attribution = s.attribution;
  return out;
}

/** Builds the records of one chunk of documents (`actors`: for the spans' holder actors). */
export function buildRecords(
  docs: readonly DocumentRecord[],
  spans: readonly SpanRecord[],
  statuses: readonly StatusRecord[],
  opts: ExportOptions,
  actors?: ReadonlyMap<string, ActorRecord>,
): (DatasetRecord & { docId: string; annotatorId: string })[] {
  const labels = opts.labels ? new Set(opts.labels) : null;
  const annotators = [...opts.annotatorIds].sort();
  const key = (docId: string, annotatorId: string): string => `${docId}\u0000${annotatorId}`;
  const statusOf = new Map(statuses.map((s) => [key(s.docId, s.annotatorId), s]));
  const spansOf = new Map<string, SpanRecord[]>();
  for (const s of spans) {
    const k = key(s.docId, s.annotatorId);
    const list = spansOf.get(k);
    if (list) list.push(s);
    else spansOf.set(k, [s]);
  }
  const out: (DatasetRecord & { docId: string; annotatorId: string })[] = [];
  for (const doc of docs) {
    for (const annotatorId of annotators) {
      const status = statusOf.get(key(doc.id, annotatorId));
      if (opts.documents === 'done' && status?.status !== 'done') continue;
      const mine = spansOf.get(key(doc.id, annotatorId)) ?? [];
      const empty = mine.length === 0 && !status;
      if (empty && !(opts.includeUnannotated && annotatorId !== GOLD_ANNOTATOR_ID)) continue;
      out.push({
        docId: doc.id,
        text: doc.text,
        title: doc.title || null,
        date: doc.date,
        source: doc.outlet,
        status: status?.status ?? 'not-started',
        docStance: status?.docStance ?? null,
        annotatorId,
        spans: mine
          .filter((s) => !labels || labels.has(s.label))
          .map((s) => datasetSpanOf(s, actors)),
      });
    }
  }
  return out;
}

/**
 * Writes the export chunk by chunk to `write`. Throws (an ExportRefusal for
 * a bad span) before anything more is written; the caller aborts the sink.
 * Tokens come from `storedTokens` where stored; the bytes are the same as
 * when every text is tokenized.
 */
export async function writeDataset(
  db: WorkbenchDb,
  opts: ExportOptions,
  write: (chunk: string) => Promise<void>,
  onProgress?: (p: ExportProgress) => void,
  storedTokens: StoredTokensLookup = storedTokensIn(db),
): Promise<{ records: number; spans: number }> {
  const ids = await documentIds(db, opts);
  // Every id, a merged actor's too, to the actor it stands for now.
  const actors = new ActorIndex(await db.actors.toArray()).byId;
  const stored = new Map<string, PackedTokens>();
  const writer = recordWriter(
    opts.format,
    storedTokenCache((id) => stored.get(id)),
  );
  let records = 0;
  let spanCount = 0;
  onProgress?.({ done: 0, total: ids.length });
  for (let i = 0; i < ids.length; i += DOCS_PER_CHUNK) {
    const chunkIds = ids.slice(i, i + DOCS_PER_CHUNK);
    const [[docs, spans, statuses], tokens] = await Promise.all([
      db.transaction('r', [db.documents, db.spans, db.statuses], async () =>
        Promise.all([
          db.documents.bulkGet(chunkIds),
          db.spans.where('docId').anyOf(chunkIds).toArray(),
          db.statuses.where('docId').anyOf(chunkIds).toArray(),
        ]),
      ),
      // Documents never change, so their tokens need not be read in the
      // same transaction.
      opts.format === 'spans' || opts.format === 'conll'
        ? storedTokens(chunkIds)
        : Promise.resolve([]),
    ]);
    stored.clear();
    tokens.forEach((t, k) => {
      if (t) stored.set(chunkIds[k]!, t);
    });
    const present = docs.filter((d): d is DocumentRecord => d !== undefined);
    let text = '';
    for (const rec of buildRecords(present, spans, statuses, opts, actors)) {
      text += writer(rec);
      records++;
      spanCount += rec.spans.length;
    }
    if (text) await write(text);
    onProgress?.({ done: Math.min(i + DOCS_PER_CHUNK, ids.length), total: ids.length });
    await yieldToUi();
  }
  return { records, spans: spanCount };
}

/**
 * A file name for an export, e.g. `stance-spans-2026-11-24.jsonl`; gold
 * alone, in spans JSONL, is `stance-gold-2026-11-24.jsonl`.
 */
export function exportFileName(
  format: OutputFormat,
  now = new Date(),
  annotatorIds: readonly string[] = [],
): string {
  const what =
    format === 'spans' && annotatorIds.length === 1 && annotatorIds[0] === GOLD_ANNOTATOR_ID
      ? 'gold'
      : format;
  return `stance-${what}-${now.toISOString().slice(0, 10)}.${OUTPUT_FORMAT_INFO[format].ext}`;
}

/**
 * Runs an export through the host: begin (the analyst picks a file on
 * desktop), write chunks, commit atomically; abort on any failure. Returns
 * null when the analyst cancelled the file dialog.
 */
export async function runExport(
  host: Host,
  db: WorkbenchDb,
  opts: ExportOptions,
  onProgress?: (p: ExportProgress) => void,
): Promise<ExportSummary | null> {
  const handle = await host.exportBegin(exportFileName(opts.format, new Date(), opts.annotatorIds));
  if (!handle) return null;
  try {
    const counts = await writeDataset(db, opts, (c) => host.exportWrite(handle.id, c), onProgress);
    const { path } = await host.exportCommit(handle.id);
    return { path, ...counts };
  } catch (err) {
    await host.exportAbort(handle.id).catch(() => undefined);
    throw err;
  }
}
