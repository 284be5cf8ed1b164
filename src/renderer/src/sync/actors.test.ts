// Actors in a team project, on real IndexedDB against a real pouchdb-server:
// an actor one analyst makes from a selected name goes out through the
// outbox row written with it, reaches a colleague, who attributes their own
// span to it; the attributions travel on the spans and count as one actor
// in each profile's Analysis. A merge by one analyst reaches the other as a
// tombstone their own spans resolve through, and its undo syncs too. Two
// analysts editing one actor offline end with the same field-wise merge and
// no conflict left. Actors made before joining go to the project on
// connecting. Hostile actor documents are skipped and named.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { buildDocumentRecord } from '@core/document.ts';
import type { SpanRecord } from '@core/model.ts';
import {
  addActorFromSelection,
  listActors,
  mergeActorsInto,
  removeActor,
  spanAttributionChange,
  undoActorEdit,
  updateActor,
} from '../db/actors.ts';
import { loadAnalysis } from '../db/analysis.ts';
import { applyChanges, makeSpan } from '../db/spans.ts';
import { closeMembers, eventually, member, newProject, synced, type Member } from '../test/team.ts';
import { connectProject, disconnectProject } from './connection.ts';
import { OUTBOX } from './tables.ts';

afterEach(closeMembers);

const TEXT =
  'قال رئيس الوزراء مصطفى الكاظمي إن لا حاجة لقوات قتالية أجنبية، وقال الكاظمي ذلك مجددا';

/** A span of `m` on `docId` over `quote`, attributed to actor `actorId`. */
async function attributed(m: Member, docId: string, quote: string, actorId: string) {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(quote))).length;
  const span: SpanRecord = makeSpan({
    docId,
    annotatorId: m.self.id,
    label: 'pro-withdrawal',
    start,
    end: start + Array.from(quote).length,
    quote,
  });
  await applyChanges(m.db, [{ table: 'spans', before: null, after: span }]);
  const change = await spanAttributionChange(m.db, span.id, {
    actorId,
    attribution: 'reported-speech',
  });
  await applyChanges(m.db, [change]);
  return change.after!;
}

/** The Analysis rows of a profile: holder name → statements, both analysts counted. */
async function rows(m: Member): Promise<[string, number][]> {
  const view = await loadAnalysis(m.db, { annotators: ['huda', 'omar'] });
  return view.rows.map((r) => [r.holder.name, r.total]);
}

