/**
 * Streams exports from the renderer to disk: begin (a dialog picked the
 * path), write chunks, then commit atomically or abort. No export ever
 * leaves a half-written file under its final name, and `dispose` (run when
 * the app quits) removes the hidden `.partial` files of exports still open.
 */
import { randomUUID } from 'node:crypto';
import { AtomicFileWriter } from './atomic-file.ts';

const QUITTING = 'the app is quitting: no new export is started';

export class ExportService {
  private readonly open = new Map<string, AtomicFileWriter>();
  /** Opens and commits under way, which `dispose` waits for. */
  private readonly busy = new Set<Promise<unknown>>();
  private disposed = false;

  /** Starts writing to `target`; returns the id the renderer writes with. */
  async begin(target: string): Promise<string> {
    this.assertOpen();
    const id = randomUUID();
    const opened = this.track(
      (async () => {
        const w = await AtomicFileWriter.open(target);
        // The app began quitting while the file was being created.
        if (this.disposed) {
          await w.abort();
          return false;
        }
        this.open.set(id, w);
        return true;
      })(),
    );
    if (!(await opened)) throw new Error(QUITTING);
    return id;
  }

  async write(id: string, chunk: string): Promise<void> {
    await this.get(id).write(chunk);
  }

  async commit(id: string): Promise<string> {
    const w = this.get(id);
    this.open.delete(id);
    return this.track(
      (async () => {
        try {
          return await w.commit();
        } catch (err) {
          await w.abort();
          throw err;
        }
      })(),
    );
  }

  async abort(id: string): Promise<void> {
    const w = this.open.get(id);
    this.open.delete(id);
    await w?.abort();
  }

  /** Aborts every export still open (window closed mid-export). */
  async abortAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.abort(id)));
  }

  /**
   * For quitting: refuses new exports, lets commits under way finish, and
   * aborts every open export, deleting its partial file. The exported files
   * already committed stay.
   */
  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.allSettled([...this.busy]);
    await this.abortAll();
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.busy.add(p);
    const done = (): void => void this.busy.delete(p);
    p.then(done, done);
    return p;
  }

  private assertOpen(): void {
    if (this.disposed) throw new Error(QUITTING);
  }

  private get(id: string): AtomicFileWriter {
    const w = this.open.get(id);
    if (!w) throw new Error(`no export in progress with id ${id}`);
    return w;
  }
}
