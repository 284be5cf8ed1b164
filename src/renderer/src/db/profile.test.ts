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
});
