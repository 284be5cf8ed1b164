// Each analyst's cue phrases on real IndexedDB in real Chromium: the
// analyst's own list is checked before it is stored (nothing stored when a
// line is bad, each problem named); the suggester matches the union of
// everyone's lists and knows who listed each phrase.
import { problemText } from '@core/problems/problem.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { gazetteerUnion, ownGazetteer, saveOwnGazetteer } from './gazetteers.ts';
import { createDb, type WorkbenchDb } from './schema.ts';

let db: WorkbenchDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

async function fresh(): Promise<WorkbenchDb> {
  db = createDb(`gz-${crypto.randomUUID()}`);
  await db.open();
  return db;
}

describe('gazetteers', () => {
  it('stores the analyst’s own cue phrases, or names every problem and stores nothing', async () => {
    const db = await fresh();
    const good = { 'pro-withdrawal': ['انسحاب القوات', 'انسحاب القوات', 'لا حاجة لقوات قتالية'] };
    expect(await saveOwnGazetteer(db, 'laila', JSON.stringify(good))).toEqual([]);
    // Duplicates go; the order stays.
    expect(await ownGazetteer(db, 'laila')).toEqual({
      'pro-withdrawal': ['انسحاب القوات', 'لا حاجة لقوات قتالية'],
    });
    const bad = { 'pro-withdrawal': ['انسحاب', ' '], 'pro-coalition': 'بقاء القوات' };
    expect((await saveOwnGazetteer(db, 'laila', JSON.stringify(bad))).map(problemText)).toEqual([
      '"pro-withdrawal"[1]: a cue phrase must hold a word',
      '"pro-coalition": Invalid input: expected array, received string',
    ]);
    expect((await saveOwnGazetteer(db, 'laila', '{"x": [')).map(problemText)).toEqual([
      expect.stringMatching(/^not JSON: /),
    ]);
    // The stored list is the last good one.
    expect((await ownGazetteer(db, 'laila'))['pro-withdrawal']).toHaveLength(2);
    // A label called __proto__ stays a label.
    expect(await saveOwnGazetteer(db, 'laila', '{"__proto__": ["بقاء"]}')).toEqual([]);
    expect(Object.keys(await ownGazetteer(db, 'laila'))).toEqual(['__proto__']);
  });

  it('merges everyone’s lists per label and says who listed each phrase', async () => {
    const db = await fresh();
    await db.gazetteers.bulkPut([
      {
        annotatorId: 'omar',
        phrases: { 'pro-withdrawal': ['انسحاب القوات'], 'pro-coalition': ['بقاء القوات'] },
        updatedAt: 1,
      },
      {
        annotatorId: 'laila',
        phrases: { 'pro-withdrawal': ['لا حاجة لقوات قتالية', 'انسحاب القوات'] },
        updatedAt: 2,
      },
      // Never written by the app or the bridge (both check): left out, not trusted.
      { annotatorId: 'eve', phrases: { x: 'not a list' } as never, updatedAt: 3 },
    ]);
    const union = await gazetteerUnion(db);
    expect(union.gazetteer).toEqual({
      'pro-withdrawal': ['لا حاجة لقوات قتالية', 'انسحاب القوات'],
      'pro-coalition': ['بقاء القوات'],
    });
    expect(union.authors).toEqual({
      'pro-withdrawal': { 'لا حاجة لقوات قتالية': ['laila'], 'انسحاب القوات': ['laila', 'omar'] },
      'pro-coalition': { 'بقاء القوات': ['omar'] },
    });
  });
});
