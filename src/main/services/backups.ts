/**
 * Automatic local backups: full-backup files in the user-data folder,
 * written atomically, keeping the newest `keep` of them.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_NAME, backupsToPrune, KEEP_PER_KIND } from '../../core/backup-names.ts';
import type { BackupInfo } from '../../core/host-contract.ts';
import { AtomicFileWriter } from './atomic-file.ts';

export class BackupService {
  constructor(
    private readonly dir: string,
    private readonly keep = KEEP_PER_KIND,
  ) {}

  /**
   * Writes a backup named `name` (`stance-backup-….jsonl`) and prunes the
   * oldest of its kind. Only backup names are ever listed, read or deleted.
   */
  async write(name: string, data: string): Promise<BackupInfo> {
    return this.writeWith(name, (write) => write(data));
  }

  /**
   * Writes a backup named `name` chunk by chunk: `fill` calls `write` for
   * each chunk. The file appears whole once `fill` resolves, or not at all
   * if it rejects (atomic-file.ts); then the oldest of its kind are pruned.
   */
  async writeWith(
    name: string,
    fill: (write: (chunk: string) => Promise<void>) => Promise<void>,
  ): Promise<BackupInfo> {
    if (!BACKUP_NAME.test(name)) throw new Error(`${name} is not a backup file name`);
    await mkdir(this.dir, { recursive: true });
    const w = await AtomicFileWriter.open(join(this.dir, name));
    try {
      await fill((chunk) => w.write(chunk));
      await w.commit();
    } catch (err) {
      await w.abort();
      throw err;
    }
    await this.prune();
    const s = await stat(join(this.dir, name));
    return { name, size: s.size, modifiedAt: s.mtimeMs };
  }

  /** Backups, newest first. */
  async list(): Promise<BackupInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const infos = await Promise.all(
      names
        .filter((n) => BACKUP_NAME.test(n))
        .map(async (n) => {
          const s = await stat(join(this.dir, n));
          return { name: n, size: s.size, modifiedAt: s.mtimeMs };
        }),
    );
    return infos.sort((a, b) => b.modifiedAt - a.modifiedAt || b.name.localeCompare(a.name));
  }

  async read(name: string): Promise<string> {
    if (!BACKUP_NAME.test(name)) throw new Error(`${name} is not a backup file`);
    return readFile(join(this.dir, name), 'utf8');
  }

  private async prune(): Promise<void> {
    const gone = backupsToPrune(await this.list(), this.keep);
    await Promise.all(gone.map((name) => rm(join(this.dir, name), { force: true })));
  }
}
