// Attribution through dataset export and import on real IndexedDB: a
// colleague's export brings its holder actors (linked by id, or by name to
// an actor the profile already has), targets and attribution kinds; an
// older file with free-text holders still imports; re-importing changes
// nothing; a bad actor is reported and kept as free text.
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import type { ActorRecord } from '@core/model.ts';
import { cpLength } from '@core/offsets.ts';
import { problemText } from '@core/problems/problem.ts';
import { addActor } from './actors.ts';
import { analyzeFile, importDataset } from './dataset-import.ts';
import { writeDataset } from './export.ts';
import { createProfile } from './profile.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import { makeSpan } from './spans.ts';

const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

async function profile(name: string): Promise<WorkbenchDb> {
  const db = createDb(`t-${crypto.randomUUID()}`);
  opened.push(db);
  await createProfile(db, name);
  return db;
}

const TEXT = 'وأضاف الكاظمي: "لا توجد حاجة لأي قوات قتالية أجنبية". وقال حسين إن التدريب مطلوب.';
const at = (words: string) => {
  const start = cpLength(TEXT.slice(0, TEXT.indexOf(words)));
  return { start, end: start + cpLength(words), quote: words };
};

async function exportOf(db: WorkbenchDb, annotator: string): Promise<string> {
  let out = '';
  await writeDataset(
    db,
    { format: 'spans', annotatorIds: [annotator], labels: null, documents: 'all' },
    async (c) => {
      out += c;
    },
  );
  return out;
}

async function importText(db: WorkbenchDb, text: string, selfId: string) {
  const a = await analyzeFile(db, { name: 'in.jsonl', bytes: new TextEncoder().encode(text) });
  if (a.kind !== 'dataset') throw new Error('expected a dataset');
  return importDataset(db, a.analysis, { selfId });
}

async function actor(db: WorkbenchDb, nameAr: string, nameEn: string): Promise<ActorRecord> {
  const r = await addActor(db, { nameAr, nameEn, kind: 'person', affiliation: null, aliases: [] });
  if (!r.ok) throw new Error('actor');
  return r.actor;
}

describe('attribution through datasets', () => {
  it("brings a colleague's holder actors, targets and attribution; the export round-trips", async () => {
    const laila = await profile('Laila');
    const doc = await buildDocumentRecord({ text: TEXT, title: 'خبر', outlet: 'الشرق' });
    await laila.documents.add(doc);
    const kadhimi = await actor(laila, 'مصطفى الكاظمي', 'Mustafa al-Kadhimi');
    const fuad = await actor(laila, 'فؤاد حسين', 'Fuad Hussein');
    await laila.spans.bulkAdd([
      {
        ...makeSpan({
          docId: doc.id,
          annotatorId: 'Laila',
          label: 'pro-withdrawal',
          ...at('لا توجد حاجة لأي قوات قتالية أجنبية'),
        }),
        holderActorId: kadhimi.id,
        holder: 'الكاظمي',
        target: 'القوات القتالية الأجنبية',
        attribution: 'direct-quote',
      },
      {
        ...makeSpan({
          docId: doc.id,
          annotatorId: 'Laila',
          label: 'pro-coalition',
          ...at('التدريب مطلوب'),
        }),
        holderActorId: fuad.id,
        holder: 'حسين',
        attribution: 'reported-speech',
      },
    ]);
    const first = await exportOf(laila, 'Laila');
    const spans = (JSON.parse(first) as { spans: Record<string, unknown>[] }).spans;
    // The holder is the actor's current name, whatever the span's snapshot says.
    expect(spans.map((s) => [s.holder, s.holder_id, s.holder_en, s.target, s.attribution])).toEqual(
      [
        [
          'مصطفى الكاظمي',
          kadhimi.id,
          'Mustafa al-Kadhimi',
          'القوات القتالية الأجنبية',
          'direct-quote',
        ],
        ['فؤاد حسين', fuad.id, 'Fuad Hussein', undefined, 'reported-speech'],
      ],
    );

    // Omar already made Kadhimi himself (another id); Fuad Hussein is new to him.
    const omar = await profile('Omar');
    const his = await actor(omar, 'مصطفى الكاظمي', '');
    const report = await importText(omar, first, 'Omar');
    expect(report).toMatchObject({
      imported: true,
      spansAdded: 2,
      actorsAdded: ['فؤاد حسين'],
      actorNotes: [],
    });
    expect(await omar.actors.get(fuad.id)).toMatchObject({
      nameAr: 'فؤاد حسين',
      nameEn: 'Fuad Hussein',
      kind: 'person',
    });
    expect(await omar.actors.count()).toBe(2);
    const imported = await omar.spans.where('annotatorId').equals('Laila').sortBy('start');
    expect(imported.map((s) => [s.holderActorId, s.target ?? null, s.attribution])).toEqual([
      [his.id, 'القوات القتالية الأجنبية', 'direct-quote'],
      [fuad.id, null, 'reported-speech'],
    ]);
    // Again: nothing changes.
    const again = await importText(omar, first, 'Omar');
    expect(again).toMatchObject({
      spansAdded: 0,
      spansUpdated: 0,
      spansUnchanged: 2,
      actorsAdded: [],
    });
  });

  it('imports an older file with free-text holders only', async () => {
    const db = await profile('Omar');
    const old = JSON.stringify({
      text: TEXT,
      spans: [
        {
          ...(({ quote: _q, ...r }) => r)(at('التدريب مطلوب')),
          label: 'pro-coalition',
          holder: 'حسين',
        },
      ],
      meta: { status: 'done' },
      _annotator_id: 'Sara',
    });
    const r = await importText(db, old, 'Omar');
    expect(r).toMatchObject({ imported: true, spansAdded: 1, actorsAdded: [] });
    const [s] = await db.spans.toArray();
    expect(s).toMatchObject({ holder: 'حسين' });
    expect(s!.holderActorId).toBeUndefined();
    expect(await db.actors.count()).toBe(0);
  });

  it('keeps an actor it cannot store as free text, and says why', async () => {
    const db = await profile('Omar');
    const long = 'ا'.repeat(201);
    const line = JSON.stringify({
      text: TEXT,
      spans: [
        {
          ...(({ quote: _q, ...r }) => r)(at('التدريب مطلوب')),
          label: 'x',
          holder: long,
          holder_id: 'a1',
        },
      ],
      _annotator_id: 'Sara',
    });
    const r = await importText(db, line, 'Omar');
    expect(r.actorNotes.map(problemText)).toEqual([
      'holder actor a1: nameAr: at most 200 characters; its name is kept as free text',
    ]);
    const [s] = await db.spans.toArray();
    expect(s!.holder).toBe(long);
    expect(s!.holderActorId).toBeUndefined();
  });
});
