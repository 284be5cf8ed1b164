/**
 * Reads the files the analyst picks in the open dialog, one by one, so that
 * one file too large or unreadable is reported by name while the others are
 * still imported (main process only: it reads the disk).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HostFile } from '../core/host-contract.ts';
import { MAX_OPEN_BYTES } from '../core/limits.ts';

/** Files over this size (200 MB, shared with the CLI: src/core/limits.ts) are refused before they are read. */
export { MAX_OPEN_BYTES };

/**
 * Reads one file the analyst opened. A file over `limit` is not read and an
 * unreadable one does not fail the others: either comes back with empty
 * bytes and an `error` the import report shows for that file.
 */
export async function readOpenedFile(path: string, limit = MAX_OPEN_BYTES): Promise<HostFile> {
  const name = basename(path);
  try {
    const s = await stat(path);
    if (s.size > limit) {
      const mb = (n: number): string => (n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
      return {
        name,
        bytes: new Uint8Array(0),
        error: `too large (${mb(s.size)} MB; the limit is ${mb(limit)} MB)`,
      };
    }
    return { name, bytes: new Uint8Array(await readFile(path)) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'it is a folder' : (code ?? String(err));
    return { name, bytes: new Uint8Array(0), error: `could not be read (${why})` };
  }
}
