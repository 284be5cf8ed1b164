// The gold layer on real IndexedDB: accepting, rejecting, editing and
// "accept all where at least N agree", with provenance.
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import { GOLD_ANNOTATOR_ID, type SpanRecord } from '@core/model.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import {
  acceptAllAgreed,
  acceptIntoGold,
  editGoldSpan,
  getRejected,
  rejectProposal,
  removeGoldSpan,
  settleGoldAttribution,
} from './gold.ts';

let db: WorkbenchDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

const TEXT = 'قال رئيس الوزراء إن لا حاجة لوجود قوات قتالية أجنبية على الأراضي العراقية';
/** Code-point extent of `phrase` in TEXT (all BMP, so indexOf counts code points). */
const at = (phrase: string): [number, number] => {
  const i = TEXT.indexOf(phrase);
  return [i, i + phrase.length];
};
const [W0, W1] = at('لا حاجة لوجود قوات قتالية أجنبية');
const [C0, C1] = at('قال رئيس الوزراء');
const [K0, K1] = at('على الأراضي العراقية');

function span(
  docId: string,
  annotatorId: string,
  start: number,
  end: number,
  label: string,
): SpanRecord {
  return {
    id: crypto.randomUUID(),
    docId,
    annotatorId,
    label,
    start,
    end,
    quote: [...TEXT].slice(start, end).join(''),
    holder: null,
    note: null,
    createdAt: 0,
    updatedAt: 0,
  };
}

async function seed(): Promise<{ db: WorkbenchDb; docId: string }> {
  const d = createDb(`t-${crypto.randomUUID()}`);
  db = d;
  const doc = await buildDocumentRecord({ text: TEXT, title: 'تصريح' });
  await d.documents.add(doc);
  for (const id of ['laila', 'ahmad', 'sara'])
    await d.annotators.add({
      id,
      name: id,
      kind: id === 'laila' ? 'self' : 'colleague',
      createdAt: 0,
    });
  await d.spans.bulkAdd([
    span(doc.id, 'laila', W0, W1, 'pro-withdrawal'),
    span(doc.id, 'ahmad', W0, W1, 'pro-withdrawal'),
    span(doc.id, 'sara', W0, W1, 'pro-withdrawal'),
    span(doc.id, 'ahmad', C0, C1, 'pro-coalition'),
    span(doc.id, 'sara', C0, C1, 'pro-coalition'),
    span(doc.id, 'laila', K0, K1, 'kurdish-skepticism'),
  ]);
  return { db: d, docId: doc.id };
}

const goldOf = (d: WorkbenchDb, docId: string) =>
  d.spans.where('[docId+annotatorId]').equals([docId, GOLD_ANNOTATOR_ID]).sortBy('start');

