// The system's own errors become problems with catalog wording: Node codes
// (as a property, or inside the message Electron relays from the main
// process), the browser's DOMExceptions, wrapped errors; anything else is no
// system error, and no input, however hostile, makes it throw.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { errorProblem, problemText } from './problem.ts';
import { systemProblem } from './system.ts';

const errno = (code: string, message = `${code}: some text, open '/x'`): Error =>
  Object.assign(new Error(message), { code });

describe('systemProblem', () => {
  it('maps the common Node codes to their kind, keeping only the code as the detail', () => {
    const cases: [string, string][] = [
      ['ENOENT', 'system.notFound'],
      ['EACCES', 'system.permission'],
      ['EPERM', 'system.permission'],
      ['ENOSPC', 'system.diskFull'],
      ['EDQUOT', 'system.diskFull'],
      ['EISDIR', 'system.isDirectory'],
      ['EMFILE', 'system.tooManyFiles'],
      ['ENFILE', 'system.tooManyFiles'],
    ];
    for (const [code, kind] of cases)
      expect(systemProblem(errno(code)), code).toEqual({ code: kind, values: { detail: code } });
  });

  it('names any other system code as refused, with its code', () => {
    expect(systemProblem(errno('EIO'))).toEqual({
      code: 'system.refused',
      values: { detail: 'EIO' },
    });
    expect(problemText(systemProblem(errno('EBUSY'))!)).toBe('the system refused (EBUSY)');
  });

  it('reads the code Electron relays inside the message from the main process', () => {
    const relayed = new Error(
      "Error invoking remote method 'host:exportWrite': Error: EACCES: permission denied, open '/data/out.jsonl'",
    );
    expect(systemProblem(relayed)).toEqual({
      code: 'system.permission',
      values: { detail: 'EACCES' },
    });
    // A word that merely looks like a code, mid-sentence, is not one.
    expect(systemProblem(new Error('EXPORT: the label list is empty'))).toBeNull();
    expect(systemProblem(new Error('could not read ENOENT.txt'))).toBeNull();
  });

  it("maps the browser's file and permission DOMExceptions by name", () => {
    const dom = (name: string): DOMException => new DOMException('the browser says so', name);
    expect(systemProblem(dom('NotReadableError'))).toEqual({
      code: 'system.notReadable',
      values: { detail: 'NotReadableError' },
    });
    expect(systemProblem(dom('NotAllowedError'))?.code).toBe('system.permission');
    expect(systemProblem(dom('NotFoundError'))?.code).toBe('system.notFound');
    // Storage errors stay what they were (their own text, or a full disk by name).
    expect(systemProblem(dom('ConstraintError'))).toBeNull();
    // Only a real DOMException counts: a look-alike object is not the browser's.
    expect(systemProblem({ name: 'NotReadableError', message: 'x' })).toBeNull();
  });

  it('finds the system error inside wrappers (Dexie inner, cause)', () => {
    expect(systemProblem({ name: 'DexieError', message: 'x', inner: errno('ENOSPC') })?.code).toBe(
      'system.diskFull',
    );
    expect(systemProblem(new Error('write failed', { cause: errno('EMFILE') }))?.code).toBe(
      'system.tooManyFiles',
    );
  });

  it('the one error channel words system errors by kind, and a full quota as before', () => {
    expect(errorProblem(errno('ENOENT')).code).toBe('system.notFound');
    expect(errorProblem(new DOMException('full', 'QuotaExceededError')).code).toBe('storage.quota');
    expect(errorProblem(new TypeError('x is undefined'))).toEqual({
      code: 'unexpected',
      values: { detail: 'x is undefined' },
    });
  });

  it('never throws and never names a system error for hostile or unknown input', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('touched');
        },
        has() {
          throw new Error('touched');
        },
      },
    );
    expect(systemProblem(hostile)).toBeNull();
    const loop: { inner?: unknown; message: string; name: string } = { name: 'E', message: 'x' };
    loop.inner = loop;
    expect(systemProblem(loop)).toBeNull();
    expect(systemProblem({ code: 'E'.repeat(5000) })).toBeNull();
    expect(systemProblem({ code: 'ENOENT; rm -rf /' })).toBeNull();
    for (const v of [null, undefined, 0, '', 'ENOENT', Symbol('x'), [], () => 1])
      expect(() => systemProblem(v)).not.toThrow();
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const p = systemProblem(v);
        expect(p === null || p.code.startsWith('system.')).toBe(true);
        expect(() => errorProblem(v)).not.toThrow();
      }),
    );
  });
});
