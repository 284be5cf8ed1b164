// Label rename and delete on real IndexedDB: whose spans a delete takes,
// and gold rejections following a renamed label.
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import { GOLD_ANNOTATOR_ID, type SpanRecord } from '@core/model.ts';
import { cpSlice } from '@core/offsets.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import { makeSpan } from './spans.ts';
import { createProfile } from './profile.ts';
import { problemOf } from '@core/problems/problem.ts';
import { blankLabel, describeLabelUsage, labelUsage, saveLabel, validateLabel } from './labels.ts';
import { acceptIntoGold, getRejected, rejectProposal } from './gold.ts';

let db: WorkbenchDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

const TEXT = 'قال رئيس الوزراء إن لا حاجة لوجود قوات قتالية أجنبية على الأراضي العراقية';

function span(docId: string, annotatorId: string, start: number, label: string): SpanRecord {
  const end = start + 3;
  return makeSpan({ docId, annotatorId, label, start, end, quote: cpSlice(TEXT, start, end) });
}

async function seed(): Promise<{ db: WorkbenchDb; docId: string; self: string }> {
  const d = createDb(`t-${crypto.randomUUID()}`);
  db = d;
  const self = (await createProfile(d, 'Laila')).id;
  const doc = await buildDocumentRecord({ text: TEXT, title: 'تصريح' });
  await d.documents.add(doc);
  await d.annotators.bulkAdd([
    { id: 'omar', name: 'Omar', kind: 'colleague', createdAt: 0 },
    { id: 'sara', name: 'Sara', kind: 'colleague', createdAt: 0 },
  ]);
  return { db: d, docId: doc.id, self };
}

describe('label usage and rename on IndexedDB', () => {
  it('says whose spans carry a label: yours, each colleague by name, gold', async () => {
    const { db, docId, self } = await seed();
    await db.spans.bulkAdd([
      span(docId, self, 0, 'pro-withdrawal'),
      span(docId, 'omar', 0, 'pro-withdrawal'),
      span(docId, 'omar', 5, 'pro-withdrawal'),
      span(docId, 'sara', 0, 'pro-withdrawal'),
      span(docId, 'sara', 9, 'pro-coalition'),
    ]);
    await acceptIntoGold(db, docId, { start: 0, end: 3, label: 'pro-withdrawal' });
    const usage = await labelUsage(db, 'pro-withdrawal');
    expect(usage).toMatchObject({ total: 5, self: 1, gold: 1 });
    expect(describeLabelUsage(usage)).toBe("yours 1, colleagues' 3 (Omar 2, Sara 1), gold 1");
    expect(describeLabelUsage(await labelUsage(db, 'pro-coalition'))).toBe(
      "yours 0, colleagues' 1 (Sara 1)",
    );
  });

  it('renaming a label keeps rejected gold proposals rejected under the new key', async () => {
    const { db, docId } = await seed();
    await db.spans.bulkAdd([
      span(docId, 'omar', 0, 'pro-withdrawal'),
      span(docId, 'sara', 9, 'pro-coalition'),
    ]);
    await rejectProposal(db, docId, { start: 0, end: 3, label: 'pro-withdrawal' });
    await rejectProposal(db, docId, { start: 9, end: 12, label: 'pro-coalition' });
    const old = (await db.labels.get('pro-withdrawal'))!;
    await saveLabel(db, old.key, { ...old, name: 'Withdrawal now' });
    expect((await getRejected(db, docId)).sort()).toEqual(
      ['0:3:withdrawal-now', '9:12:pro-coalition'].sort(),
    );
    // The renamed span is the one the adjudicator turned down.
    const renamed = await db.spans.filter((s) => s.annotatorId === 'omar').first();
    expect(`${renamed!.start}:${renamed!.end}:${renamed!.label}`).toBe('0:3:withdrawal-now');
    expect(await db.spans.filter((s) => s.annotatorId === GOLD_ANNOTATOR_ID).count()).toBe(0);
  });

  it('refuses a label name with control, bidi or zero-width characters', async () => {
    const { db: d } = await seed();
    const base = (await d.labels.get('pro-withdrawal'))!;
    for (const [patch, char] of [
      [{ name: 'Pro\u202Ewithdrawal' }, 'U+202E'],
      [{ name: 'Pro-withdrawal', nameAr: 'مؤيد\u200Bللانسحاب' }, 'U+200B'],
      [{ name: 'Sarcasm\u2067' }, 'U+2067'],
    ] as const) {
      await expect(saveLabel(d, 'pro-withdrawal', { ...base, ...patch }), char).rejects.toThrow(
        new RegExp(`contains ${char.replace('+', '\\+')} .*an invisible or control character`),
      );
    }
    expect((await d.labels.get('pro-withdrawal'))!.name).toBe(base.name);
  });

  it('refuses a bad label with a problem the interface words, and saves nothing', async () => {
    db = createDb(`labels-${crypto.randomUUID()}`);
    const others = [
      { ...blankLabel([]), key: 'pro-withdrawal', name: 'Pro-withdrawal', hotkey: 1 },
    ];
    const label = { ...blankLabel(others), name: 'Sceptic', hotkey: 1 };
    expect(validateLabel(label, others)).toEqual({
      code: 'label.hotkeyTaken',
      values: { hotkey: 1, key: 'pro-withdrawal' },
    });
    expect(validateLabel({ ...label, hotkey: null, nameAr: 'شك\u202e' }, others)).toEqual({
      code: 'label.unsafeChar',
      values: { which: 'nameAr', char: expect.stringMatching(/^U\+202E/) },
    });
    const refused = await saveLabel(db, null, { ...label, name: ' ' }).catch((e: unknown) => e);
    expect(problemOf(refused)).toEqual({ code: 'label.noName' });
    expect(await db.labels.count()).toBe(0);
  });
});
