// Rejected suggestions on real IndexedDB in real Chromium: a rejection
// outlives the database connection (a reload), is per analyst and per
// document, keyed by the anchor (start, end in code points, and label),
// and is counted once in its label's tally however often it is repeated.
import { afterEach, describe, expect, it } from 'vitest';
import { rejectionsOn, rejectSuggestion } from './rejections.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import { getSetting } from './settings.ts';

const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function open(name: string): Promise<WorkbenchDb> {
  const db = createDb(name);
  await db.open();
  opened.push(db);
  return db;
}

const at = (start: number, end: number, label = 'pro-withdrawal', docId = 'd1') => ({
  docId,
  start,
  end,
  label,
});

describe('rejected suggestions', () => {
  it('stay rejected after the database is reopened, each counted once', async () => {
    const name = `rej-${crypto.randomUUID()}`;
    const db = await open(name);
    expect(await rejectSuggestion(db, 'laila', at(3, 9))).toBe(true);
    // The same suggestion again (a second window, a reload): not counted twice.
    expect(await rejectSuggestion(db, 'laila', at(3, 9))).toBe(false);
    // Same place, another label: another suggestion.
    expect(await rejectSuggestion(db, 'laila', at(3, 9, 'pro-coalition'))).toBe(true);
    db.close();
    opened.splice(opened.indexOf(db), 1);

    const again = await open(name);
    expect(await rejectionsOn(again, 'laila', 'd1')).toEqual([at(3, 9, 'pro-coalition'), at(3, 9)]);
    expect(await getSetting(again, 'suggestTallies')).toEqual({
      'pro-withdrawal': { accepted: 0, rejected: 1 },
      'pro-coalition': { accepted: 0, rejected: 1 },
    });
  });

  it('are kept per analyst and per document', async () => {
    const db = await open(`rej-${crypto.randomUUID()}`);
    await rejectSuggestion(db, 'laila', at(0, 4));
    await rejectSuggestion(db, 'laila', at(10, 20, 'pro-withdrawal', 'd2'));
    await rejectSuggestion(db, 'omar', at(5, 8));
    expect(await rejectionsOn(db, 'laila', 'd1')).toEqual([at(0, 4)]);
    expect(await rejectionsOn(db, 'laila', 'd2')).toEqual([at(10, 20, 'pro-withdrawal', 'd2')]);
    expect(await rejectionsOn(db, 'omar', 'd1')).toEqual([at(5, 8)]);
    expect(await rejectionsOn(db, 'omar', 'd2')).toEqual([]);
  });

  it('keeps the tallies of accepted suggestions as they were', async () => {
    const db = await open(`rej-${crypto.randomUUID()}`);
    await db.settings.put({
      key: 'suggestTallies',
      value: { 'pro-withdrawal': { accepted: 4, rejected: 2 } },
    });
    await rejectSuggestion(db, 'laila', at(1, 2));
    expect(await getSetting(db, 'suggestTallies')).toEqual({
      'pro-withdrawal': { accepted: 4, rejected: 3 },
    });
  });
});
