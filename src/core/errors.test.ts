import { describe, expect, it } from 'vitest';
import { ABORT_WORDS, describeError, QUOTA_WORDS } from './errors.ts';

/** An error shaped like Dexie's wrappers: the storage's own error as `inner`. */
function wrapped(name: string, message: string, inner: unknown): Error {
  return Object.assign(new Error(message), { name, inner });
}

describe('describeError', () => {
  it('names a full disk, also when it arrives wrapped in an aborted transaction', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(describeError(quota)).toBe(QUOTA_WORDS);
    expect(describeError(wrapped('AbortError', 'Transaction aborted', quota))).toBe(QUOTA_WORDS);
    // A bulk write reports its first failure.
    const bulk = Object.assign(new Error('1 of 3 operations failed'), {
      name: 'BulkError',
      failures: [quota],
    });
    expect(describeError(bulk)).toBe(QUOTA_WORDS);
  });

  it('names an aborted write without a cause', () => {
    expect(describeError(new DOMException('x', 'AbortError'))).toBe(ABORT_WORDS);
    expect(describeError(wrapped('AbortError', 'Transaction aborted', null))).toBe(ABORT_WORDS);
  });

  it('names storage and browser errors, unwrapped, by their name and message', () => {
    const constraint = new DOMException(
      'Key already exists in the object store.',
      'ConstraintError',
    );
    expect(describeError(constraint)).toBe(
      'ConstraintError: Key already exists in the object store.',
    );
    expect(describeError(wrapped('ConstraintError', 'wrapped text', constraint))).toBe(
      'ConstraintError: Key already exists in the object store.',
    );
    expect(describeError(wrapped('DatabaseClosedError', 'Database has been closed', null))).toBe(
      'DatabaseClosedError: Database has been closed',
    );
  });

  it('says our own errors by their message, which is written for people', () => {
    expect(describeError(new Error('The document is no longer in the corpus.'))).toBe(
      'The document is no longer in the corpus.',
    );
    expect(describeError(new TypeError('bad value'))).toBe('bad value');
    class Refusal extends Error {
      override name = 'Refusal';
    }
    expect(describeError(new Refusal('span 3 does not fit the text'))).toBe(
      'span 3 does not fit the text',
    );
  });

  it('describes values that are not errors', () => {
    expect(describeError('the host refused')).toBe('the host refused');
    expect(describeError(undefined)).toBe('unknown error');
    expect(describeError(null)).toBe('unknown error');
    expect(describeError(42)).toBe('42');
    expect(describeError({ code: 'EACCES' })).toBe('{"code":"EACCES"}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeError(cyclic)).toBe('[object Object]');
  });
});
