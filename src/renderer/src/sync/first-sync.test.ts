// A first sync whose push direction waits for the first pull (engine.ts),
// on real IndexedDB against a real pouchdb-server, with the order of events
// set by holding chosen requests (Gate), not by timing. What the analyst
// relies on: every document they wrote reaches the server, whatever
// happened meanwhile: their own edits made while the project was still
// arriving, and a second engine on the same local copy (a second tab of the
// web build; here, two profiles of one analyst in one browser, whose copies
// share a name) starting its own first sync at the same moment.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { saveOwnGazetteer } from '../db/gazetteers.ts';
import { closeMembers, eventually, Gate, member, newProject, synced } from '../test/team.ts';
import { OUTBOX } from './tables.ts';

afterEach(closeMembers);

const OMAR = { 'pro-withdrawal': ['انسحاب القوات', 'لا حاجة لقوات قتالية'] };
const SARA = { 'pro-coalition': ['بقاء القوات'] };

/**
 * Matches the first read of a checkpoint after it was written, of the
 * second checkpoint an engine touches: the push replicator's (the pull
 * replicator, which starts first, touches its own first).
 */
function firstCheckpointReadBack(): (method: string, url: string) => boolean {
  const ids: string[] = [];
  const written = new Set<string>();
  let done = false;
  return (method, url) => {
    const id = /\/_local\/([^?]+)/.exec(url)?.[1];
    if (!id) return false;
    if (!ids.includes(id)) ids.push(id);
    if (method === 'PUT') written.add(id);
    if (done || method !== 'GET' || ids.indexOf(id) !== 1 || !written.has(id)) return false;
    done = true;
    return true;
  };
}

/** The project's document `id` as the server has it (null: it has none). */
async function onServer(project: string, id: string): Promise<Record<string, unknown> | null> {
  const res = await commands.teamAdmin({ method: 'GET', path: `/${project}/${id}` });
  return res.status === 200 ? (res.body as Record<string, unknown>) : null;
}

describe('the first sync’s push direction', { timeout: 120_000 }, () => {
  it('sends the analyst’s edits made while the first pull is still arriving', async () => {
    const { server, project } = await newProject();
    const put = await commands.teamAdmin({
      method: 'POST',
      path: `/${project}/_bulk_docs`,
      body: {
        docs: [
          { _id: 'annotator:sara', name: 'سارة' },
          { _id: 'gazetteer:sara', annotatorId: 'sara', phrases: SARA, updatedAt: 1 },
        ],
      },
    });
    expect(put.status).toBe(201);
    // The pull's reads of the server's changes wait until the edit is made;
    // what the engine asks the server about is noted.
    const asked: string[] = [];
    const changes = new Gate((method, url, body) => {
      if (url.includes('/_revs_diff')) asked.push(...Object.keys(JSON.parse(body ?? '{}')));
      return method === 'GET' && url.includes('/_changes');
    });
    const omar = await member('omar', server, project, { gate: changes });
    await eventually(() => expect(changes.held).toBeGreaterThan(0));
    expect(await saveOwnGazetteer(omar.db, 'omar', JSON.stringify(OMAR))).toEqual([]);
    changes.release();

    await synced(omar);
    expect((await omar.db.gazetteers.get('sara'))?.phrases).toEqual(SARA);
    expect(await onServer(project, 'gazetteer:omar')).toMatchObject({ phrases: OMAR });
    expect(await onServer(project, 'annotator:omar')).toMatchObject({ name: 'omar' });
    // The push direction started after the pull: it never asked the server
    // about the documents that came from it.
    expect(asked).toContain('gazetteer:omar');
    expect(asked.filter((id) => id.endsWith(':sara'))).toEqual([]);
  });

  it('two engines of one local copy starting a first sync at once: each one’s own documents reach the server', async () => {
    const { server, project } = await newProject();
    // One's push replicator, once it has written its first checkpoint,
    // waits before reading it back (PouchDB writes a starting point it is
    // given, then reads the checkpoint to start from); the other engine
    // sends nothing until one's own documents are in the shared copy.
    const onesStart = new Gate(firstCheckpointReadBack());
    const twosAll = new Gate(() => true);
    const one = await member('omar', server, project, { start: false, gate: onesStart });
    const two = await member('omar', server, project, { start: false, gate: twosAll });
    expect(two.config.localName).toBe(one.config.localName);
    expect(await saveOwnGazetteer(one.db, 'omar', JSON.stringify(OMAR))).toEqual([]);
    one.engine.start();
    two.engine.start();

    // One's own documents are in the copy (sent), not on the server.
    await eventually(async () => {
      const rows = await one.db.outbox.toArray();
      expect(rows.map((r) => [r.id, r.state]).sort()).toEqual([
        ['annotator:omar', OUTBOX.sent],
        ['gazetteer:omar', OUTBOX.sent],
      ]);
    });
    expect(await onServer(project, 'gazetteer:omar')).toBeNull();

    // The other engine runs; then one's push replicator goes on.
    twosAll.release();
    await synced(two);
    onesStart.release();
    await synced(one);
    expect(onesStart.held).toBe(1);
    expect(await onServer(project, 'gazetteer:omar')).toMatchObject({ phrases: OMAR });
    expect(await onServer(project, 'annotator:omar')).toMatchObject({ name: 'omar' });
  });
});
