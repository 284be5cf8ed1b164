/**
 * The local copy of a project is one IndexedDB database per server,
 * project and user, so two engines may share one: two tabs of the web
 * build, or (in tests) two profiles of one analyst in one browser. The push
 * direction of a first sync starts at the copy's sequence once the first
 * pull has caught up, a promise to PouchDB that the server has everything
 * below it; that holds only if nothing but the pull replicator wrote into
 * the copy meanwhile. Another engine's pusher writing its own changes
 * there, or its own first sync making the same promise over them, breaks
 * it: its changes are then skipped by both push replicators (they share
 * the checkpoint) and never reach the server.
 *
 * So engines of one copy take turns, with the Web Locks API (shared by the
 * tabs of one origin): an engine holds the copy's lock from before it looks
 * at the copy until its push direction has started; a second engine waits
 * meanwhile. Without the API there is no lock and no deferred push.
 */

/** A held lock on a local copy. */
export interface CopyLock {
  release(): void;
}

/**
 * Waits for the lock on the local copy `name`; null where the browser has
 * no Web Locks. Rejects if `signal` aborts first.
 */
export function lockCopy(name: string, signal: AbortSignal): Promise<CopyLock | null> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return Promise.resolve(null);
  return new Promise<CopyLock>((resolve, reject) => {
    locks
      .request(
        `stance-team-copy:${name}`,
        { signal },
        () => new Promise<void>((release) => resolve({ release: () => release() })),
      )
      .catch(reject);
  });
}
