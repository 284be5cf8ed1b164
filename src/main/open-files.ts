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
import { MAX_OPEN_BYTES } from '../core/limits.ts';
import type { Problem } from '../core/problems/problem.ts';
import {
  fileCannotRead,
  fileMoved,
  fileTooLarge,
  notAFile,
  type NotAFileKind,
} from '../core/problems/host-file.ts';

/** Files over this size (200 MB, shared with the CLI: src/core/limits.ts) are refused before they are read. */
export { MAX_OPEN_BYTES };

/** What a path is when it is not a regular file. */
function kindOf(s: Stats): NotAFileKind {
  if (s.isDirectory()) return 'folder';
  if (s.isFIFO()) return 'pipe';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  if (s.isSocket()) return 'socket';
  return 'other';
}

function failed(name: string, error: Problem): HostFile {
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
    if (!before.isFile()) return failed(name, notAFile(kindOf(before)));
    if (before.size > limit) return failed(name, fileTooLarge(before.size, limit));
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const now = await handle.stat();
    if (!now.isFile()) return failed(name, notAFile(kindOf(now)));
    if (now.dev !== before.dev || now.ino !== before.ino)
      return failed(name, fileMoved('replaced'));
    if (now.size > limit) return failed(name, fileTooLarge(now.size, limit));
    const bytes = await readExactly(handle, now.size);
    if (!bytes) return failed(name, fileMoved('changed'));
    return { name, bytes };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return failed(name, notAFile('folder'));
    return failed(name, fileCannotRead(err));
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
