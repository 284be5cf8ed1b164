/**
 * The document list's rows, read from the database, and kept between
 * starts. Every row is one docMeta row with this analyst's status and span
 * counts; reading them is three reads of 10,000 records at that corpus
 * size, most of a start's time. So the list is also kept whole, in a
 * compact form (a few columns), as a view of the viewCache table
 * (view-cache.ts): a start reads that one record and paints every row, and
 * the record says whether anything the rows come from has changed since it
 * was kept (the project's generation). It is kept from one snapshot (the
 * generation and the three reads in one read-only transaction), so it is
 * exactly what the database held at that generation.
 */
import Dexie from 'dexie';
import type { DocStatus, StatusRecord } from '@core/model.ts';
import type { DocMetaRecord } from './derived.ts';
import type { WorkbenchDb } from './schema.ts';
import { currentGeneration, keepView, readKeptView } from './view-cache.ts';

/** One row of the document list. */
export interface DocumentRow extends DocMetaRecord {
  status: DocStatus;
  /** Spans of this analyst per label key. */
  counts: Record<string, number>;
  spanTotal: number;
}

/** Every document's list fields, in import order, from the small docMeta rows. */
export function readDocMeta(db: WorkbenchDb): Promise<DocMetaRecord[]> {
  return db.docMeta.orderBy('importedAt').toArray();
}

/** This analyst's statuses. */
export function readStatuses(db: WorkbenchDb, annotatorId: string): Promise<StatusRecord[]> {
  return db.statuses.where('annotatorId').equals(annotatorId).toArray();
}

/** Spans of `annotatorId` per document and label, from the spanCounts rows. */
export async function readSpanCounts(
  db: WorkbenchDb,
  annotatorId: string,
): Promise<Map<string, Record<string, number>>> {
  const rows = await db.spanCounts
    .where(':id')
    .between([annotatorId, Dexie.minKey], [annotatorId, Dexie.maxKey])
    .toArray();
  return new Map(rows.map((r) => [r.docId, r.counts]));
}

/** The list rows from the three reads. */
export function toRows(
  docs: readonly DocMetaRecord[],
  statuses: readonly StatusRecord[],
  spans: ReadonlyMap<string, Record<string, number>>,
): DocumentRow[] {
  const statusOf = new Map(statuses.map((s) => [s.docId, s.status]));
  return docs.map((d) => {
    const counts = spans.get(d.id) ?? {};
    const spanTotal = Object.values(counts).reduce((a, b) => a + b, 0);
    // No status yet but spans made: the analyst has started.
    const status = statusOf.get(d.id) ?? (spanTotal > 0 ? 'in-progress' : 'not-started');
    return { ...d, status, counts, spanTotal };
  });
}

/** The key the list of `annotatorId` is kept under. */
export function documentListKey(annotatorId: string): string {
  return `docList:${annotatorId}`;
}

const FORMAT = 'doc-list/1';
const STATUSES = ['not-started', 'in-progress', 'done'] as const satisfies readonly DocStatus[];

/**
 * The kept form: one array per field, which structured clone reads back far
 * faster than 10,000 row objects. Checked by hand when read back (a schema
 * library's per-element checks cost more than the read itself here).
 */
interface KeptList {
  format: typeof FORMAT;
  ids: string[];
  titles: string[];
  /** '' for no lead. */
  leads: string[];
  outlets: (string | null)[];
  dates: (string | null)[];
  importedAt: number[];
  /** Index into STATUSES. */
  statuses: number[];
  /** Null: no spans. */
  counts: (Record<string, number> | null)[];
}

