/**
 * Why the host could not read a file the analyst opened or dropped, as
 * problems (HostFile.error): the desktop host (src/main/open-files.ts) and
 * the browser host (src/renderer/src/host/browser-host.ts) report the same
 * refusals with the same codes, and the interface words them in its
 * language, next to the file's name.
 */
import { byteSize, errorProblem, problem, type Problem } from './problem.ts';

/** What a path is when it is not a regular file. */
export type NotAFileKind = 'folder' | 'pipe' | 'device' | 'socket' | 'other';

/** A file over the open limit: its size and the limit, in bytes (worded "3.0 MB"). */
export function fileTooLarge(size: number, limit: number): Problem {
  return problem('hostFile.tooLarge', { size: byteSize(size), limit: byteSize(limit) });
}

/** A path that is not a regular file (a folder, a pipe, a device…). */
export function notAFile(kind: NotAFileKind): Problem {
  return problem('hostFile.notAFile', { kind });
}

/** A file that changed (`changed`) or was replaced (`replaced`) while it was read. */
export function fileMoved(which: 'changed' | 'replaced'): Problem {
  return problem('hostFile.moved', { which });
}

/**
 * A file the system refused to read: why, from the error (`ENOENT`,
 * `NotReadableError`: system.ts; anything else as an unexpected error).
 * `dropped`: it came from a drop, where a folder arrives as a file that
 * cannot be read, so the message says so.
 */
export function fileCannotRead(err: unknown, dropped = false): Problem {
  return problem('hostFile.cannotRead', {
    detail: errorProblem(err),
    hint: dropped ? 'dropped' : 'other',
  });
}
