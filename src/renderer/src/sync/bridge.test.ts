// The sync bridge on real IndexedDB against a real pouchdb-server: what
// one analyst stores reaches a colleague's Dexie through PouchDB's
// replicator; deletions are tombstones; two machines of one analyst merge
// by span id; articles and statuses travel; the header's status is right.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { buildDocumentRecord } from '@core/document.ts';
import type { SpanRecord } from '@core/model.ts';
import { cpSlice } from '@core/offsets.ts';
import { packedTokensOf } from '@core/token-pack.ts';
import { tokenize } from '@core/tokenize.ts';
import { applyChanges, makeSpan } from '../db/spans.ts';
import { tokensFor } from '../db/tokens.ts';
import { closeMembers, eventually, member, newProject, synced, type Member } from '../test/team.ts';

afterEach(closeMembers);

const TEXT = 'قال رئيس الوزراء إن لا حاجة لوجود قوات قتالية أجنبية على الأراضي العراقية';

async function article() {
  return buildDocumentRecord({ text: TEXT, title: 'الحوار الاستراتيجي', outlet: 'الصباح' });
}

/** A span of `who` over code points start–end of TEXT. */
function spanOf(
  docId: string,
  who: string,
  start: number,
  end: number,
  label = 'pro-withdrawal',
): SpanRecord {
  return makeSpan({ docId, annotatorId: who, label, start, end, quote: cpSlice(TEXT, start, end) });
}

async function add(m: Member, s: SpanRecord): Promise<void> {
  await applyChanges(m.db, [{ table: 'spans', before: null, after: s }]);
}

/** Every span of `who` in `m`'s profile, sorted by id. */
async function spansOf(m: Member, who: string): Promise<SpanRecord[]> {
  const all = await m.db.spans.where('annotatorId').equals(who).toArray();
  return all.sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('two analysts in one project', { timeout: 120_000 }, () => {
  it('a span one analyst stores reaches the other, with its article, status and name', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const huda = await member('huda', server, project);
    const doc = await article();
    await omar.db.documents.add(doc);
    const span = makeSpan({
      docId: doc.id,
      annotatorId: 'omar',
      label: 'pro-withdrawal',
      start: 21,
      end: 52,
      quote: [...TEXT].slice(21, 52).join(''),
    });
    await applyChanges(omar.db, [{ table: 'spans', before: null, after: span }]);

    const got = await eventually(async () => {
      const s = await huda.db.spans.get(span.id);
      expect(s).toBeDefined();
      return s!;
    });
    expect(got).toEqual(span);
    expect(await huda.db.documents.get(doc.id)).toMatchObject({
      text: TEXT,
      title: 'الحوار الاستراتيجي',
    });
    await eventually(async () =>
      expect(await huda.db.statuses.get([doc.id, 'omar'])).toMatchObject({ status: 'in-progress' }),
    );
    expect(await huda.db.annotators.get('omar')).toMatchObject({ name: 'omar', kind: 'colleague' });
    // Omar's side: nothing waiting once the server has it all.
    const status = await synced(omar);
    expect(status).toMatchObject({ waiting: 0, refused: 0, lastError: null });
    expect(await omar.db.outbox.count()).toBe(0);
  });
});

