// Opening files: a file over the limit and a folder are reported by name
// with a reason (not as empty files), and a readable file is read whole.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_OPEN_BYTES, readOpenedFile } from './open-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'stance-open-'));

describe('readOpenedFile', () => {
  it('reads a file within the limit', async () => {
    const path = join(dir, 'article.txt');
    writeFileSync(path, 'قال الوزير');
    const f = await readOpenedFile(path);
    expect(f.name).toBe('article.txt');
    expect(f.error).toBeUndefined();
    expect(new TextDecoder().decode(f.bytes)).toBe('قال الوزير');
  });

  it('says a file over the limit is too large, with both sizes, without reading it', async () => {
    const path = join(dir, 'huge.txt');
    writeFileSync(path, new Uint8Array(3 * 1024 * 1024));
    const f = await readOpenedFile(path, 2 * 1024 * 1024);
    expect(f).toEqual({
      name: 'huge.txt',
      bytes: new Uint8Array(0),
      error: 'too large (3.0 MB; the limit is 2.0 MB)',
    });
    expect(MAX_OPEN_BYTES).toBe(200 * 1024 * 1024);
  });

  it('reports a folder or a missing file instead of failing the batch', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(await readOpenedFile(folder)).toMatchObject({
      name: 'folder',
      error: expect.stringMatching(/^could not be read/),
    });
    expect(await readOpenedFile(join(dir, 'gone.txt'))).toMatchObject({
      error: 'could not be read (ENOENT)',
    });
  });
});