describe('actors in a team project', { timeout: 120_000 }, () => {
  it('an actor made by one analyst reaches a colleague, who attributes a span to it; both count it as one', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const huda = await member('huda', server, project);
    const doc = await buildDocumentRecord({ text: TEXT });
    await omar.db.documents.add(doc);

    // The actor and its outbox row are one transaction.
    await omar.engine.stop();
    const made = await addActorFromSelection(omar.db, '«مصطفى الكاظمي»');
    if (made.ok !== true) throw new Error(JSON.stringify(made));
    const actor = made.actor;
    expect(await omar.db.outbox.get(`actor:${actor.id}`)).toMatchObject({
      state: OUTBOX.pending,
    });
    omar.restart();
    const omarSpan = await attributed(omar, doc.id, 'لا حاجة لقوات قتالية أجنبية', actor.id);

    await eventually(async () => expect(await listActors(huda.db)).toEqual([actor]));
    await eventually(async () => expect(await huda.db.documents.get(doc.id)).toBeDefined());
    const hudaSpan = await attributed(huda, doc.id, 'ذلك مجددا', actor.id);

    // Each span arrives with its holder actor and attribution.
    await eventually(async () =>
      expect(await omar.db.spans.get(hudaSpan.id)).toMatchObject({
        holderActorId: actor.id,
        attribution: 'reported-speech',
      }),
    );
    await eventually(async () =>
      expect(await huda.db.spans.get(omarSpan.id)).toMatchObject({ holderActorId: actor.id }),
    );
    expect(await rows(omar)).toEqual([['مصطفى الكاظمي', 2]]);
    expect(await rows(huda)).toEqual([['مصطفى الكاظمي', 2]]);

    // The server holds the actor, written by Omar.
    const onServer = await commands.teamAdmin({
      method: 'GET',
      path: `/${project}/actor:${actor.id}`,
    });
    expect(onServer.body).toMatchObject({
      id: actor.id,
      nameAr: 'مصطفى الكاظمي',
      updatedBy: 'omar',
    });

    // Huda edits the actor: Omar sees it.
    const edited = await updateActor(huda.db, actor.id, { nameEn: 'Mustafa al-Kadhimi' });
    expect(edited.ok).toBe(true);
    await eventually(async () =>
      expect((await omar.db.actors.get(actor.id))?.nameEn).toBe('Mustafa al-Kadhimi'),
    );
  });

  it('a merge reaches the colleague as a tombstone their spans resolve through; its undo syncs too', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const huda = await member('huda', server, project);
    const doc = await buildDocumentRecord({ text: TEXT });
    await omar.db.documents.add(doc);
    // Two analysts made the same person twice.
    const long = await addActorFromSelection(omar.db, 'مصطفى الكاظمي');
    if (long.ok !== true) throw new Error('not made');
    await eventually(async () => expect(await huda.db.actors.count()).toBe(1));
    await eventually(async () => expect(await huda.db.documents.get(doc.id)).toBeDefined());
    const short = await addActorFromSelection(huda.db, 'الكاظمي');
    if (short.ok !== true) throw new Error('not made');
    const hudaSpan = await attributed(huda, doc.id, 'ذلك مجددا', short.actor.id);
    await eventually(async () =>
      expect(await omar.db.spans.get(hudaSpan.id)).toMatchObject({
        holderActorId: short.actor.id,
      }),
    );
    expect((await rows(omar)).map(([n]) => n)).toEqual(['الكاظمي']);

    // Omar merges Huda's actor into his. He cannot rewrite Huda's span.
    const merged = await mergeActorsInto(omar.db, long.actor.id, [short.actor.id]);
    if (!merged.ok) throw new Error(JSON.stringify(merged.errors));
    await eventually(async () =>
      expect(await huda.db.actors.get(short.actor.id)).toMatchObject({
        mergedInto: long.actor.id,
      }),
    );
    expect((await listActors(huda.db)).map((a) => a.id)).toEqual([long.actor.id]);
    expect((await huda.db.spans.get(hudaSpan.id))?.holderActorId).toBe(short.actor.id);
    expect(await rows(huda)).toEqual([['مصطفى الكاظمي', 1]]);
    expect(await rows(omar)).toEqual([['مصطفى الكاظمي', 1]]);
    await synced(omar);

    // Omar undoes the merge: both actors are live again for Huda.
    await undoActorEdit(omar.db, merged.edit);
    await eventually(async () =>
      expect((await listActors(huda.db)).map((a) => a.nameAr).sort()).toEqual([
        'الكاظمي',
        'مصطفى الكاظمي',
      ]),
    );
    expect(await rows(huda)).toEqual([['الكاظمي', 1]]);
  });

  it('an actor a colleague removes: the analyst’s own spans it held keep its name as free text, on every profile', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const huda = await member('huda', server, project);
    const doc = await buildDocumentRecord({ text: TEXT });
    await omar.db.documents.add(doc);
    const made = await addActorFromSelection(omar.db, 'مصطفى الكاظمي');
    if (made.ok !== true) throw new Error('not made');
    const actor = made.actor;
    await eventually(async () => expect(await huda.db.actors.get(actor.id)).toBeDefined());
    await eventually(async () => expect(await huda.db.documents.get(doc.id)).toBeDefined());
    const hudaSpan = await attributed(huda, doc.id, 'ذلك مجددا', actor.id);
    await eventually(async () =>
      expect(await omar.db.spans.get(hudaSpan.id)).toMatchObject({ holderActorId: actor.id }),
    );

    // Omar removes the actor. He cannot rewrite Huda's span; her profile does.
    expect((await removeActor(omar.db, actor.id)).ok).toBe(true);
    const unlinked = { holderActorId: null, holder: 'مصطفى الكاظمي' };
    await eventually(async () =>
      expect(await huda.db.spans.get(hudaSpan.id)).toMatchObject(unlinked),
    );
    expect(await huda.db.actors.get(actor.id)).toBeUndefined();
    // She sends it: Omar's profile gets her span unlinked from the project.
    await eventually(async () =>
      expect(await omar.db.spans.get(hudaSpan.id)).toMatchObject(unlinked),
    );
    await synced(huda);
    expect(await rows(huda)).toEqual([['مصطفى الكاظمي', 1]]);
    expect(await rows(omar)).toEqual([['مصطفى الكاظمي', 1]]);
  });

  it('two analysts edit one actor offline: both end with the same field-wise merge, no conflict left', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const huda = await member('huda', server, project);
    const made = await addActorFromSelection(omar.db, 'مصطفى الكاظمي');
    if (made.ok !== true) throw new Error('not made');
    const id = made.actor.id;
    await eventually(async () => expect(await huda.db.actors.get(id)).toBeDefined());
    await synced(omar);
    await synced(huda);

    await omar.engine.stop();
    await huda.engine.stop();
    const first = await updateActor(omar.db, id, { aliases: ['رئيس الوزراء'] });
    if (!first.ok) throw new Error('not edited');
    // Huda's edit is the later one (edit times are milliseconds).
    await eventually(() => expect(Date.now()).toBeGreaterThan(first.actor.updatedAt));
    expect(
      (await updateActor(huda.db, id, { nameEn: 'Mustafa al-Kadhimi', aliases: ['الكاظمي'] })).ok,
    ).toBe(true);
    omar.restart();
    huda.restart();

    const expected = {
      nameAr: 'مصطفى الكاظمي',
      nameEn: 'Mustafa al-Kadhimi',
      aliases: ['الكاظمي', 'رئيس الوزراء'],
    };
    // The later edit's fields (Huda's), and the aliases of both.
    const settled = async (m: Member) => {
      const a = await m.db.actors.get(id);
      expect({ ...a, aliases: [...(a?.aliases ?? [])].sort() }).toMatchObject(expected);
      return a;
    };
    const [a, b] = await eventually(async () => [await settled(omar), await settled(huda)]);
    expect(a).toEqual(b);
    await eventually(async () => {
      const res = await commands.teamAdmin({
        method: 'GET',
        path: `/${project}/actor:${id}?conflicts=true`,
      });
      expect((res.body as { _conflicts?: string[] })._conflicts).toBeUndefined();
      expect([...(res.body as { aliases: string[] }).aliases].sort()).toEqual(expected.aliases);
    });
  });

  it('actors made before joining a project go to it when the analyst connects', async () => {
    const { server, project } = await newProject();
    const huda = await member('huda', server, project);
    await huda.engine.stop();
    await disconnectProject(huda.db, huda.host, huda.config);
    // Working alone: nothing is queued.
    const made = await addActorFromSelection(huda.db, 'قيس الخزعلي');
    if (made.ok !== true) throw new Error('not made');
    expect(await huda.db.outbox.count()).toBe(0);
    const r = await connectProject(
      huda.db,
      huda.host,
      { server, project, user: 'huda', password: 'pw-huda' },
      huda.self.id,
    );
    if (!r.ok) throw new Error(r.message);
    expect(await huda.db.outbox.get(`actor:${made.actor.id}`)).toMatchObject({
      state: OUTBOX.pending,
    });
    huda.restart();
    const omar = await member('omar', server, project);
    await eventually(async () => expect(await listActors(omar.db)).toEqual([made.actor]));
  });

  it('hostile actor documents from the server are skipped and named; a good one applies', async () => {
    const { server, project } = await newProject();
    const good = {
      id: 'a1',
      nameAr: 'قيس الخزعلي',
      nameEn: 'Qais al-Khazali',
      kind: 'person',
      affiliation: 'عصائب أهل الحق',
      aliases: ['الخزعلي'],
      createdAt: 1,
      updatedAt: 2,
      mergedInto: null,
      updatedBy: 'omar',
    };
    // An admin (past the validation) writes what no app would.
    const docs = [
      { _id: 'actor:a1', ...good },
      { _id: 'actor:a2', ...good },
      { _id: 'actor:a3', ...good, id: 'a3', kind: 'alien' },
      { _id: 'actor:a4', ...good, id: 'a4', aliases: 'الخزعلي' },
      { _id: 'actor:a5', ...good, id: 'a5', mergedInto: 'a5' },
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
      expect(r).toHaveLength(4);
      return r;
    });
    expect(Object.fromEntries(rejected.map((r) => [r.id, r.problem]))).toEqual({
      'actor:a2': 'the actor does not match its id',
      'actor:a3': 'kind: kind must be one of person, party-or-faction, government, state',
      'actor:a4': 'aliases: Invalid input: expected array, received string',
      'actor:a5': 'mergedInto: an actor cannot be merged into itself',
    });
    expect((await lina.db.actors.toArray()).map((a) => a.id)).toEqual(['a1']);
  });
});