describe('gold layer', () => {
  it('accepts all spans at least N annotators agree on, with provenance, once', async () => {
    const { db: d, docId } = await seed();
    expect(await acceptAllAgreed(d, [docId], 3, ['laila', 'ahmad', 'sara'])).toBe(1);
    expect(await acceptAllAgreed(d, [docId], 2, ['laila', 'ahmad', 'sara'])).toBe(1);
    expect(await acceptAllAgreed(d, [docId], 2, ['laila', 'ahmad', 'sara'])).toBe(0);
    const gold = await goldOf(d, docId);
    expect(gold.map((s) => [s.start, s.end, s.label, s.provenance, s.quote])).toEqual([
      [C0, C1, 'pro-coalition', ['ahmad', 'sara'], 'قال رئيس الوزراء'],
      [W0, W1, 'pro-withdrawal', ['ahmad', 'laila', 'sara'], [...TEXT].slice(W0, W1).join('')],
    ]);
    expect(await d.statuses.get([docId, GOLD_ANNOTATOR_ID])).toMatchObject({
      status: 'in-progress',
    });
    expect(await d.annotators.get(GOLD_ANNOTATOR_ID)).toMatchObject({ kind: 'gold' });
  });

  it('gold keeps the holder and note its proposers all agree on, else none', async () => {
    const { db: d, docId } = await seed();
    const mine = await d.spans.where('docId').equals(docId).toArray();
    const set = (a: string, label: string, holder: string | null, note: string | null) =>
      d.spans.put({
        ...mine.find((s) => s.annotatorId === a && s.label === label)!,
        holder,
        note,
      });
    await set('laila', 'pro-withdrawal', 'رئيس الوزراء', 'صريح');
    await set('ahmad', 'pro-withdrawal', 'رئيس الوزراء', 'صريح');
    await set('sara', 'pro-withdrawal', 'رئيس الوزراء', 'ضمني');
    await set('ahmad', 'pro-coalition', 'الكاظمي', null);
    await acceptAllAgreed(d, [docId], 2, ['laila', 'ahmad', 'sara']);
    const gold = await goldOf(d, docId);
    expect(gold.map((s) => [s.label, s.holder, s.note])).toEqual([
      ['pro-coalition', null, null],
      ['pro-withdrawal', 'رئيس الوزراء', null],
    ]);
    const k = await acceptIntoGold(d, docId, { start: K0, end: K1, label: 'kurdish-skepticism' });
    expect([k.holder, k.note]).toEqual([null, null]);
    await set('laila', 'kurdish-skepticism', 'مسؤول كردي', 'ملاحظة');
    await removeGoldSpan(d, k.id);
    const again = await acceptIntoGold(d, docId, {
      start: K0,
      end: K1,
      label: 'kurdish-skepticism',
    });
    expect([again.holder, again.note]).toEqual(['مسؤول كردي', 'ملاحظة']);
  });

  it('gold takes the holder actor, target and attribution its proposers agree on; the adjudicator settles the rest', async () => {
    const { db: d, docId } = await seed();
    await d.actors.bulkAdd(
      ['kadhimi', 'fuad'].map((id) => ({
        id,
        nameAr: id === 'kadhimi' ? 'مصطفى الكاظمي' : 'فؤاد حسين',
        nameEn: '',
        kind: 'person' as const,
        affiliation: null,
        aliases: [],
        createdAt: 0,
        updatedAt: 0,
      })),
    );
    const mine = await d.spans.where('docId').equals(docId).toArray();
    const set = (a: string, label: string, fields: Partial<SpanRecord>) =>
      d.spans.put({ ...mine.find((s) => s.annotatorId === a && s.label === label)!, ...fields });
    const kadhimi = { holderActorId: 'kadhimi', holder: 'مصطفى الكاظمي' };
    await set('laila', 'pro-withdrawal', {
      ...kadhimi,
      target: 'القوات القتالية',
      attribution: 'reported-speech',
    });
    await set('ahmad', 'pro-withdrawal', {
      ...kadhimi,
      target: 'القوات القتاليه',
      attribution: 'direct-quote',
    });
    await set('sara', 'pro-withdrawal', {
      ...kadhimi,
      target: 'القوات القتالية',
      attribution: 'reported-speech',
    });
    await set('ahmad', 'pro-coalition', { holderActorId: 'fuad', holder: 'فؤاد حسين' });
    await acceptAllAgreed(d, [docId], 2, ['laila', 'ahmad', 'sara']);
    const [coalition, withdrawal] = await goldOf(d, docId);
    // All three name Kadhimi and the same target (folded); they differ on the attribution.
    expect(withdrawal).toMatchObject({
      holderActorId: 'kadhimi',
      holder: 'مصطفى الكاظمي',
      target: 'القوات القتالية',
    });
    expect(withdrawal!.attribution).toBeUndefined();
    // Only ahmad named Fuad Hussein: not settled.
    expect(coalition!.holderActorId).toBeUndefined();

    const settled = await settleGoldAttribution(d, withdrawal!.id, {
      attribution: 'reported-speech',
    });
    expect(settled).toMatchObject({ holderActorId: 'kadhimi', attribution: 'reported-speech' });
    await settleGoldAttribution(d, coalition!.id, { actorId: 'fuad', target: 'التحالف' });
    expect(await d.spans.get(coalition!.id)).toMatchObject({
      holderActorId: 'fuad',
      holder: 'فؤاد حسين',
      target: 'التحالف',
    });
    await expect(settleGoldAttribution(d, coalition!.id, { actorId: 'nobody' })).rejects.toThrow(
      /No actor nobody/,
    );
    await expect(settleGoldAttribution(d, mine[0]!.id, { target: 'x' })).rejects.toThrow(
      /no longer exists/,
    );
  });

  it('remembers a rejection, so accept-all does not bring the span back; accepting undoes it', async () => {
    const { db: d, docId } = await seed();
    const coalition = { start: C0, end: C1, label: 'pro-coalition' };
    await rejectProposal(d, docId, coalition);
    expect(await getRejected(d, docId)).toEqual([`${C0}:${C1}:pro-coalition`]);
    await acceptAllAgreed(d, [docId], 2, ['laila', 'ahmad', 'sara']);
    expect((await goldOf(d, docId)).map((s) => s.label)).toEqual(['pro-withdrawal']);
    await acceptIntoGold(d, docId, coalition);
    expect(await getRejected(d, docId)).toEqual([]);
    expect((await goldOf(d, docId)).map((s) => s.label)).toEqual([
      'pro-coalition',
      'pro-withdrawal',
    ]);
  });

  it('edits a gold span: new extent and label, quote and provenance recomputed; refuses an empty one', async () => {
    const { db: d, docId } = await seed();
    const g = await acceptIntoGold(d, docId, { start: K0, end: K1, label: 'kurdish-skepticism' });
    expect(g.provenance).toEqual(['laila']);
    const e = await editGoldSpan(d, g.id, { start: W0, end: W1, label: 'pro-withdrawal' });
    expect(e.provenance).toEqual(['ahmad', 'laila', 'sara']);
    expect(e.quote).toBe([...TEXT].slice(W0, W1).join(''));
    await expect(editGoldSpan(d, g.id, { end: W0 })).rejects.toThrow(/must cover some text/);
    expect((await d.spans.get(g.id))?.end).toBe(W1);
  });
});
