// The agreement dashboard's default view brought up to date by the
// documents each write touched, on real IndexedDB in real Chromium: after
// spans are added, relabelled and deleted, statuses set and gold proposals
// rejected, the patched counts and rows equal those counted afresh from
// the whole project; someone new compared means counting afresh; the state
// kept for the next visit reads back equal, and a damaged one is ignored.
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord } from '@core/model.ts';
import { db } from '../db/db.ts';
import { rejectedKey } from '../db/gold.ts';
import { createProfile } from '../db/profile.ts';
import { makeSpan } from '../db/spans.ts';
import { storeDocuments } from '../db/store-documents.ts';
import { stateKey, keepState, readKeptState } from './agreement-kept.ts';
import { keepAgreementCounted } from './agreement-keeper.ts';
import {
  bringUpToDate,
  stateFromData,
  stateInSteps,
  type AgreementState,
} from './agreement-state.ts';
import { sortAnnotators } from './annotators.ts';
import { loadAgreementData } from './useAgreementData.ts';
import { waitFor } from '../test/wait.ts';

const LABELS = ['pro-withdrawal', 'pro-coalition', 'kurdish-skepticism'];
const TEXTS = [
  'قال رئيس الوزراء إن العراق لم يعد بحاجة إلى قوات قتالية أجنبية على أراضيه.',
  'أكد وزير الخارجية أن التعاون في مجال التدريب ما زال ضروريا.',
  'رحب رئيس الإقليم بشراكة طويلة الأمد مع الولايات المتحدة.',
  'تحدث النواب عن جدول زمني لانسحاب القوات الأمريكية.',
];

let self: AnnotatorRecord;
let ids: string[];

const spanOn = (docId: string, annotatorId: string, start: number, end: number, label: string) =>
  makeSpan({ docId, annotatorId, label, start, end, quote: 'x'.repeat(end - start) });

beforeEach(async () => {
  await db.open();
  await Promise.all(db.tables.filter((t) => t.name !== 'labels').map((t) => t.clear()));
  self = await createProfile(db, 'Laila');
  await db.annotators.bulkPut([
    { id: 'sara', name: 'Sara', kind: 'colleague', createdAt: 1 },
    { id: 'omar', name: 'Omar', kind: 'colleague', createdAt: 1 },
  ]);
  const docs = await Promise.all(
    TEXTS.map((text, i) => buildDocumentRecord({ text, title: `مقال ${i + 1}` })),
  );
  await storeDocuments(db, docs);
  ids = docs.map((d) => d.id);
  await db.spans.bulkPut([
    spanOn(ids[0]!, self.id, 0, 10, 'pro-withdrawal'),
    spanOn(ids[0]!, 'sara', 0, 10, 'pro-withdrawal'),
    spanOn(ids[1]!, self.id, 0, 12, 'pro-coalition'),
    spanOn(ids[1]!, 'sara', 4, 12, 'pro-withdrawal'),
    spanOn(ids[2]!, 'sara', 0, 8, 'kurdish-skepticism'),
    spanOn(ids[1]!, GOLD_ANNOTATOR_ID, 0, 12, 'pro-coalition'),
  ]);
});

/** The state counted from the whole project, now. */
const fresh = async (): Promise<AgreementState> =>
  stateFromData(await loadAgreementData(null), LABELS);

/** What a state shows, comparable whatever order its maps were filled in. */
const shown = (s: AgreementState) => ({
  gen: s.gen,
  annotators: s.annotators.map((a) => a.id),
  ordered: s.ordered,
  who: [...s.who].map(([id, who]) => [id, [...who].sort()]).sort(),
  tallies: s.tallies,
  rows: [...s.rows.values()].sort((a, b) => (a.docId < b.docId ? -1 : 1)),
});

