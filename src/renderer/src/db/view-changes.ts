/**
 * Which documents changed since a generation. A kept view (view-cache.ts)
 * knows only whether anything changed since it was computed; a view whose
 * figures are sums over documents (the agreement dashboard's tallies) can
 * instead recount just the documents that changed. So with every new
 * generation the view-cache middleware appends a row here, in the same
 * transaction as the write: the table written and the documents it touched.
 * Rows are derived (never backed up, cleared on restore) and only the last
 * few thousand are kept: a view older than that is computed afresh.
 */
import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type { WorkbenchDb } from './schema.ts';

/** A row of the viewChanges table: one write's table and documents. */
export interface ViewChangeRecord {
  /** Auto-incremented: the order of the writes. */
  seq?: number;
  /** The generation this write made (view-cache.ts). */
  gen: string;
  table: string;
  /** The documents written; null when they cannot be told (a range delete). */
  docs: string[] | null;
}

/** How many rows are kept; a view computed before the oldest is computed afresh. */
export const KEPT_CHANGES = 4096;

/** The tables whose rows are about documents (the others touch none, even cleared). */
const DOC_TABLES = new Set([
  'documents',
  'docMeta',
  'docTokens',
  'spanFacts',
  'statuses',
  'lineTokens',
  'tokenSets',
  'spans',
  'settings',
]);

/** Prefix of the settings rows that are about one document (db/gold.ts's rejected proposals). */
const DOC_SETTINGS = 'goldRejected:';

/**
 * The documents a mutation of `table` touches: tables keyed by document id,
 * by [docId, …], spans by their values' docId (a span delete names only
 * span ids, but the span facts row of its document is written in the same
 * transaction, derived.ts, and logged), the settings rows of one document.
 * Tables not about documents (labels, actors, annotators) touch none.
 */
export function docsOfMutation(table: DBCoreTable, req: DBCoreMutateRequest): string[] | null {
  const name = table.name;
  if (!DOC_TABLES.has(name)) return [];
  if (req.type === 'deleteRange') return null;
  const keys: unknown[] =
    req.type === 'delete'
      ? req.keys
      : (req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey?.(v)));
  const strings = (xs: unknown[]): string[] =>
    [...new Set(xs)].filter((x): x is string => typeof x === 'string');
  switch (name) {
    case 'documents':
    case 'docMeta':
    case 'docTokens':
    case 'spanFacts':
      return strings(keys);
    case 'statuses':
    case 'lineTokens':
    case 'tokenSets':
      return strings(keys.map((k) => (Array.isArray(k) ? k[0] : undefined)));
    case 'spans':
      return req.type === 'delete'
        ? []
        : strings(req.values.map((v) => (v as { docId?: unknown } | null)?.docId));
    case 'settings':
      return strings(
        keys.map((k) =>
          typeof k === 'string' && k.startsWith(DOC_SETTINGS)
            ? k.slice(DOC_SETTINGS.length)
            : undefined,
        ),
      );
    default:
      return [];
  }
}

/** What changed since a generation: each write's table and documents, oldest first. */
export interface ChangesSince {
  /** The current generation (the changes lead up to it). */
  gen: string;
  changes: { table: string; docs: string[] | null }[];
}

/**
 * The writes since generation `gen`, read in one transaction with the
 * current generation; null when they cannot be told (`gen` is older than
 * the rows kept, or from before this table).
 */
export async function changesSince(db: WorkbenchDb, gen: string): Promise<ChangesSince | null> {
  return db.transaction('r', db.viewCache, db.viewChanges, async () => {
    const now = (await db.viewCache.get('gen'))?.gen ?? 'initial';
    if (now === gen) return { gen, changes: [] };
    const from = await db.viewChanges.where('gen').equals(gen).first();
    if (from?.seq === undefined) return null;
    const rows = await db.viewChanges.where('seq').above(from.seq).toArray();
    return { gen: now, changes: rows.map((r) => ({ table: r.table, docs: r.docs })) };
  });
}
