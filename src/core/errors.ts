/**
 * One wording for every failure the app, the CLI and the formats report.
 * Errors arrive in many shapes: our own Errors (their message is written for
 * people), DOMExceptions from IndexedDB and the file APIs (their name is
 * what says what happened: ConstraintError, NotReadableError), Dexie's
 * wrappers (the storage's own error is their `inner`), bulk failures, and
 * values that are not errors at all. A full disk and an aborted write are
 * named in words, since an analyst must know that nothing stored was lost.
 */

/** The shape of an error as far as describing it goes. */
interface ErrorLike {
  name: string;
  message: string;
}

function isErrorLike(v: unknown): v is ErrorLike {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ErrorLike).name === 'string' &&
    typeof (v as ErrorLike).message === 'string'
  );
}

/** DOMException, told apart without the DOM library (Node has them too). */
function isDomException(v: object): boolean {
  return Object.prototype.toString.call(v) === '[object DOMException]';
}

/**
 * The chain from `err` to the error the storage itself raised: Dexie's
 * errors carry it as `inner`, its bulk errors as `failures`.
 */
function causes(err: unknown): unknown[] {
  const chain: unknown[] = [err];
  let e = err;
  for (let depth = 0; depth < 8 && typeof e === 'object' && e !== null; depth++) {
    const inner: unknown = (e as { inner?: unknown }).inner;
    const failures: unknown = (e as { failures?: unknown }).failures;
    const next = isErrorLike(inner)
      ? inner
      : Array.isArray(failures) && isErrorLike(failures[0])
        ? failures[0]
        : undefined;
    if (next === undefined) break;
    chain.push(next);
    e = next;
  }
  return chain;
}

/** What a full disk or quota says to the analyst. */
export const QUOTA_WORDS =
  'the disk or the browser storage quota is full (QuotaExceededError). Free some space; nothing already stored was lost.';

/** What an aborted write says to the analyst. */
export const ABORT_WORDS =
  'the storage aborted the write (AbortError), often because the disk is full. Nothing already stored was lost.';

/** Whether `err` is (or wraps) a full disk or quota, or an aborted write. */
export function isQuotaOrAbort(err: unknown): 'quota' | 'abort' | null {
  const names = causes(err)
    .filter(isErrorLike)
    .map((e) => e.name);
  if (names.includes('QuotaExceededError')) return 'quota';
  if (names.includes('AbortError')) return 'abort';
  return null;
}

/**
 * Why something failed, in words for the person using the app: a full disk
 * or an aborted write named as such (also when wrapped in other errors);
 * a storage or browser error as `Name: message`, unwrapped from Dexie's
 * wrappers; any other error by its message; anything else as text.
 */
export function describeError(err: unknown): string {
  const storage = isQuotaOrAbort(err);
  if (storage) return storage === 'quota' ? QUOTA_WORDS : ABORT_WORDS;
  const chain = causes(err);
  const last = chain[chain.length - 1];
  if (isErrorLike(last)) {
    // A system error's name says what happened; our own errors' messages
    // are already written for people.
    const system = isDomException(last) || chain.length > 1 || 'inner' in last;
    if (system && last.name && last.name !== 'Error')
      return last.message ? `${last.name}: ${last.message}` : last.name;
    return last.message || last.name || 'unknown error';
  }
  if (typeof last === 'string') return last;
  if (last === undefined || last === null) return 'unknown error';
  try {
    return JSON.stringify(last) ?? String(last);
  } catch {
    return String(last);
  }
}
