import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupKind, backupName } from '../../core/backup-names.ts';
import { BackupService } from './backups.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('BackupService', () => {
  it('keeps the newest of each kind and never lists or reads other files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-backups-'));
    dirs.push(dir);
    await writeFile(join(dir, 'notes.txt'), 'not a backup');
    const service = new BackupService(dir, 3);
    await service.write(backupName('daily', new Date(Date.UTC(2021, 6, 1))), 'daily');
    for (let i = 0; i < 5; i++)
      await service.write(backupName('manual', new Date(Date.UTC(2021, 6, 2, i))), `manual ${i}`);

    const kept = await service.list();
    expect(kept.map((b) => backupKind(b.name)).sort()).toEqual([
      'daily',
      'manual',
      'manual',
      'manual',
    ]);
    expect(await service.read(kept.find((b) => backupKind(b.name) === 'daily')!.name)).toBe(
      'daily',
    );
    await expect(service.read('notes.txt')).rejects.toThrow(/not a backup file/);
  });
});
