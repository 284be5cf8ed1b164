// Opening files: a file over the limit, a folder, a named pipe and a device
// are reported by name with a reason (not as empty files, and without
// hanging on the pipe or reading the device forever), and a readable file
// is read whole.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostFile } from '../core/host-contract.ts';
import { problemText } from '../core/problems/problem.ts';
import { MAX_OPEN_BYTES, readOpenedFile } from './open-files.ts';

/** `f` with its error in English words (as the CLI and an English interface put it). */
const english = (f: HostFile) => (f.error ? { ...f, error: problemText(f.error) } : f);

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
    expect(f.error).toEqual({
      code: 'hostFile.tooLarge',
      values: { size: { bytes: 3 * 1024 * 1024 }, limit: { bytes: 2 * 1024 * 1024 } },
    });
    expect(english(f)).toEqual({
      name: 'huge.txt',
      bytes: new Uint8Array(0),
      error: 'too large (3 MB; the limit is 2 MB)',
    });
    expect(MAX_OPEN_BYTES).toBe(200 * 1024 * 1024);
  });

  it('reports a folder or a missing file instead of failing the batch', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(english(await readOpenedFile(folder))).toMatchObject({
      name: 'folder',
      error: 'could not be read (it is a folder: open or drop the files inside it)',
    });
    expect(english(await readOpenedFile(join(dir, 'gone.txt')))).toMatchObject({
      error:
        'could not be read: the file or folder does not exist; it may have been moved, renamed or deleted (ENOENT)',
    });
  });

  it.runIf(process.platform !== 'win32')(
    'refuses a named pipe without waiting for a writer, even through a link',
    async () => {
      const fifo = join(dir, 'articles.txt');
      execFileSync('mkfifo', [fifo]);
      expect(english(await readOpenedFile(fifo))).toEqual({
        name: 'articles.txt',
        bytes: new Uint8Array(0),
        error: 'could not be read (it is a named pipe, not a file)',
      });
      const link = join(dir, 'link-to-pipe.jsonl');
      symlinkSync(fifo, link);
      expect(english(await readOpenedFile(link))).toMatchObject({
        name: 'link-to-pipe.jsonl',
        error: 'could not be read (it is a named pipe, not a file)',
      });
    },
  );

  it.runIf(process.platform === 'linux')('refuses a device such as /dev/zero', async () => {
    expect(english(await readOpenedFile('/dev/zero'))).toEqual({
      name: 'zero',
      bytes: new Uint8Array(0),
      error: 'could not be read (it is a device, not a file)',
    });
  });

  it('reads a file through a symbolic link', async () => {
    const target = join(dir, 'target.html');
    writeFileSync(target, '<p>خبر</p>');
    symlinkSync(target, join(dir, 'alias.html'));
    const f = await readOpenedFile(join(dir, 'alias.html'));
    expect(f.error).toBeUndefined();
    expect(new TextDecoder().decode(f.bytes)).toBe('<p>خبر</p>');
  });
});
