/**
 * Views kept between visits. Some screens compute over the whole project
 * (the Analysis view reads every span fact: seconds at 100,000 spans). A
 * screen stores what it paints first (a summary, e.g.
 * core/actors/analysis-summary.ts) with the project's *generation*, a token
 * this module's middleware replaces in the same transaction as every write
 * to the tables views are computed from. So a kept view knows whether it is
 * current: the screen paints a current one as it is, and an older one
 * marked as being brought up to date (never passed off as current) while it
 * computes. Rows are derived: never backed up, cleared on restore.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { WorkbenchDb } from './schema.ts';
import { docsOfMutation, KEPT_CHANGES, type ViewChangeRecord } from './view-changes.ts';

/** A row of the viewCache table: the generation row, or one stored view. */
export interface ViewCacheRecord {
  /** `gen`, or the view's key (its name and parameters). */
  key: string;
  /** The generation the view was computed at (the gen row: the current one). */
  gen: string;
  value?: unknown;
  /** When it was kept (ms since the epoch); the oldest views are dropped. */
  keptAt?: number;
}

/** A kept view, and whether nothing it was computed from has changed since. */
export interface KeptView {
  value: unknown;
  current: boolean;
}

/** How many views are kept (one per screen and filter); older ones are dropped. */
export const MAX_KEPT_VIEWS = 16;

const GEN = 'gen';

/** The tables a kept view may be computed from: a write to any makes a new generation. */
export const VIEW_SOURCE_TABLES: readonly string[] = [
  'documents',
  'docMeta',
  'spans',
  'spanFacts',
  'statuses',
  'actors',
  'labels',
  'annotators',
  'docTokens',
  'tokenSets',
  'lineTokens',
];

/**
 * Settings rows views count: gold's rejected proposals (`goldRejected:`,
 * db/gold.ts), which the agreement dashboard's adjudication state reads.
 * Other settings (language, font size, the open document…) change no view.
 */
export const VIEW_SOURCE_SETTINGS: readonly string[] = ['goldRejected:'];

/** True when a mutation of `settings` touches a row some view counts. */
function touchesViewSettings(req: DBCoreMutateRequest): boolean {
  const counts = (key: unknown): boolean =>
    typeof key === 'string' && VIEW_SOURCE_SETTINGS.some((p) => key.startsWith(p));
  if (req.type === 'deleteRange') return true;
  if (req.type === 'delete') return req.keys.some(counts);
  return req.values.some((v) => counts((v as { key?: unknown } | null)?.key));
}

/** A new generation token (unique: never equal to an earlier one). */
function newGen(): string {
  return crypto.randomUUID();
}

/** DBCoreRangeType.Range. */
const RANGE = 2;

/**
 * The middleware: a read-write transaction over any source table also
 * takes in viewCache and viewChanges, and every mutation of a source table
 * (or of a settings row some view counts) writes a new generation, and
 * which documents it touched (view-changes.ts), before resolving, so the
 * change and the new generation commit together or not at all. It sits
 * below the derived middleware (schema.ts), so it sees the span facts rows
 * that middleware writes, named by document.
 */
export const viewCacheMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ViewCache',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === 'viewCache')) return {};
    const watched = new Set([...VIEW_SOURCE_TABLES, 'settings']);
    const logged = down.schema.tables.some((t) => t.name === 'viewChanges');
    const kept = logged ? ['viewCache', 'viewChanges'] : ['viewCache'];
    return {
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.some((s) => watched.has(s))
            ? [...stores, ...kept.filter((t) => !stores.includes(t))]
            : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!watched.has(name)) return table;
        const cache = down.table('viewCache');
        const log = logged ? down.table('viewChanges') : null;
        const record = (req: DBCoreMutateRequest): Promise<unknown> => {
          const gen = newGen();
          const put = cache.mutate({
            trans: req.trans,
            type: 'put',
            values: [{ key: GEN, gen } satisfies ViewCacheRecord],
          });
          if (!log) return put;
          const row: ViewChangeRecord = { gen, table: name, docs: docsOfMutation(table, req) };
          return put
            .then(() => log.mutate({ trans: req.trans, type: 'add', values: [row] }))
            .then((res) => {
              // Now and then, the rows older than the last KEPT_CHANGES go.
              const seq = res.results?.[0];
              if (typeof seq !== 'number' || seq % 256 !== 0 || seq <= KEPT_CHANGES) return;
              return log.mutate({
                trans: req.trans,
                type: 'deleteRange',
                range: {
                  type: RANGE,
                  lower: 0,
                  lowerOpen: false,
                  upper: seq - KEPT_CHANGES,
                  upperOpen: true,
                },
              });
            });
        };
        return {
          ...table,
          mutate: (req) =>
            table
              .mutate(req)
              .then((res) =>
                name === 'settings' && !touchesViewSettings(req)
                  ? res
                  : record(req).then(() => res),
              ),
        };
      },
    };
  },
};

/**
 * The current generation, within the caller's transaction (which must
 * include viewCache): read it in the same transaction as the rows a view is
 * computed from, and store the view with it.
 */
export async function currentGeneration(db: WorkbenchDb): Promise<string> {
  const row = await db.viewCache.get(GEN);
  // A profile never written since version 13 has no generation row yet.
  return row?.gen ?? 'initial';
}

/** The view stored under `key`, if any, whether it is current, and the current generation. */
export async function readKeptView(
  db: WorkbenchDb,
  key: string,
): Promise<{ kept: KeptView | undefined; gen: string }> {
  return db.transaction('r', db.viewCache, async () => {
    const [gen, kept] = await Promise.all([currentGeneration(db), db.viewCache.get(key)]);
    return {
      kept: kept && key !== GEN ? { value: kept.value, current: kept.gen === gen } : undefined,
      gen,
    };
  });
}

/**
 * Stores `value` as the view under `key`, computed at generation `gen`.
 * Nothing is stored if the project has changed since (a newer computation
 * follows). Keeps at most MAX_KEPT_VIEWS views, the most recent.
 */
export async function keepView(
  db: WorkbenchDb,
  key: string,
  gen: string,
  value: unknown,
): Promise<boolean> {
  if (key === GEN) throw new Error(`"${GEN}" is not a view's key`);
  return db.transaction('rw', db.viewCache, async () => {
    if ((await currentGeneration(db)) !== gen) return false;
    await db.viewCache.put({ key, gen, value, keptAt: Date.now() });
    // The keys first: views are large (the dashboard's counts are megabytes),
    // and read whole only when some must go.
    if ((await db.viewCache.count()) <= MAX_KEPT_VIEWS + 1) return true;
    const views = (await db.viewCache.toArray()).filter((r) => r.key !== GEN);
    if (views.length > MAX_KEPT_VIEWS) {
      views.sort((a, b) => (b.keptAt ?? 0) - (a.keptAt ?? 0));
      await db.viewCache.bulkDelete(views.slice(MAX_KEPT_VIEWS).map((r) => r.key));
    }
    return true;
  });
}

/**
 * The current generation, read outside Dexie (a native IndexedDB read), so
 * a live query that calls it does not re-run at every write anywhere. Call
 * it before reading a view's rows, and keep the view with it (keepView
 * refuses it if anything changed in between).
 */
export function untrackedGeneration(db: WorkbenchDb): Promise<string> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction('viewCache', 'readonly');
    const req = tx.objectStore('viewCache').get(GEN);
    req.onsuccess = () => resolve((req.result as ViewCacheRecord | undefined)?.gen ?? 'initial');
    req.onerror = () => reject(req.error ?? new Error('reading the generation failed'));
  });
}
