/**
 * Writes files so that a reader never sees half of one: data goes to a
 * temporary file beside the target, is fsynced, then renamed over it.
 * Replacing a file keeps its permissions (a 0600 file stays 0600). Used by
 * exports, backups and `stance convert -o`.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file being written; invisible under its final name until `commit`. */
export class AtomicFileWriter {
  private constructor(
    readonly target: string,
    private readonly tmp: string,
    private handle: FileHandle | null,
  ) {}

  /**
   * Opens a temporary file next to `target`, with the permissions of the
   * file it will replace (0644 less the umask for a new file).
   */
  static async open(target: string): Promise<AtomicFileWriter> {
    const tmp = join(dirname(target), `.${basename(target)}.${randomUUID()}.partial`);
    const existing = await stat(target).catch(() => null);
    const handle = await open(tmp, 'wx', 0o644);
    if (existing?.isFile()) await handle.chmod(existing.mode & 0o7777);
    return new AtomicFileWriter(target, tmp, handle);
  }

  /** The temporary file's path, to remove it if the process is stopped midway. */
  get partialPath(): string {
    return this.tmp;
  }

  /** Appends a chunk. */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (!this.handle) throw new Error(`export to ${this.target} is already closed`);
    if (typeof chunk === 'string') await this.handle.write(chunk);
    else await this.handle.write(chunk);
  }

  /** fsyncs, closes and renames the file into place. */
  async commit(): Promise<string> {
    if (!this.handle) throw new Error(`export to ${this.target} is already closed`);
    const h = this.handle;
    this.handle = null;
    await h.sync();
    await h.close();
    await rename(this.tmp, this.target);
    await syncDir(dirname(this.target));
    return this.target;
  }

  /** Drops the temporary file; the target is untouched. */
  async abort(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    if (h) await h.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
  }
}

/** Writes `data` to `target` atomically in one call. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const w = await AtomicFileWriter.open(target);
  try {
    await w.write(data);
    await w.commit();
  } catch (err) {
    await w.abort();
    throw err;
  }
}

async function syncDir(dir: string): Promise<void> {
  // Persist the rename itself. Not supported on Windows; harmless to skip.
  if (process.platform === 'win32') return;
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}
