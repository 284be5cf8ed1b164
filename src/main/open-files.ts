/**
 * Reads the files the analyst picks in the open dialog, one by one, so that
 * one file too large or unreadable is reported by name while the others are
 * still imported (main process only: it reads the disk). Only regular files
 * are read: a named pipe would block forever and a device such as
 * /dev/zero never ends, so both are refused before a byte is read.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HostFile } from '../core/host-contract.ts';

/** Files over this size are refused before they are read. */
export const MAX_OPEN_BYTES = 200 * 1024 * 1024;

/** What a path is, in words, when it is not a regular file. */
function notAFile(s: Stats): string {
  if (s.isDirectory()) return 'it is a folder';
  if (s.isFIFO()) return 'it is a named pipe, not a file';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'it is a device, not a file';
  if (s.isSocket()) return 'it is a socket, not a file';
  return 'it is not a regular file';
}

const mb = (n: number): string => (n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);

function failed(name: string, error: string): HostFile {
  return { name, bytes: new Uint8Array(0), error };
}

/**
 * Reads one file the analyst opened. A file over `limit`, or anything but a
 * regular file, is not read, and an unreadable one does not fail the others:
 * each comes back with empty bytes and an `error` the import report shows
 * next to the file's name.
 *
 * The path is checked with `stat`, then opened without blocking (a pipe
 * swapped in meanwhile cannot hang the open) and checked again on the open
 * descriptor, which must be the same regular file; a file that changes size
 * while it is read is refused rather than cut.
 */
export async function readOpenedFile(path: string, limit = MAX_OPEN_BYTES): Promise<HostFile> {
  const name = basename(path);
  let handle: FileHandle | null = null;
  try {
    const before = await stat(path);
    if (!before.isFile()) return failed(name, `could not be read (${notAFile(before)})`);
    if (before.size > limit)
      return failed(name, `too large (${mb(before.size)} MB; the limit is ${mb(limit)} MB)`);
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const now = await handle.stat();
    if (!now.isFile()) return failed(name, `could not be read (${notAFile(now)})`);
    if (now.dev !== before.dev || now.ino !== before.ino)
      return failed(name, 'could not be read (it was replaced while it was being opened)');
    if (now.size > limit)
      return failed(name, `too large (${mb(now.size)} MB; the limit is ${mb(limit)} MB)`);
    const bytes = await readExactly(handle, now.size);
    if (!bytes) return failed(name, 'could not be read (it changed while it was being read)');
    return { name, bytes };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'it is a folder' : (code ?? String(err));
    return failed(name, `could not be read (${why})`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Reads the file's `size` bytes, or null when it turns out longer or shorter
 * (it is being written to): the analyst gets a clear error, not half a file.
 */
async function readExactly(handle: FileHandle, size: number): Promise<Uint8Array | null> {
  const buf = new Uint8Array(size);
  let used = 0;
  while (used < size) {
    const { bytesRead } = await handle.read(buf, used, size - used, used);
    if (bytesRead === 0) return null;
    used += bytesRead;
  }
  const { bytesRead: more } = await handle.read(new Uint8Array(1), 0, 1, size);
  return more === 0 ? buf : null;
}
