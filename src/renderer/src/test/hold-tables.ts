/**
 * Holding tables of a real IndexedDB database in browser tests, to make a
 * slow disk happen on demand: a read-write transaction over `tables`, kept
 * open from a second connection, makes every later transaction that
 * touches them wait (IndexedDB runs overlapping read-write scopes in the
 * order they were created) until the test lets go. Races between a write
 * and what the analyst does meanwhile can then be tested deterministically,
 * without timers.
 */

/** A hold on some tables; `release` ends it and resolves once it has ended. */
export interface TableHold {
  release(): Promise<void>;
}

/** Holds `tables` of database `name` until `release` is called. */
export async function holdTables(name: string, tables: readonly string[]): Promise<TableHold> {
  const conn = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(`opening ${name} failed`));
  });
  const tx = conn.transaction([...tables], 'readwrite');
  const store = tx.objectStore(tables[0]!);
  let held = true;
  // A transaction ends when no request is pending: keep one pending.
  const keepAlive = (): void => {
    if (held) store.count().onsuccess = keepAlive;
  };
  keepAlive();
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('the hold was aborted'));
  });
  return {
    release: async () => {
      held = false;
      await done;
      conn.close();
    },
  };
}
