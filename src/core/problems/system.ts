/**
 * The system's own errors as problems. A file the system would not open, a
 * full disk, a folder where a file was expected arrive as Node error codes
 * (`ENOENT`, `EACCES`, in the main process, or inside the message Electron
 * passes back from it: "Error invoking remote method …: Error: ENOENT: …")
 * or as the browser's DOMExceptions (`NotReadableError`). The common ones
 * become problem codes, worded from the catalogs in the analyst's language;
 * any other system code is "the system refused: <code>". The system's own
 * text is kept only as a short detail (its code or name), shown isolated
 * after the sentence. Never throws, whatever it is given.
 */
import type { ProblemCode } from './codes.ts';
import type { Problem } from './problem.ts';

/** The kinds of system refusal worded in the catalogs (`problem.system.<kind>`). */
export type SystemKind =
  'notFound' | 'permission' | 'diskFull' | 'isDirectory' | 'tooManyFiles' | 'notReadable';

/** Node's error codes, by the kind of refusal each is. */
const ERRNO: Readonly<Record<string, SystemKind>> = {
  ENOENT: 'notFound',
  ENOTDIR: 'notFound',
  EACCES: 'permission',
  EPERM: 'permission',
  EROFS: 'permission',
  ENOSPC: 'diskFull',
  EDQUOT: 'diskFull',
  EISDIR: 'isDirectory',
  EMFILE: 'tooManyFiles',
  ENFILE: 'tooManyFiles',
};

/** The browser's DOMException names (file and storage APIs), by kind. */
const DOM_NAMES: Readonly<Record<string, SystemKind>> = {
  NotFoundError: 'notFound',
  NotAllowedError: 'permission',
  SecurityError: 'permission',
  NotReadableError: 'notReadable',
};

/** A system problem naming `detail` (a code or an exception's name). */
const refusal = (code: ProblemCode, detail: string): Problem => ({ code, values: { detail } });

/** A Node error code: E and capitals ("ENOENT", "EAI_AGAIN"), at most 24 characters. */
const ERRNO_SHAPE = /^E[A-Z][A-Z0-9_]{1,22}$/;

/** A Node error code at the start of a message, or after "Error: " (Electron's relay). */
const ERRNO_IN_TEXT = /(?:^|Error: )(E[A-Z][A-Z0-9_]{1,22}):/;

/**
 * Codes believed when read from a message (a `code` property of the right
 * shape is believed whatever it is): the ones above and other common ones,
 * so our own text that happens to start with a capital word ("EXPORT: …")
 * is not taken for the system's.
 */
const KNOWN_IN_TEXT = new Set([
  ...Object.keys(ERRNO),
  'EIO',
  'EBUSY',
  'EEXIST',
  'ENOTEMPTY',
  'EXDEV',
  'EINVAL',
  'ELOOP',
  'ENAMETOOLONG',
  'ETXTBSY',
  'EFBIG',
  'ENXIO',
  'ENODEV',
  'EPIPE',
  'EAGAIN',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNRESET',
]);

/** Reads property `key` of `v`, or undefined (a getter that throws counts as absent). */
function prop(v: unknown, key: string): unknown {
  if ((typeof v !== 'object' && typeof v !== 'function') || v === null) return undefined;
  try {
    return (v as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** `v` and the errors it wraps (`inner`, `cause`, Dexie's `failures[0]`), at most 8. */
function chain(v: unknown): unknown[] {
  const out: unknown[] = [];
  let e = v;
  while (out.length < 8 && e !== undefined && e !== null && !out.includes(e)) {
    out.push(e);
    const failures = prop(e, 'failures');
    e = prop(e, 'inner') ?? prop(e, 'cause') ?? (Array.isArray(failures) ? failures[0] : undefined);
  }
  return out;
}

/** The Node error code `e` carries, as its `code` or at the head of its message. */
function errnoOf(e: unknown): string | null {
  const code = prop(e, 'code');
  if (typeof code === 'string' && ERRNO_SHAPE.test(code)) return code;
  const message = typeof e === 'string' ? e : prop(e, 'message');
  if (typeof message !== 'string') return null;
  const found = ERRNO_IN_TEXT.exec(message.slice(0, 2000))?.[1];
  return found && KNOWN_IN_TEXT.has(found) ? found : null;
}

/**
 * The system refusal `err` is (or wraps), as a problem: a known Node code
 * or DOMException name as its kind (`system.notFound`…), another Node code
 * as `system.refused`; null when it is no system error (then the caller
 * words it as it did: a problem it carries, or an unexpected error). The
 * detail is the code or the exception's name, never its English message.
 */
export function systemProblem(err: unknown): Problem | null {
  try {
    for (const e of chain(err)) {
      const errno = errnoOf(e);
      if (errno) {
        const kind = ERRNO[errno];
        return refusal(kind ? `system.${kind}` : 'system.refused', errno);
      }
      const name = prop(e, 'name');
      if (
        typeof name === 'string' &&
        Object.prototype.hasOwnProperty.call(DOM_NAMES, name) &&
        Object.prototype.toString.call(e) === '[object DOMException]'
      )
        return refusal(`system.${DOM_NAMES[name]!}`, name);
    }
  } catch {
    // A hostile value (a proxy that throws on every touch): no system error.
  }
  return null;
}
