// Quitting mid-export: disposing the export service deletes the hidden
// partial files of open exports, lets a commit under way land, keeps
// files already exported, and refuses new exports.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportService } from './exports.ts';

const dirs: string[] = [];
async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stance-exports-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('ExportService.dispose', () => {
  it('deletes the partial files of open exports and leaves existing files alone', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'spans.jsonl'), 'yesterday\n');
    const svc = new ExportService();
    const a = await svc.begin(join(dir, 'spans.jsonl'));
    const b = await svc.begin(join(dir, 'documents.jsonl'));
    await svc.write(a, '{"half":');
    await svc.write(b, '{"doc":1}\n');
    expect((await readdir(dir)).filter((n) => n.endsWith('.partial'))).toHaveLength(2);

    await svc.dispose();

    expect(await readdir(dir)).toEqual(['spans.jsonl']);
    expect(await readFile(join(dir, 'spans.jsonl'), 'utf8')).toBe('yesterday\n');
    await expect(svc.write(a, 'more')).rejects.toThrow(/no export in progress/);
  });

  it('refuses to start an export once disposed, writing nothing', async () => {
    const dir = await folder();
    const svc = new ExportService();
    await svc.dispose();
    await expect(svc.begin(join(dir, 'late.jsonl'))).rejects.toThrow(/quitting/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('cleans up an export whose file was being created as the app quit', async () => {
    const dir = await folder();
    const svc = new ExportService();
    const starting = svc.begin(join(dir, 'racing.jsonl'));
    const disposing = svc.dispose();
    await expect(starting).rejects.toThrow(/quitting/);
    await disposing;
    expect(await readdir(dir)).toEqual([]);
  });

  it('lets a commit under way finish, so a finished export is kept whole', async () => {
    const dir = await folder();
    const svc = new ExportService();
    const id = await svc.begin(join(dir, 'done.jsonl'));
    await svc.write(id, '{"a":1}\n');
    const committing = svc.commit(id);
    await svc.dispose();
    await expect(committing).resolves.toBe(join(dir, 'done.jsonl'));
    expect(await readdir(dir)).toEqual(['done.jsonl']);
    expect(await readFile(join(dir, 'done.jsonl'), 'utf8')).toBe('{"a":1}\n');
  });
});
