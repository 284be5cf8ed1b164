// Runs in real Chromium on real IndexedDB (Vitest browser mode).
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '@core/labels.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import { createProfile, getSelf } from './profile.ts';

let db: WorkbenchDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('profile on IndexedDB', () => {
  it('creates the analyst and the default labels, readable from a new connection', async () => {
    const name = `t-${crypto.randomUUID()}`;
    db = createDb(name);
    await createProfile(db, '  Laila Hassan ');
    db.close();

    const again = createDb(name);
    db = again;
    const self = await getSelf(again);
    expect(self).toMatchObject({ id: 'Laila-Hassan', name: 'Laila Hassan', kind: 'self' });
    const labels = await again.labels.orderBy('order').toArray();
    expect(labels.map((l) => [l.key, l.hotkey])).toEqual(
      DEFAULT_LABELS.map((l) => [l.key, l.hotkey]),
    );
    expect(new Set(labels.map((l) => l.color)).size).toBe(3);
  });

  it('refuses an empty or reserved name and writes nothing', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    await expect(createProfile(db, '   ')).rejects.toThrow(/Enter your name/);
    await expect(createProfile(db, 'Gold')).rejects.toThrow(/reserved/);
    expect(await db.annotators.count()).toBe(0);
    expect(await db.labels.count()).toBe(0);
  });

  it('refuses a name with control, bidi or zero-width characters, naming the character', async () => {
    db = createDb(`t-${crypto.randomUUID()}`);
    for (const [name, char] of [
      ['Laila\u202E', 'U+202E (right-to-left override)'],
      ['لي\u200Dلى', 'U+200D (zero width joiner)'],
      ['Laila\tHassan', 'U+0009 (tab)'],
      ['\u2066Omar\u2069', 'U+2066 (left-to-right isolate)'],
      ['Omar\u001b[31m', 'U+001B (escape)'],
    ]) {
      await expect(createProfile(db, name!), char).rejects.toThrow(
        `Your name contains ${char}, an invisible or control character: type it without.`,
      );
    }
    expect(await db.annotators.count()).toBe(0);
    // Arabic names, and names with spaces, are fine.
    await createProfile(db, 'ليلى حسن');
    expect(await getSelf(db)).toMatchObject({ id: 'ليلى-حسن' });
  });
});
