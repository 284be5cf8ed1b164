/**
 * Raw IndexedDB operations that run inside a page of one origin, sent there
 * as source text (`webContents.executeJavaScript` in the app, Playwright's
 * `page.evaluate` in the tests). `idbPage` must stay self-contained: no
 * imports, no outer variables. Records travel as text of the codec
 * (codec.ts); schemas and counts as plain JSON. Nothing here creates a
 * database by accident: opening one that does not exist is aborted.
 */
import type { IdbCodec } from './codec.ts';
import { idbCodec } from './codec.ts';
import type { IdbDatabase, IdbGlobals, IdbKey, IdbRequest, IdbTransaction } from './idb-types.ts';

/** An index as `createIndex` takes it. */
export interface IndexSchema {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

/** An object store, its indexes and how many records it holds. */
export interface StoreSchema {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: IndexSchema[];
  count: number;
}

/** A database of an origin, at its native version. */
export interface DbSchema {
  name: string;
  version: number;
  stores: StoreSchema[];
}

/** One batch of records of a store, in key order (codec text of [key, value][]). */
export interface RecordBatch {
  records: string;
  /** Codec text of the last key, to read on after it; null when the store is exhausted. */
  last: string | null;
  n: number;
}

/** The commands a page runs. */
export type PageCommand =
  | { op: 'list' }
  | { op: 'schema'; names: string[] }
  | { op: 'read'; db: string; store: string; after: string | null; limit: number }
  | { op: 'create'; schema: DbSchema }
  | { op: 'write'; db: string; store: string; records: string }
  | { op: 'count'; db: string }
  | { op: 'delete'; names: string[] };

/** Runs one command in the page's origin (self-contained; see the module comment). */
export async function idbPage(codec: IdbCodec, cmd: PageCommand): Promise<unknown> {
  const { indexedDB, IDBKeyRange } = globalThis as unknown as IdbGlobals;
  const done = <T>(r: IdbRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('request failed'));
    });
  const finished = (tx: IdbTransaction): Promise<void> =>
    new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
  const open = (name: string, version?: number, schema?: DbSchema): Promise<IdbDatabase> =>
    new Promise((resolve, reject) => {
      const r = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
      let refused: string | null = null;
      r.onupgradeneeded = (e) => {
        const tx = r.transaction!;
        if (!schema) refused = `database ${name} does not exist`;
        else if (e.oldVersion !== 0) refused = `database ${name} already exists here`;
        if (refused || !schema) {
          tx.abort();
          return;
        }
        const db = r.result;
        for (const s of schema.stores) {
          const store = db.createObjectStore(s.name, {
            keyPath: s.keyPath,
            autoIncrement: s.autoIncrement,
          });
          for (const i of s.indexes)
            store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
        }
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(refused ?? String(r.error ?? `cannot open ${name}`)));
    });
  const using = async <T>(db: IdbDatabase, fn: (db: IdbDatabase) => Promise<T>): Promise<T> => {
    try {
      return await fn(db);
    } finally {
      db.close();
    }
  };

  switch (cmd.op) {
    case 'list':
      return (await indexedDB.databases())
        .filter((d) => typeof d.name === 'string')
        .map((d) => ({ name: d.name!, version: d.version ?? 0 }));
    case 'schema': {
      const out: DbSchema[] = [];
      for (const name of cmd.names) {
        out.push(
          await using(await open(name), async (db) => {
            const names = Array.from(db.objectStoreNames);
            if (names.length === 0) return { name, version: db.version, stores: [] };
            const tx = db.transaction(names, 'readonly');
            const stores = await Promise.all(
              names.map(async (n): Promise<StoreSchema> => {
                const s = tx.objectStore(n);
                const indexes = Array.from(s.indexNames).map((i) => {
                  const ix = s.index(i);
                  return {
                    name: i,
                    keyPath: ix.keyPath,
                    unique: ix.unique,
                    multiEntry: ix.multiEntry,
                  };
                });
                const count = await done(s.count());
                return {
                  name: n,
                  keyPath: s.keyPath,
                  autoIncrement: s.autoIncrement,
                  indexes,
                  count,
                };
              }),
            );
            return { name, version: db.version, stores };
          }),
        );
      }
      return out;
    }
    case 'read':
      return using(await open(cmd.db), async (db) => {
        const s = db.transaction(cmd.store, 'readonly').objectStore(cmd.store);
        const range =
          cmd.after === null
            ? undefined
            : IDBKeyRange.lowerBound(codec.decode(cmd.after) as IdbKey, true);
        const [keys, values] = await Promise.all([
          done(s.getAllKeys(range, cmd.limit)),
          done(s.getAll(range, cmd.limit)),
        ]);
        const batch: RecordBatch = {
          records: codec.encode(keys.map((k, i) => [k, values[i]])),
          last: keys.length === cmd.limit ? codec.encode(keys[keys.length - 1]) : null,
          n: keys.length,
        };
        return batch;
      });
    case 'create':
      (await open(cmd.schema.name, cmd.schema.version, cmd.schema)).close();
      return null;
    case 'write':
      return using(await open(cmd.db), async (db) => {
        const tx = db.transaction(cmd.store, 'readwrite', { durability: 'strict' });
        const s = tx.objectStore(cmd.store);
        const inline = s.keyPath !== null;
        for (const [k, v] of codec.decode(cmd.records) as [IdbKey, unknown][]) {
          if (inline) s.put(v);
          else s.put(v, k);
        }
        await finished(tx);
        return null;
      });
    case 'count':
      return using(await open(cmd.db), async (db) => {
        const names = Array.from(db.objectStoreNames);
        if (names.length === 0) return {};
        const tx = db.transaction(names, 'readonly');
        const counts = await Promise.all(names.map((n) => done(tx.objectStore(n).count())));
        return Object.fromEntries(names.map((n, i) => [n, counts[i]]));
      });
    case 'delete':
      for (const name of cmd.names) await done(indexedDB.deleteDatabase(name));
      return null;
  }
}

/** The source text that runs `cmd` in a page and evaluates to its result. */
export function pageScript(cmd: PageCommand): string {
  return `(${idbPage.toString()})((${idbCodec.toString()})(), ${JSON.stringify(cmd)})`;
}
