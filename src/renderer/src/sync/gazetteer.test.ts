// Cue phrases in a team project, on real IndexedDB against a real
// pouchdb-server: an analyst's list goes out through the outbox written in
// the same transaction as the edit, reaches a colleague, and the
// colleague's suggester matches the union with who listed each phrase; two
// machines of one analyst settle on the later save; a
// colleague's list is never sent by someone else; a lead who is no analyst
// is told "not saved"; a hostile list from the server is skipped and named.
import { problemText } from '@core/problems/problem.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { gazetteerUnion, saveOwnGazetteer } from '../db/gazetteers.ts';
import { closeMembers, eventually, member, newProject, synced } from '../test/team.ts';
import { OUTBOX } from './tables.ts';

afterEach(closeMembers);

const OMAR = { 'pro-withdrawal': ['انسحاب القوات', 'لا حاجة لقوات قتالية'] };

describe('cue phrases (gazetteers) in a team project', { timeout: 120_000 }, () => {
  it('an analyst’s cue phrases reach a colleague, who matches them with the name of who listed them', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const huda = await member('huda', server, project);
    await huda.db.gazetteers.put({
      annotatorId: 'huda',
      phrases: { 'pro-withdrawal': ['انسحاب القوات'], 'pro-coalition': ['بقاء القوات'] },
      updatedAt: 1,
    });

    // The edit and its outbox row are one transaction: stop the engine so
    // nothing moves the row on before we look.
    await omar.engine.stop();
    expect(await saveOwnGazetteer(omar.db, 'omar', JSON.stringify(OMAR))).toEqual([]);
    expect(await omar.db.outbox.get('gazetteer:omar')).toMatchObject({ state: OUTBOX.pending });
    omar.restart();

    await eventually(async () =>
      expect((await huda.db.gazetteers.get('omar'))?.phrases).toEqual(OMAR),
    );
    const union = await gazetteerUnion(huda.db);
    expect(union.gazetteer['pro-withdrawal']).toEqual(['انسحاب القوات', 'لا حاجة لقوات قتالية']);
    expect(union.authors['pro-withdrawal']).toEqual({
      'انسحاب القوات': ['huda', 'omar'],
      'لا حاجة لقوات قتالية': ['omar'],
    });
    // Huda's own list went out too, and came to Omar.
    await eventually(async () =>
      expect((await omar.db.gazetteers.get('huda'))?.phrases['pro-coalition']).toEqual([
        'بقاء القوات',
      ]),
    );
    const onServer = await commands.teamAdmin({
      method: 'GET',
      path: `/${project}/gazetteer:omar`,
    });
    expect(onServer.body).toMatchObject({ annotatorId: 'omar', phrases: OMAR });

    // Omar empties his list: colleagues see it emptied.
    expect(await saveOwnGazetteer(omar.db, 'omar', '{}')).toEqual([]);
    await eventually(async () =>
      expect((await huda.db.gazetteers.get('omar'))?.phrases).toEqual({}),
    );
  });

  it('two machines of one analyst change the list offline: the later save wins on both', async () => {
    const { server, project } = await newProject();
    const one = await member('omar', server, project);
    const two = await member('omar', server, project);
    await saveOwnGazetteer(one.db, 'omar', JSON.stringify(OMAR));
    await eventually(async () =>
      expect((await two.db.gazetteers.get('omar'))?.phrases).toEqual(OMAR),
    );
    await synced(one);
    await synced(two);

    await one.engine.stop();
    await two.engine.stop();
    const early = { 'pro-withdrawal': ['انسحاب القوات'] };
    const late = { 'pro-coalition': ['بقاء القوات'] };
    const now = Date.now();
    await one.db.gazetteers.put({ annotatorId: 'omar', phrases: early, updatedAt: now + 1000 });
    await two.db.gazetteers.put({ annotatorId: 'omar', phrases: late, updatedAt: now + 2000 });
    one.restart();
    two.restart();
    await eventually(async () => {
      expect((await one.db.gazetteers.get('omar'))?.phrases).toEqual(late);
      expect((await two.db.gazetteers.get('omar'))?.phrases).toEqual(late);
    });
    await synced(one);
    await synced(two);
    const res = await commands.teamAdmin({
      method: 'GET',
      path: `/${project}/gazetteer:omar?conflicts=true`,
    });
    expect(res.body).toMatchObject({ phrases: late });
    expect((res.body as { _conflicts?: string[] })._conflicts).toBeUndefined();
  });

  it('a colleague’s list changed locally is never sent; the project’s version stands', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    await saveOwnGazetteer(omar.db, 'omar', JSON.stringify(OMAR));
    const huda = await member('huda', server, project);
    await eventually(async () => expect(await huda.db.gazetteers.get('omar')).toBeDefined());
    await synced(huda);
    // Written behind the app's back in Huda's profile: no outbox row, nothing sent.
    await huda.db.gazetteers.put({ annotatorId: 'omar', phrases: { x: ['مزيف'] }, updatedAt: 9 });
    expect(await huda.db.outbox.get('gazetteer:omar')).toBeUndefined();
    await synced(huda);
    const onServer = await commands.teamAdmin({
      method: 'GET',
      path: `/${project}/gazetteer:omar`,
    });
    expect((onServer.body as { phrases: unknown }).phrases).toEqual(OMAR);
  });

  it('a lead who is no analyst is told the cue phrases are not saved', async () => {
    const { server, project } = await newProject();
    const lina = await member('lina', server, project);
    // Lina as a lead only (the test server's lina is an analyst too).
    await lina.engine.stop();
    lina.config.roles = ['lead'];
    await lina.db.syncMeta.put({ key: 'config', value: lina.config });
    lina.restart();
    expect(
      (await saveOwnGazetteer(lina.db, 'lina', JSON.stringify(OMAR))).map(problemText),
    ).toEqual([
      `in the team project ${project}, only analysts keep cue phrases, and lina (lead) is not one`,
    ]);
    expect(await lina.db.gazetteers.count()).toBe(0);
    expect(await lina.db.outbox.get('gazetteer:lina')).toBeUndefined();
  });

  it('a hostile list from the server is skipped and named; a good one applies', async () => {
    const { server, project } = await newProject();
    // An admin (past the validation) writes what no app would.
    const docs = [
      { _id: 'gazetteer:sara', annotatorId: 'sara', phrases: OMAR, updatedAt: 1 },
      { _id: 'gazetteer:nour', annotatorId: 'sara', phrases: OMAR, updatedAt: 1 },
      {
        _id: 'gazetteer:omar',
        annotatorId: 'omar',
        phrases: { 'pro-withdrawal': ['ا'.repeat(501)] },
        updatedAt: 1,
      },
      { _id: 'gazetteer:huda', annotatorId: 'huda', phrases: ['انسحاب'], updatedAt: 1 },
    ];
    const put = await commands.teamAdmin({
      method: 'POST',
      path: `/${project}/_bulk_docs`,
      body: { docs },
    });
    expect(put.status).toBe(201);
    const lina = await member('lina', server, project);
    const rejected = await eventually(() => {
      const r = lina.engine.current.rejected;
      expect(r).toHaveLength(3);
      return r;
    });
    expect(Object.fromEntries(rejected.map((r) => [r.id, r.problem]))).toEqual({
      'gazetteer:nour': 'the cue phrases do not match their id',
      'gazetteer:omar': 'phrases: "pro-withdrawal"[0]: a cue phrase is at most 500 characters',
      'gazetteer:huda': 'phrases: Invalid input: expected record, received array',
    });
    expect((await lina.db.gazetteers.toArray()).map((g) => g.annotatorId)).toEqual(['sara']);
  });
});
