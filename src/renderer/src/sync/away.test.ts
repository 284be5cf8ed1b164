// Work done while disconnected from a team project, on real IndexedDB
// against a real pouchdb-server. What the analyst relies on: a span they
// delete while disconnected stays deleted when they connect again (it is
// deleted on the server too, and does not come back from the project),
// while deletions made after leaving one project are never sent to another.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { buildDocumentRecord } from '@core/document.ts';
import { BackupReader } from '@core/formats/backup.ts';
import { splitJsonl } from '@core/jsonl.ts';
import { addActorFromSelection, removeActor } from '../db/actors.ts';
import { backupText, restoreBackup } from '../db/backup.ts';
import { cpSlice } from '@core/offsets.ts';
import { applyChanges, makeSpan } from '../db/spans.ts';
import { closeMembers, eventually, member, newProject, synced, type Member } from '../test/team.ts';
import { connectProject, disconnectProject } from './connection.ts';
import { AWAY_KEY as _A } from './meta.ts';
import { OUTBOX } from './tables.ts';

afterEach(closeMembers);

const TEXT = 'قال رئيس الوزراء مصطفى الكاظمي إن لا حاجة لقوات قتالية أجنبية على الأراضي العراقية';

/** A span of `m` over code points [start, end) of the article `docId`. */
async function label(m: Member, docId: string, start: number, end: number) {
  const span = makeSpan({
    docId,
    annotatorId: m.self.id,
    label: 'pro-withdrawal',
    start,
    end,
    quote: cpSlice(TEXT, start, end),
  });
  await applyChanges(m.db, [{ table: 'spans', before: null, after: span }]);
  return span;
}

/** The project's document `id` as the server has it (null: none, or deleted). */
async function onServer(project: string, id: string): Promise<Record<string, unknown> | null> {
  const res = await commands.teamAdmin({ method: 'GET', path: `/${project}/${id}` });
  return res.status === 200 ? (res.body as Record<string, unknown>) : null;
}

/** Disconnects `m` (its engine stopped first), as the Team dialog does. */
async function disconnect(m: Member): Promise<void> {
  await m.engine.stop();
  await disconnectProject(m.db, m.host, m.config);
}

/** Connects `m` again to `project` and starts syncing. */
async function reconnect(m: Member, server: string, project: string): Promise<void> {
  const user = m.self.id;
  const r = await connectProject(
    m.db,
    m.host,
    { server, project, user, password: `pw-${user}` },
    m.self.id,
  );
  if (!r.ok) throw new Error(r.message);
  m.config = r.config;
  m.restart();
}

