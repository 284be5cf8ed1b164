import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportService } from './exports.ts';
import { BackupService } from './backups.ts';

describe('atomic exports', () => {
  it('shows nothing under the final name until commit, then the whole file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-export-'));
    const target = join(dir, 'spans.jsonl');
    const svc = new ExportService();
    const id = await svc.begin(target);
    await svc.write(id, '{"a":1}\n');
    expect(await readdir(dir)).not.toContain('spans.jsonl');
    await svc.write(id, '{"a":2}\n');
    await svc.commit(id);
    expect(await readFile(target, 'utf8')).toBe('{"a":1}\n{"a":2}\n');
    expect(await readdir(dir)).toEqual(['spans.jsonl']);
  });

  it('leaves an existing file untouched when an export is aborted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-export-'));
    const target = join(dir, 'spans.jsonl');
    await writeFile(target, 'old\n');
    const svc = new ExportService();
    const id = await svc.begin(target);
    await svc.write(id, 'half');
    await svc.abort(id);
    expect(await readFile(target, 'utf8')).toBe('old\n');
    expect(await readdir(dir)).toEqual(['spans.jsonl']);
    await expect(svc.write(id, 'x')).rejects.toThrow(/no export in progress/);
  });

  it('keeps only the newest backups', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-backup-'));
    const svc = new BackupService(dir, 2);
    await svc.write('stance-backup-2021-07-01.jsonl', '{"v":1}');
    await svc.write('stance-backup-2021-07-02.jsonl', '{"v":2}');
    await svc.write('stance-backup-2021-07-03.jsonl', '{"v":3}');
    const names = (await svc.list()).map((b) => b.name);
    expect(names).toEqual(['stance-backup-2021-07-03.jsonl', 'stance-backup-2021-07-02.jsonl']);
    expect(await svc.read(names[0]!)).toBe('{"v":3}');
    await expect(svc.write('notes.txt', 'x')).rejects.toThrow(/not a backup file name/);
    await expect(svc.read('notes.txt')).rejects.toThrow(/not a backup file/);
  });
});