describe('deletions and two machines of one analyst', { timeout: 120_000 }, () => {
  it('a deleted span is a tombstone on the server and goes from colleagues too', async () => {
    const { server, project } = await newProject();
    const omar = await member('omar', server, project);
    const huda = await member('huda', server, project);
    const doc = await article();
    await omar.db.documents.add(doc);
    const s = spanOf(doc.id, 'omar', 0, 3);
    await add(omar, s);
    await eventually(async () => expect(await huda.db.spans.get(s.id)).toBeDefined());
    await applyChanges(omar.db, [{ table: 'spans', before: s, after: null }]);
    await eventually(async () => expect(await huda.db.spans.get(s.id)).toBeUndefined());
    await synced(omar);
    const res = await commands.teamAdmin({
      method: 'GET',
      path: `/${project}/span:omar:${s.id}?open_revs=all`,
    });
    expect(res.body).toEqual([
      { ok: { _id: `span:omar:${s.id}`, _rev: expect.stringMatching(/^2-/), _deleted: true } },
    ]);
  });

  it('two machines of one analyst, offline, merge by span id; the later edit of one span wins', async () => {
    const { server, project } = await newProject();
    const one = await member('omar', server, project);
    const two = await member('omar', server, project);
    const doc = await article();
    await one.db.documents.add(doc);
    const shared = spanOf(doc.id, 'omar', 0, 3);
    await add(one, shared);
    await eventually(async () => expect(await two.db.spans.get(shared.id)).toEqual(shared));
    await synced(one);
    await synced(two);

    // Both go offline and work.
    await one.engine.stop();
    await two.engine.stop();
    const a = spanOf(doc.id, 'omar', 4, 8);
    const b = spanOf(doc.id, 'omar', 9, 17, 'pro-coalition');
    await add(one, a);
    await add(two, b);
    const early = { ...shared, label: 'pro-coalition', updatedAt: shared.updatedAt + 1000 };
    const late = { ...shared, label: 'kurdish-skepticism', updatedAt: shared.updatedAt + 2000 };
    await applyChanges(two.db, [{ table: 'spans', before: shared, after: late }]);
    await applyChanges(one.db, [{ table: 'spans', before: shared, after: early }]);

    one.restart();
    two.restart();
    const expected = [late, a, b].sort((x, y) => (x.id < y.id ? -1 : 1));
    await eventually(async () => {
      expect(await spansOf(one, 'omar')).toEqual(expected);
      expect(await spansOf(two, 'omar')).toEqual(expected);
    });
    await synced(one);
    await synced(two);
    // The server keeps one current version of the span (the conflict is settled).
    const res = await commands.teamAdmin({
      method: 'GET',
      path: `/${project}/span:omar:${shared.id}?conflicts=true`,
    });
    expect(res.body).toMatchObject({ label: 'kurdish-skepticism' });
    expect((res.body as { _conflicts?: string[] })._conflicts).toBeUndefined();
  });
});

describe('a first sync', { timeout: 180_000 }, () => {
  it('brings in every article and span of a project larger than one batch, and says synced', async () => {
    const { server, project } = await newProject();
    // 100 articles with 10 spans each: 1,100 documents, eleven full
    // batches of the replicator (so the puller holds for batches of its
    // own, and must still finish when the last batch is full) and more
    // than one batch of the puller.
    const docs: object[] = [];
    const spanIds: string[] = [];
    const articleIds: string[] = [];
    for (let i = 0; i < 100; i++) {
      const text = `${TEXT} ${i}`;
      const doc = await buildDocumentRecord({ text, title: `مقال ${i}` });
      const { id: _id, folded: _f, ...body } = doc;
      docs.push({ _id: `article:${doc.id}`, ...body });
      articleIds.push(doc.id);
      for (let k = 0; k < 10; k++) {
        const spanId = `s${i}-${k}`;
        spanIds.push(spanId);
        docs.push({
          _id: `span:sara:${spanId}`,
          spanId,
          annotatorId: 'sara',
          docId: doc.id,
          label: 'pro-withdrawal',
          start: k,
          end: k + 3,
          quote: cpSlice(text, k, k + 3),
          holder: null,
          note: null,
          createdAt: 1,
          updatedAt: 1,
        });
      }
    }
    const put = await commands.teamAdmin({
      method: 'POST',
      path: `/${project}/_bulk_docs`,
      body: { docs },
    });
    expect(put.status).toBe(201);

    const huda = await member('huda', server, project);
    // A busy machine may take long over 1,100 documents: wait for the
    // count itself, not for a deadline that depends on speed.
    await vi.waitFor(async () => expect(await huda.db.spans.count()).toBe(spanIds.length), {
      timeout: 170_000,
      interval: 100,
    });
    const status = await synced(huda);
    expect(status.rejected).toEqual([]);
    expect((await huda.db.documents.toCollection().primaryKeys()).sort()).toEqual(
      [...articleIds].sort(),
    );
    expect((await huda.db.spans.toCollection().primaryKeys()).sort()).toEqual([...spanIds].sort());
    // Each article came with its list row, and nothing local waits to go out.
    expect(await huda.db.docMeta.count()).toBe(100);
    expect(await huda.db.outbox.count()).toBe(0);
    // Each article's tokens are the workbench's at once (tokenized if not
    // stored yet), and are stored once the bridge is idle.
    const first = (await huda.db.documents.get(articleIds[0]!))!;
    expect(await tokensFor(first.id, huda.db)).toEqual(tokenize(first.text));
    await eventually(async () => expect(await huda.db.docTokens.count()).toBe(100));
    const stored = await huda.db.docTokens.get(first.id);
    expect(stored?.bounds).toEqual(packedTokensOf(first.text).bounds);
  });
});
