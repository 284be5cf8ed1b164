// Shared documents on real IndexedDB against a real pouchdb-server: gold
// changed by two adjudicators offline keeps both versions as a conflict
// until one is chosen; an analyst's gold is refused (here first, and by the
// server when the app believes it may write); the label set, settings and
// assignments travel from the lead.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { buildDocumentRecord } from '@core/document.ts';
import { GOLD_ANNOTATOR_ID } from '@core/model.ts';
import { acceptIntoGold } from '../db/gold.ts';
import { saveLabel } from '../db/labels.ts';
import { closeMembers, eventually, member, newProject, synced, type Member } from '../test/team.ts';
import { PROJECT_SETTINGS_KEY } from './outbox.ts';
import { OUTBOX } from './tables.ts';

afterEach(closeMembers);

const TEXT = 'قال رئيس الوزراء إن لا حاجة لوجود قوات قتالية أجنبية على الأراضي العراقية';

async function goldLabels(m: Member, docId: string): Promise<string[]> {
  const spans = await m.db.spans
    .where('[docId+annotatorId]')
    .equals([docId, GOLD_ANNOTATOR_ID])
    .toArray();
  return spans.map((s) => `${s.start}:${s.end}:${s.label}`).sort();
}

describe('gold', { timeout: 120_000 }, () => {
  it('two adjudicators change one document’s gold offline: both versions kept, one chosen', async () => {
    const { server, project } = await newProject();
    const sara = await member('sara', server, project);
    const nour = await member('nour', server, project);
    const doc = await buildDocumentRecord({ text: TEXT });
    await sara.db.documents.add(doc);
    await acceptIntoGold(sara.db, doc.id, { start: 0, end: 3, label: 'pro-withdrawal' });
    await eventually(async () =>
      expect(await goldLabels(nour, doc.id)).toEqual(['0:3:pro-withdrawal']),
    );
    await synced(sara);
    await synced(nour);

    await sara.engine.stop();
    await nour.engine.stop();
    await acceptIntoGold(sara.db, doc.id, { start: 4, end: 8, label: 'pro-coalition' });
    await acceptIntoGold(nour.db, doc.id, { start: 21, end: 52, label: 'pro-withdrawal' });
    sara.restart();
    nour.restart();

    // Both see the conflict, with both versions, and the same gold meanwhile.
    const conflictOf = async (m: Member) => {
      const c = await m.db.conflicts.get(`gold:${doc.id}`);
      expect(c?.versions).toHaveLength(2);
      return c!;
    };
    const [a, b] = await eventually(async () => [await conflictOf(sara), await conflictOf(nour)]);
    expect(a.kind).toBe('gold');
    expect(a.docId).toBe(doc.id);
    expect(a.versions.map((v) => v.updatedBy).sort()).toEqual(['nour', 'sara']);
    expect(b.versions.map((v) => v.rev).sort()).toEqual(a.versions.map((v) => v.rev).sort());
    const shown = await goldLabels(sara, doc.id);
    await eventually(async () => expect(await goldLabels(nour, doc.id)).toEqual(shown));
    const nours = a.versions.find((v) => v.updatedBy === 'nour')!;
    expect(nours.spans!.map((s) => `${s.start}:${s.end}:${s.label}`).sort()).toEqual([
      '0:3:pro-withdrawal',
      '21:52:pro-withdrawal',
    ]);
    expect(nours.summary).toBe('2 spans');

    // Sara keeps Nour's version: everyone ends with it, and no conflict.
    expect(await sara.engine.resolve(`gold:${doc.id}`, nours.rev)).toBeNull();
    for (const m of [sara, nour])
      await eventually(async () => {
        expect(await goldLabels(m, doc.id)).toEqual(['0:3:pro-withdrawal', '21:52:pro-withdrawal']);
        expect(await m.db.conflicts.count()).toBe(0);
      });
  });

  it('an analyst’s gold is refused with the reason, never sent', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const doc = await buildDocumentRecord({ text: TEXT });
    await omar.db.documents.add(doc);
    await expect(
      acceptIntoGold(omar.db, doc.id, { start: 0, end: 3, label: 'pro-withdrawal' }),
    ).rejects.toThrow(
      `Not saved: in the team project ${project}, only adjudicators change gold, and omar (analyst) is not one.`,
    );
    expect(await omar.db.spans.count()).toBe(0);
    // Written behind the app's back, it is refused before it is sent.
    await omar.db.statuses.put({
      docId: doc.id,
      annotatorId: GOLD_ANNOTATOR_ID,
      status: 'done',
      docStance: null,
      updatedAt: 1,
    });
    const row = await eventually(async () => {
      const r = await omar.db.outbox.get(`gold:${doc.id}`);
      expect(r?.state).toBe(OUTBOX.refused);
      return r!;
    });
    expect(row.refused).toBe(
      `403: gold:${doc.id}: only adjudicators change gold; omar is not one.`,
    );
    await eventually(() =>
      expect(omar.engine.current).toMatchObject({
        refused: 1,
        refusedReason: row.refused,
        waiting: 0,
      }),
    );
    expect(
      (await commands.teamAdmin({ method: 'GET', path: `/${project}/gold:${doc.id}` })).status,
    ).toBe(404);
  });

  it('the server refuses gold from a user whose role was taken away, and the app says so', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    // The app believes Omar adjudicates (as if his role was removed since he
    // signed in): only the server stands in the way.
    await omar.engine.stop();
    omar.config.roles = ['analyst', 'adjudicator'];
    await omar.db.syncMeta.put({ key: 'config', value: omar.config });
    omar.restart();
    const doc = await buildDocumentRecord({ text: TEXT });
    await omar.db.documents.add(doc);
    await acceptIntoGold(omar.db, doc.id, { start: 0, end: 3, label: 'pro-withdrawal' });
    await eventually(async () => {
      const r = await omar.db.outbox.get(`gold:${doc.id}`);
      expect(r?.state).toBe(OUTBOX.refused);
      expect(r?.refused).toMatch(/^403: .*only adjudicators change gold; omar is not one/);
    });
    // What the header shows: a refused change and why. (The last error
    // itself clears as soon as another change goes through.)
    await eventually(async () => {
      expect(omar.engine.current.refused).toBe(1);
      expect(omar.engine.current.refusedReason).toMatch(/only adjudicators change gold/);
    });
    expect(
      (await commands.teamAdmin({ method: 'GET', path: `/${project}/gold:${doc.id}` })).status,
    ).toBe(404);
  });
});