describe('deletions made while disconnected', { timeout: 120_000 }, () => {
  it('are sent on the next connection to the same project: the span stays deleted', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const doc = await buildDocumentRecord({ text: TEXT });
    await omar.db.documents.add(doc);
    const kept = await label(omar, doc.id, 0, 3);
    const gone = await label(omar, doc.id, 35, 60);
    await synced(omar);
    expect(await onServer(project, `span:omar:${gone.id}`)).toMatchObject({
      label: 'pro-withdrawal',
    });

    await disconnect(omar);
    await applyChanges(omar.db, [{ table: 'spans', before: gone, after: null }]);
    // Only the deletion is recorded while disconnected, against the project left.
    expect(await omar.db.outbox.toArray()).toEqual([
      expect.objectContaining({ id: `span:omar:${gone.id}`, state: OUTBOX.pending }),
    ]);

    await reconnect(omar, server, project);
    await synced(omar);
    await eventually(async () =>
      expect(await onServer(project, `span:omar:${gone.id}`)).toBeNull(),
    );
    expect(await onServer(project, `span:omar:${kept.id}`)).toMatchObject({
      label: 'pro-withdrawal',
    });
    // The project's copy of the span did not come back into the profile.
    expect(await omar.db.spans.get(gone.id)).toBeUndefined();
    expect(await omar.db.spans.get(kept.id)).toBeDefined();
    expect(await omar.db.syncMeta.get('away')).toBeUndefined();

    // A colleague joining afterwards gets the one span that is left.
    const huda = await member('huda', server, project);
    await synced(huda);
    expect((await huda.db.spans.where('docId').equals(doc.id).toArray()).map((s) => s.id)).toEqual([
      kept.id,
    ]);
  });

  it('are not sent to another project', async () => {
    const first = await newProject();
    const omar = await member('omar', first.server, first.project);
    const doc = await buildDocumentRecord({ text: TEXT });
    await omar.db.documents.add(doc);
    const gone = await label(omar, doc.id, 35, 60);
    await synced(omar);
    await disconnect(omar);
    await applyChanges(omar.db, [{ table: 'spans', before: gone, after: null }]);
    expect(await omar.db.outbox.count()).toBe(1);

    const second = await newProject();
    await reconnect(omar, second.server, second.project);
    expect(await omar.db.outbox.get(`span:omar:${gone.id}`)).toBeUndefined();
    await synced(omar);
    expect(await onServer(second.project, `span:omar:${gone.id}`)).toBeNull();
    // The first project still has it: nothing was sent there.
    expect(await onServer(first.project, `span:omar:${gone.id}`)).toMatchObject({
      label: 'pro-withdrawal',
    });
  });

  it('a profile that never joined a project records nothing', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    await disconnect(omar);
    await omar.db.syncMeta.clear();
    const doc = await buildDocumentRecord({ text: TEXT });
    await omar.db.documents.add(doc);
    const span = await label(omar, doc.id, 0, 3);
    await applyChanges(omar.db, [{ table: 'spans', before: span, after: null }]);
    expect(await omar.db.outbox.count()).toBe(0);
  });

  it('a deletion made offline and not yet sent when the analyst disconnects is sent too', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const doc = await buildDocumentRecord({ text: TEXT });
    await omar.db.documents.add(doc);
    const gone = await label(omar, doc.id, 35, 60);
    await synced(omar);
    // Offline: the deletion waits in the outbox; then the analyst disconnects.
    await omar.engine.stop();
    await applyChanges(omar.db, [{ table: 'spans', before: gone, after: null }]);
    await disconnectProject(omar.db, omar.host, omar.config);
    expect((await omar.db.outbox.toArray()).map((r) => [r.id, r.state])).toEqual([
      [`span:omar:${gone.id}`, OUTBOX.pending],
    ]);

    await reconnect(omar, server, project);
    await synced(omar);
    await eventually(async () =>
      expect(await onServer(project, `span:omar:${gone.id}`)).toBeNull(),
    );
    expect(await omar.db.spans.get(gone.id)).toBeUndefined();
  });

  it('restoring a backup while disconnected deletes nothing from the project', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const doc = await buildDocumentRecord({ text: TEXT });
    await omar.db.documents.add(doc);
    const before = await label(omar, doc.id, 0, 3);
    const text = await backupText(omar.db);
    const after = await label(omar, doc.id, 35, 60);
    await synced(omar);

    await disconnect(omar);
    const reader = new BackupReader();
    for (const line of splitJsonl(text)) reader.push(line);
    await restoreBackup(omar.db, reader.finish());
    expect(await omar.db.spans.get(after.id)).toBeUndefined();
    expect(await omar.db.outbox.count()).toBe(0);

    // Connecting again: the span made after the backup is the project's still, and comes back.
    await reconnect(omar, server, project);
    await synced(omar);
    expect(await onServer(project, `span:omar:${after.id}`)).toMatchObject({
      label: 'pro-withdrawal',
    });
    await eventually(async () => expect(await omar.db.spans.get(after.id)).toBeDefined());
    expect(await omar.db.spans.get(before.id)).toBeDefined();
  });

  it('shared documents deleted while disconnected are not queued: the project’s stand', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const made = await addActorFromSelection(omar.db, 'مصطفى الكاظمي');
    if (made.ok !== true) throw new Error('not made');
    await synced(omar);
    await disconnect(omar);
    expect((await removeActor(omar.db, made.actor.id)).ok).toBe(true);
    expect(await omar.db.outbox.count()).toBe(0);
  });
});
