// The sync bridge on real IndexedDB against a real pouchdb-server: what
// one analyst stores reaches a colleague's Dexie through PouchDB's
// replicator; deletions are tombstones; two machines of one analyst merge
// by span id; articles and statuses travel; the header's status is right.
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import { applyChanges, makeSpan } from '../db/spans.ts';
import { closeMembers, eventually, member, newProject, synced } from '../test/team.ts';

afterEach(closeMembers);

const TEXT = 'قال رئيس الوزراء إن لا حاجة لوجود قوات قتالية أجنبية على الأراضي العراقية';

async function article() {
  return buildDocumentRecord({ text: TEXT, title: 'الحوار الاستراتيجي', outlet: 'الصباح' });
}

describe('two analysts in one project', () => {
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