describe('project settings', { timeout: 120_000 }, () => {
  it('the lead’s label set, blind mode and assignments reach analysts; theirs do not go out', async () => {
    const { server, project } = await newProject();
    const lina = await member('lina', server, project);
    const label = (await lina.db.labels.get('pro-withdrawal'))!;
    await saveLabel(lina.db, 'pro-withdrawal', {
      ...label,
      definition: 'Withdrawal, as the lead defines it.',
    });
    await lina.db.settings.put({ key: PROJECT_SETTINGS_KEY, value: { blind: true } });
    await lina.db.assignments.put({ docId: 'd1', annotatorIds: ['omar'] });
    await synced(lina);

    const omar = await member('omar', server, project);
    await eventually(async () => {
      expect((await omar.db.labels.get('pro-withdrawal'))?.definition).toBe(
        'Withdrawal, as the lead defines it.',
      );
      expect((await omar.db.settings.get(PROJECT_SETTINGS_KEY))?.value).toEqual({ blind: true });
      expect(await omar.db.assignments.get('d1')).toEqual({ docId: 'd1', annotatorIds: ['omar'] });
    });
    // Omar may not change the label set: not saved, and the project's set is unchanged.
    await expect(
      saveLabel(omar.db, 'pro-withdrawal', { ...label, definition: 'Mine.' }),
    ).rejects.toThrow(/^Not saved: .*only project leads change the label set/);
    expect((await omar.db.labels.get('pro-withdrawal'))?.definition).toBe(
      'Withdrawal, as the lead defines it.',
    );
    const labels = await commands.teamAdmin({ method: 'GET', path: `/${project}/project:labels` });
    expect(JSON.stringify(labels.body)).toContain('Withdrawal, as the lead defines it.');
  });
});
