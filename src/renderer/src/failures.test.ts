// The failure channel on real Dexie errors in real Chromium: the storage's
// own error is found inside Dexie's wrappers, and failures of one activity
// replace, clear and dismiss as the UI relies on.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ABORT_WORDS, QUOTA_WORDS } from '@core/errors.ts';
import { createDb } from './db/schema.ts';
import {
  clearFailures,
  currentFailures,
  dismissFailure,
  popLayer,
  phrase,
  pushLayer,
  reportFailure,
  topLayer,
} from './failures.ts';

afterEach(() => {
  for (const f of currentFailures()) dismissFailure(f.id);
});

const at = (key: string) => ({
  key,
  what: phrase('export.title'),
  where: phrase('labels.edit', { key }),
});

describe('failures', () => {
  it("say why in words, unwrapped from Dexie's errors", async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    reportFailure(at('quota'), new Dexie.AbortError('Transaction aborted', quota));
    reportFailure(at('abort'), new Dexie.AbortError('Transaction aborted'));
    // A real ConstraintError from a real IndexedDB, as Dexie rejects it.
    const db = createDb(`t-${crypto.randomUUID()}`);
    await db.settings.add({ key: 'k', value: 1 });
    const err = await db.settings.add({ key: 'k', value: 2 }).catch((e: unknown) => e);
    reportFailure(at('constraint'), err);
    await db.delete();
    expect(currentFailures().map((f) => [f.key, f.reason])).toEqual([
      ['quota', QUOTA_WORDS],
      ['abort', ABORT_WORDS],
      ['constraint', expect.stringMatching(/^ConstraintError: /)],
    ]);
  });

  it('of one activity replace each other, clear on success and dismiss one by one', () => {
    reportFailure(at('export'), new Error('first'));
    reportFailure(at('backup'), 'the file is not a backup');
    reportFailure(at('export'), new Error('second'));
    expect(currentFailures().map((f) => `${f.key}: ${f.reason}`)).toEqual([
      'backup: the file is not a backup',
      'export: second',
    ]);
    clearFailures('export');
    expect(currentFailures().map((f) => f.key)).toEqual(['backup']);
    dismissFailure(currentFailures()[0]!.id);
    expect(currentFailures()).toEqual([]);
  });

  it('show in the top open dialog, else in the workbench', () => {
    expect(topLayer()).toBe(0);
    const a = pushLayer();
    const b = pushLayer();
    expect(topLayer()).toBe(b);
    popLayer(b);
    expect(topLayer()).toBe(a);
    popLayer(a);
    expect(topLayer()).toBe(0);
  });
});
