/**
 * Automatic local backups: full-backup files in the user-data folder,
 * written atomically, keeping the newest `keep` of them.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupInfo } from '../../core/host-contract.ts';
import { writeFileAtomic } from './atomic-file.ts';

/** Backup files are `stance-backup-….jsonl`; nothing else there is listed or read. */
const BACKUP_NAME = /^stance-backup-[\w.-]+\.jsonl$/;

export class BackupService {
  constructor(
    private readonly dir: string,
    private readonly keep = 7,
  ) {}

  /** Writes a backup named `name` (`stance-backup-….jsonl`) and prunes old ones. */
  async write(name: string, data: string): Promise<BackupInfo> {
    if (!BACKUP_NAME.test(name)) throw new Error(`${name} is not a backup file name`);
    await mkdir(this.dir, { recursive: true });
    const file = name;
    await writeFileAtomic(join(this.dir, file), data);
    await this.prune();
    const s = await stat(join(this.dir, file));
    return { name: file, size: s.size, modifiedAt: s.mtimeMs };
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
    return infos.sort((a, b) => b.name.localeCompare(a.name));
  }

  async read(name: string): Promise<string> {
    if (!BACKUP_NAME.test(name)) throw new Error(`${name} is not a backup file`);
    return readFile(join(this.dir, name), 'utf8');
  }

  private async prune(): Promise<void> {
    const all = await this.list();
    await Promise.all(all.slice(this.keep).map((b) => rm(join(this.dir, b.name), { force: true })));
  }
}
