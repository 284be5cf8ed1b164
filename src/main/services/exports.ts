/**
 * Streams exports from the renderer to disk: begin (a dialog picked the
 * path), write chunks, then commit atomically or abort. No export ever
 * leaves a half-written file under its final name.
 */
import { randomUUID } from 'node:crypto';
import { AtomicFileWriter } from './atomic-file.ts';

export class ExportService {
  private readonly open = new Map<string, AtomicFileWriter>();

  /** Starts writing to `target`; returns the id the renderer writes with. */
  async begin(target: string): Promise<string> {
    const id = randomUUID();
    this.open.set(id, await AtomicFileWriter.open(target));
    return id;
  }

  async write(id: string, chunk: string): Promise<void> {
    await this.get(id).write(chunk);
  }

  async commit(id: string): Promise<string> {
    const w = this.get(id);
    this.open.delete(id);
    try {
      return await w.commit();
    } catch (err) {
      await w.abort();
      throw err;
    }
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

  private get(id: string): AtomicFileWriter {
    const w = this.open.get(id);
    if (!w) throw new Error(`no export in progress with id ${id}`);
    return w;
  }
}