/** The rows in their kept form. */
export function encodeRows(rows: readonly DocumentRow[]): KeptList {
  return {
    format: FORMAT,
    ids: rows.map((r) => r.id),
    titles: rows.map((r) => r.title),
    leads: rows.map((r) => r.lead ?? ''),
    outlets: rows.map((r) => r.outlet),
    dates: rows.map((r) => r.date),
    importedAt: rows.map((r) => r.importedAt),
    statuses: rows.map((r) => STATUSES.indexOf(r.status)),
    counts: rows.map((r) => (r.spanTotal > 0 ? r.counts : null)),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** `value[field]`, if it is an array of `n` elements that all pass `check`. */
function column<T>(
  value: Record<string, unknown>,
  field: string,
  n: number,
  check: (v: unknown) => v is T,
): T[] | null {
  const a = value[field];
  return Array.isArray(a) && a.length === n && a.every(check) ? (a as T[]) : null;
}

/** A row's counts and their total; null when they are not a label → count map. */
function countsOf(v: unknown): { counts: Record<string, number>; total: number } | null {
  if (v === null) return { counts: {}, total: 0 };
  if (typeof v !== 'object' || Array.isArray(v)) return null;
  let total = 0;
  for (const n of Object.values(v)) {
    if (!isCount(n)) return null;
    total += n;
  }
  return { counts: v as Record<string, number>, total };
}

/** Rows back from their kept form; null when it is not one (an older format, a damaged row). */
export function decodeRows(value: unknown): DocumentRow[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.format !== FORMAT || !Array.isArray(v.ids)) return null;
  const n = v.ids.length;
  const ids = column(v, 'ids', n, isString);
  const titles = column(v, 'titles', n, isString);
  const leads = column(v, 'leads', n, isString);
  const outlets = column(v, 'outlets', n, isStringOrNull);
  const dates = column(v, 'dates', n, isStringOrNull);
  const importedAt = column(v, 'importedAt', n, Number.isFinite as (x: unknown) => x is number);
  const statuses = column(
    v,
    'statuses',
    n,
    (x): x is number =>
      Number.isInteger(x) && (x as number) >= 0 && (x as number) < STATUSES.length,
  );
  const counts = column(v, 'counts', n, (_x): _x is unknown => true);
  if (!ids || !titles || !leads || !outlets || !dates || !importedAt || !statuses || !counts)
    return null;
  const rows: DocumentRow[] = new Array<DocumentRow>(n);
  for (let i = 0; i < n; i++) {
    const c = countsOf(counts[i]);
    if (!c) return null;
    const row: DocumentRow = {
      id: ids[i]!,
      title: titles[i]!,
      outlet: outlets[i]!,
      date: dates[i]!,
      importedAt: importedAt[i]!,
      status: STATUSES[statuses[i]!]!,
      counts: c.counts,
      spanTotal: c.total,
    };
    if (leads[i]) row.lead = leads[i];
    rows[i] = row;
  }
  return rows;
}

/** The kept list of `annotatorId`: its rows and whether they are current; null when none is kept. */
export async function readKeptDocumentList(
  db: WorkbenchDb,
  annotatorId: string,
): Promise<{ rows: DocumentRow[]; current: boolean } | null> {
  const { kept } = await readKeptView(db, documentListKey(annotatorId));
  const rows = kept ? decodeRows(kept.value) : null;
  return rows && kept ? { rows, current: kept.current } : null;
}

/**
 * Keeps the list of `annotatorId` as the database holds it now, unless the
 * kept one is current already. Reads the generation and the rows in one
 * read-only transaction (one snapshot), and stores them only if nothing
 * changed meanwhile. Returns whether a new list was kept.
 */
export async function keepDocumentList(db: WorkbenchDb, annotatorId: string): Promise<boolean> {
  const key = documentListKey(annotatorId);
  const snapshot = await db.transaction(
    'r',
    [db.viewCache, db.docMeta, db.statuses, db.spanCounts],
    async () => {
      const [gen, kept] = await Promise.all([currentGeneration(db), db.viewCache.get(key)]);
      if (kept?.gen === gen) return null;
      const [docs, statuses, spans] = await Promise.all([
        readDocMeta(db),
        readStatuses(db, annotatorId),
        readSpanCounts(db, annotatorId),
      ]);
      return { gen, rows: toRows(docs, statuses, spans) };
    },
  );
  if (!snapshot) return false;
  return keepView(db, key, snapshot.gen, encodeRows(snapshot.rows));
}

/**
 * Drops the kept list of `annotatorId` (found not to match the tables,
 * which changed behind the app's back), so it is kept anew.
 */
export async function forgetDocumentList(db: WorkbenchDb, annotatorId: string): Promise<void> {
  await db.viewCache.delete(documentListKey(annotatorId));
}