describe("the dashboard's default view, brought up to date", () => {
  it('equals a fresh count after spans, statuses and gold decisions change', async () => {
    let state = await fresh();
    expect(state.ordered).toEqual([self.id, 'sara']);
    expect(state.rows.size).toBe(3);

    // Laila agrees on the third document, a span is relabelled, another deleted.
    const relabel = (await db.spans.where('docId').equals(ids[1]!).toArray()).find(
      (s) => s.annotatorId === 'sara',
    )!;
    await db.spans.put(spanOn(ids[2]!, self.id, 0, 8, 'kurdish-skepticism'));
    await db.spans.put({ ...relabel, label: 'pro-coalition', start: 0 });
    const gone = (await db.spans.where('docId').equals(ids[0]!).toArray()).find(
      (s) => s.annotatorId === 'sara',
    )!;
    await db.spans.delete(gone.id);
    let next = await bringUpToDate(state);
    expect(next).not.toBeNull();
    expect(shown(next!)).toEqual(shown(await fresh()));
    state = next!;

    // Omar (already compared? not yet: he has no annotation) marks nothing;
    // a status without spans, and a rejected gold proposal.
    await db.statuses.put({
      docId: ids[3]!,
      annotatorId: self.id,
      status: 'done',
      docStance: null,
      updatedAt: 2,
    });
    await db.settings.put({ key: rejectedKey(ids[1]!), value: ['0:12:pro-coalition'] });
    next = await bringUpToDate(state);
    expect(shown(next!)).toEqual(shown(await fresh()));
    // Nothing changed since: the same state.
    expect(await bringUpToDate(next!)).toBe(next);
  });

  it('counts afresh when a renamed colleague sorts elsewhere', async () => {
    await db.spans.put(spanOn(ids[0]!, 'omar', 0, 10, 'pro-withdrawal'));
    const state = await fresh();
    expect(state.ordered).toEqual([self.id, 'omar', 'sara']);
    await db.annotators.put({ id: 'sara', name: 'Adel', kind: 'colleague', createdAt: 1 });
    expect(await bringUpToDate(state)).toBeNull();
    expect((await fresh()).ordered).toEqual([self.id, 'sara', 'omar']);
    // A rename that keeps the order keeps the counts.
    const again = await fresh();
    await db.annotators.put({ id: 'omar', name: 'Omar Haddad', kind: 'colleague', createdAt: 1 });
    expect(shown((await bringUpToDate(again))!)).toEqual(shown(await fresh()));
  });

  it('counts afresh when someone new is compared', async () => {
    const state = await fresh();
    await db.spans.put(spanOn(ids[3]!, 'omar', 0, 5, 'pro-withdrawal'));
    expect(await bringUpToDate(state)).toBeNull();
    expect((await fresh()).ordered).toEqual([self.id, 'omar', 'sara']);
  });

  it('is kept for the next visit and read back equal; a damaged one is ignored', async () => {
    const state = await fresh();
    keepState(state);
    const annotators = async () => sortAnnotators(await db.annotators.toArray());
    await waitFor(async () => expect(await readKeptState(LABELS, annotators)).not.toBeNull());
    expect(shown((await readKeptState(LABELS, annotators))!)).toEqual(shown(state));
    // Another label set reads nothing.
    expect(await readKeptState(['pro-withdrawal'], annotators)).toBeNull();

    const row = (await db.viewCache.get(stateKey(LABELS)))!;
    const value = row.value as { tallies: { n11: Float64Array } };
    await db.viewCache.put({
      ...row,
      value: { ...value, tallies: { ...value.tallies, n11: new Float64Array(1) } },
    });
    expect(await readKeptState(LABELS, annotators)).toBeNull();
  });

  it('counted a few documents at a time equals counted at once', async () => {
    const data = await loadAgreementData(null);
    const once = stateFromData(data, LABELS);
    for (const step of [1, 2])
      expect(shown(await stateInSteps(data, LABELS, step))).toEqual(shown(once));
  });
});

describe("the dashboard's default view, kept counted in the background", () => {
  const annotators = async () => sortAnnotators(await db.annotators.toArray());
  /** The kept state, once it is the current generation's. */
  const keptNow = () =>
    waitFor(async () => {
      const kept = await readKeptState(LABELS, annotators);
      const gen = (await db.viewCache.get('gen'))?.gen;
      expect(kept?.gen).toBe(gen);
      return kept!;
    });

  it('keeps a count equal to a fresh one, and brings it up to date after a write', async () => {
    expect(await keepAgreementCounted()).toBe(true);
    expect(shown(await keptNow())).toEqual(shown(await fresh()));

    // Omar labels the second document: the kept count follows.
    await db.spans.put(spanOn(ids[1]!, 'omar', 0, 12, 'pro-coalition'));
    expect(await keepAgreementCounted()).toBe(true);
    const kept = await keptNow();
    expect(kept.ordered).toEqual([self.id, 'omar', 'sara']);
    expect(shown(kept)).toEqual(shown(await fresh()));
  });

  it('counts nothing while there is no one to compare', async () => {
    await db.annotators.bulkDelete(['sara', 'omar']);
    expect(await keepAgreementCounted()).toBe(false);
    expect(await db.viewCache.get(stateKey(LABELS))).toBeUndefined();
  });
});
