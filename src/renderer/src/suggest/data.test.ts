// Where suggestions must stay hidden, read from real IndexedDB in real
// Chromium: blind mode hides them everywhere; a document a colleague has
// labelled, marked, or is assigned to hides them there (double annotation);
// a suggester's own lane is no colleague. And what the suggesters learn
// from: this analyst's spans and done documents only.
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type WorkbenchDb } from '../db/schema.ts';
import { makeSpan } from '../db/spans.ts';
import { PROJECT_SETTINGS_KEY } from '../sync/outbox.ts';
import { blindState, ownAnnotations } from './data.ts';

let db: WorkbenchDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

const span = (docId: string, annotatorId: string) =>
  makeSpan({ docId, annotatorId, label: 'pro-withdrawal', start: 0, end: 3, quote: 'قال' });

async function fresh(): Promise<WorkbenchDb> {
  db = createDb(`t-${crypto.randomUUID()}`);
  await db.settings.put({ key: 'selfAnnotatorId', value: 'laila' });
  return db;
}

describe('where suggestions are hidden', () => {
  it('hides them on documents annotated, marked or assigned by a colleague, not elsewhere', async () => {
    const db = await fresh();
    await db.spans.bulkAdd([
      span('mine', 'laila'),
      span('shared', 'laila'),
      span('shared', 'omar'),
      span('lane', 'suggester:model'),
      span('gold', 'gold'),
    ]);
    await db.statuses.bulkPut([
      { docId: 'marked', annotatorId: 'sara', status: 'done', docStance: null, updatedAt: 1 },
      {
        docId: 'opened',
        annotatorId: 'sara',
        status: 'not-started',
        docStance: null,
        updatedAt: 1,
      },
    ]);
    await db.assignments.bulkPut([
      { docId: 'assigned', annotatorIds: ['laila', 'omar'] },
      { docId: 'mine-only', annotatorIds: ['laila'] },
    ]);
    const state = await blindState(db, 'laila');
    expect(state.blind).toBe(false);
    expect([...state.shared].sort()).toEqual(['assigned', 'gold', 'marked', 'shared']);
  });

  it('hides them everywhere while the project is blind', async () => {
    const db = await fresh();
    expect((await blindState(db, 'laila')).blind).toBe(false);
    await db.settings.put({ key: PROJECT_SETTINGS_KEY, value: { blind: true } });
    expect((await blindState(db, 'laila')).blind).toBe(true);
  });
});

describe('what the suggesters learn from', () => {
  it("reads this analyst's spans and done documents, never a colleague's", async () => {
    const db = await fresh();
    const mine = span('d1', 'laila');
    await db.spans.bulkAdd([mine, span('d1', 'omar')]);
    await db.statuses.bulkPut([
      { docId: 'd2', annotatorId: 'laila', status: 'done', docStance: null, updatedAt: 1 },
      { docId: 'd3', annotatorId: 'laila', status: 'in-progress', docStance: null, updatedAt: 1 },
      { docId: 'd4', annotatorId: 'omar', status: 'done', docStance: null, updatedAt: 1 },
    ]);
    const own = await ownAnnotations(db, 'laila');
    expect(own.spans).toEqual([mine]);
    expect(own.done).toEqual(['d2']);
  });
});
