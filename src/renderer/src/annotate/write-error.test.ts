import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeWriteError } from './editor.ts';

describe('describeWriteError', () => {
  it('names a full disk even when it arrives wrapped in an aborted transaction', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const aborted = new Dexie.AbortError('Transaction aborted', quota);
    for (const err of [quota, aborted])
      expect(describeWriteError(err, 'add span')).toMatch(
        /^Could not save \(add span\): the disk or the browser storage quota is full \(QuotaExceededError\)/,
      );
  });

  it('names an abort without a cause, and any other error by name', () => {
    expect(describeWriteError(new DOMException('x', 'AbortError'), 'undo')).toMatch(/AbortError/);
    expect(describeWriteError(new TypeError('bad value'), 'relabel')).toMatch(
      /TypeError: bad value/,
    );
  });
});
