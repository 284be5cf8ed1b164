// Actors on real IndexedDB in real Chromium: create (from a selection too),
// edit, merge with spans re-pointed, delete, link free-text holders, undo and
// redo (refused when records changed since), span attribution as one
// undoable document edit, targets (targets.ts), the Analysis view's data
// (analysis.ts), and backups.
import { storeDocuments } from './store-documents.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupReader } from '@core/formats/backup.ts';
import { splitJsonl } from '@core/jsonl.ts';
import type { ActorRecord, SpanRecord } from '@core/model.ts';
import {
  addActor,
  addActorFromSelection,
  holderTextsWithoutActor,
  linkHolderTextToActor,
  listActors,
  mergeActorsInto,
  planActorFromSelection,
  redoActorEdit,
  removeActor,
  spanAttributionChange,
  StaleEditError,
  undoActorEdit,
  updateActor,
} from './actors.ts';
import { ActorIndex } from '@core/actors/model.ts';
import { loadAnalysis } from './analysis.ts';
import { datasetSpanOf } from './export.ts';
import { backupText, restoreBackup } from './backup.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import { applyChanges, invertChanges, makeSpan } from './spans.ts';
import { getTargets, knownTargets, setTargets } from './targets.ts';

const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

function fresh(): WorkbenchDb {
  const db = createDb(`t-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

const person = (nameAr: string, aliases: string[] = []) => ({
  nameAr,
  nameEn: '',
  kind: 'person' as const,
  affiliation: null,
  aliases,
});

function spanOn(docId: string, annotatorId: string, fields: Partial<SpanRecord> = {}): SpanRecord {
  return {
    ...makeSpan({ docId, annotatorId, label: 'pro-withdrawal', start: 0, end: 3, quote: 'قال' }),
    ...fields,
  };
}

async function add(db: WorkbenchDb, nameAr: string, aliases: string[] = []): Promise<ActorRecord> {
  const r = await addActor(db, person(nameAr, aliases));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.actor;
}

describe('actors on IndexedDB', () => {
  it('adds, lists and edits actors; refuses a duplicate name, writing nothing', async () => {
    const db = fresh();
    const k = await add(db, 'مصطفى الكاظمي', ['الكاظمي']);
    await add(db, 'فؤاد حسين');
    expect((await listActors(db)).map((a) => a.nameAr)).toEqual(['فؤاد حسين', 'مصطفى الكاظمي']);
    const dup = await addActor(db, person('مصطفى الكاظمى'));
    expect(dup.ok).toBe(false);
    expect(await db.actors.count()).toBe(2);
    const edited = await updateActor(db, k.id, {
      nameEn: 'Mustafa al-Kadhimi',
      kind: 'government',
    });
    expect(edited.ok).toBe(true);
    expect(await db.actors.get(k.id)).toMatchObject({
      nameEn: 'Mustafa al-Kadhimi',
      kind: 'government',
    });
    if (edited.ok) await undoActorEdit(db, edited.edit);
    expect(await db.actors.get(k.id)).toEqual(k);
  });

  it('creates an actor from a selected name, or finds the one it already names', async () => {
    const db = fresh();
    const r = await addActorFromSelection(db, '«سفين دزيي»،', { kind: 'person' });
    expect(r.ok).toBe(true);
    if (r.ok !== true) return;
    expect(r.actor.nameAr).toBe('سفين دزيي');
    const again = await addActorFromSelection(db, 'سفين دزيي');
    expect(again).toEqual({ ok: 'existing', actor: r.actor });
    expect(await db.actors.count()).toBe(1);
  });

  it('merges duplicates in one transaction: own spans re-pointed, a colleague’s resolve through the tombstone; undo and redo restore each state', async () => {
    const db = fresh();
    await db.settings.put({ key: 'selfAnnotatorId', value: 'laila' });
    const keep = await add(db, 'مصطفى الكاظمي');
    const dup = await add(db, 'الكاظمي', ['رئيس الوزراء العراقي']);
    const held = [
      spanOn('d1', 'laila', { holderActorId: dup.id, holder: 'الكاظمي' }),
      spanOn('d2', 'omar', { holderActorId: dup.id, holder: 'الكاظمي' }),
      spanOn('d2', 'omar', { holderActorId: keep.id, holder: 'مصطفى الكاظمي' }),
      spanOn('d3', 'omar'),
    ];
    await db.spans.bulkAdd(held);
    const before = { actors: await db.actors.toArray(), spans: await db.spans.toArray() };

    const r = await mergeActorsInto(db, keep.id, [dup.id]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The duplicate stays as a tombstone; the list shows the kept actor only.
    expect(await listActors(db)).toEqual([
      expect.objectContaining({ id: keep.id, aliases: ['الكاظمي', 'رئيس الوزراء العراقي'] }),
    ]);
    expect(await db.actors.get(dup.id)).toMatchObject({ mergedInto: keep.id });
    // Laila's own span now names the kept actor; Omar's is his to change.
    expect((await db.spans.get(held[0]!.id))?.holderActorId).toBe(keep.id);
    expect((await db.spans.get(held[1]!.id))?.holderActorId).toBe(dup.id);
    // …and counts as the kept actor wherever spans are read: one row, no
    // row of the duplicate (Omar's two spans on d2 are one statement).
    const analysis = await loadAnalysis(db, { annotators: ['laila', 'omar'] });
    expect(analysis.rows.map((x) => [x.holder.name, x.total])).toEqual([
      ['مصطفى الكاظمي', 2],
      ['(no holder)', 1],
    ]);
    // A dataset export names the kept actor for Omar's span too.
    const exported = datasetSpanOf(
      (await db.spans.get(held[1]!.id))!,
      new ActorIndex(await db.actors.toArray()).byId,
    );
    expect(exported).toMatchObject({
      holder: 'مصطفى الكاظمي',
      holderActor: { id: keep.id },
    });
    const after = { actors: await db.actors.toArray(), spans: await db.spans.toArray() };

    await undoActorEdit(db, r.edit);
    expect({ actors: await db.actors.toArray(), spans: await db.spans.toArray() }).toEqual(before);
    await redoActorEdit(db, r.edit);
    expect({ actors: await db.actors.toArray(), spans: await db.spans.toArray() }).toEqual(after);
  });

  it('refuses an undo that would overwrite a later change, and changes nothing', async () => {
    const db = fresh();
    await db.settings.put({ key: 'selfAnnotatorId', value: 'laila' });
    const keep = await add(db, 'مصطفى الكاظمي');
    const dup = await add(db, 'الكاظمي');
    const s = spanOn('d1', 'laila', { holderActorId: dup.id, holder: 'الكاظمي' });
    await db.spans.add(s);
    const r = await mergeActorsInto(db, keep.id, [dup.id]);
    if (!r.ok) throw new Error('merge failed');
    // The analyst relabels the span after the merge.
    await db.spans.update(s.id, { label: 'pro-coalition' });
    const now = { actors: await db.actors.toArray(), spans: await db.spans.toArray() };
    const err = await undoActorEdit(db, r.edit).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StaleEditError);
    expect((err as Error).message).toBe(
      'Cannot undo this actor edit: 1 record has changed since. Nothing was changed.',
    );
    expect({ actors: await db.actors.toArray(), spans: await db.spans.toArray() }).toEqual(now);
  });

  it('removes an actor, leaving its name as the holder text of its spans', async () => {
    const db = fresh();
    const k = await add(db, 'مصطفى الكاظمي');
    const s = spanOn('d1', 'laila', { holderActorId: k.id, holder: 'الكاظمي' });
    await db.spans.add(s);
    const r = await removeActor(db, k.id);
    expect(r.ok).toBe(true);
    expect(await db.actors.count()).toBe(0);
    expect(await db.spans.get(s.id)).toMatchObject({
      holderActorId: null,
      holder: 'مصطفى الكاظمي',
    });
    if (r.ok) await undoActorEdit(db, r.edit);
    expect(await db.spans.get(s.id)).toEqual(s);
    expect(await db.actors.get(k.id)).toEqual(k);
  });

  it('lists free-text holders without an actor and links them to one', async () => {
    const db = fresh();
    const k = await add(db, 'مصطفى الكاظمي', ['الكاظمي']);
    await db.spans.bulkAdd([
      spanOn('d1', 'laila', { holder: 'الكاظمي' }),
      spanOn('d1', 'omar', { holder: 'الكاظمي' }),
      spanOn('d2', 'laila', { holder: 'الكاظمى ' }),
      spanOn('d2', 'omar', { holder: 'مسؤول عراقي' }),
      spanOn('d3', 'omar', { holder: 'الكاظمي', holderActorId: k.id }),
    ]);
    expect(await holderTextsWithoutActor(db)).toEqual([
      // Shown as most spans spell it.
      { text: 'الكاظمي', spans: 3, actor: k },
      { text: 'مسؤول عراقي', spans: 1, actor: null },
    ]);
    const r = await linkHolderTextToActor(db, 'الكاظمي', k.id);
    expect(r.ok && r.edit.changes).toHaveLength(3);
    expect(await db.spans.where('holderActorId').equals(k.id).count()).toBe(4);
    expect(await holderTextsWithoutActor(db)).toEqual([
      { text: 'مسؤول عراقي', spans: 1, actor: null },
    ]);
  });

  it('attributes a span and creates its actor in one document edit that undoes as one', async () => {
    const db = fresh();
    const span = spanOn('d1', 'laila');
    await applyChanges(db, [{ table: 'spans', before: null, after: span }]);
    // "Make an actor of the selected name and make it this span's holder".
    const r = await planActorFromSelection(db, 'نيجيرفان بارزاني');
    if (r.ok !== true) throw new Error('not planned');
    expect(await db.actors.count()).toBe(0);
    const change = await spanAttributionChange(db, span.id, {
      actor: r.actor,
      target: 'الشراكة الستراتيجية',
      attribution: 'direct-quote',
    });
    const made = await applyChanges(db, [...r.edit.changes, change]);
    expect(await db.actors.get(r.actor.id)).toEqual(r.actor);
    expect(await db.spans.get(span.id)).toMatchObject({
      holderActorId: r.actor.id,
      holder: 'نيجيرفان بارزاني',
      target: 'الشراكة الستراتيجية',
      attribution: 'direct-quote',
    });
    await applyChanges(db, invertChanges(made));
    expect(await db.spans.get(span.id)).toEqual(span);
    expect(await db.actors.count()).toBe(0);
    await expect(spanAttributionChange(db, span.id, { actorId: 'gone' })).rejects.toThrow(
      /No actor gone \(deleted\?\)/,
    );
    // An existing actor by id.
    await db.actors.add(r.actor);
    const byId = await spanAttributionChange(db, span.id, { actorId: r.actor.id });
    expect(byId.after).toMatchObject({ holderActorId: r.actor.id, holder: 'نيجيرفان بارزاني' });
  });

  it('keeps a target list and suggests targets spans use', async () => {
    const db = fresh();
    expect(await setTargets(db, [' القوات الأميركية ', 'القوات الاميركيه', '', 'التحالف'])).toEqual(
      ['القوات الأميركية', 'التحالف'],
    );
    await db.spans.bulkAdd([
      spanOn('d1', 'a', { target: 'مهمة التدريب' }),
      spanOn('d2', 'a', { target: 'مهمة التدريب' }),
      spanOn('d3', 'a', { target: 'التحالف' }),
    ]);
    expect(await getTargets(db)).toEqual(['القوات الأميركية', 'التحالف']);
    expect(await knownTargets(db)).toEqual(['القوات الأميركية', 'التحالف', 'مهمة التدريب']);
  });

  it("reads the Analysis view's data: counts per actor and label, evidence, filters", async () => {
    const db = fresh();
    const k = await add(db, 'مصطفى الكاظمي');
    const docs = [
      { id: 'd1', text: 'قال الكاظمي', date: '2021-07-25', outlet: 'الشرق' },
      { id: 'd2', text: 'قال الكاظمي', date: '2021-07-26', outlet: 'رووداو' },
    ];
    await storeDocuments(
      db,
      docs.map((d) => ({
        ...d,
        rawText: d.text,
        textSource: 'clean' as const,
        removed: [],
        title: d.id,
        author: null,
        file: null,
        importedAt: 1,
        folded: d.text,
      })),
    );
    await db.spans.bulkAdd([
      spanOn('d1', 'laila', { holderActorId: k.id }),
      spanOn('d1', 'omar', { holderActorId: k.id }),
      spanOn('d2', 'omar', { holderActorId: k.id, label: 'pro-coalition' }),
      spanOn('d2', 'gold', { holderActorId: k.id, label: 'pro-coalition' }),
    ]);
    const all = await loadAnalysis(db);
    expect(all.rows.map((r) => [r.holder.name, r.counts, r.total])).toEqual([
      ['مصطفى الكاظمي', { 'pro-coalition': 1, 'pro-withdrawal': 1 }, 2],
    ]);
    const evidence = all.rows[0]!.units['pro-withdrawal']!.map((i) => all.units[i]!);
    expect(evidence[0]!.spans.map((s) => [s.docId, s.annotatorId, s.quote])).toEqual([
      ['d1', 'laila', 'قال'],
      ['d1', 'omar', 'قال'],
    ]);
    expect((await loadAnalysis(db, { annotators: ['gold'] })).totals.total).toBe(1);
    expect((await loadAnalysis(db, { outlets: ['الشرق'] })).totals.total).toBe(1);
    expect((await loadAnalysis(db, { from: '2021-07-26' })).byOutlet).toEqual([
      { outlet: 'رووداو', counts: { 'pro-coalition': 1 }, total: 1 },
    ]);
  });

  it('backs up and restores the actors table with attributed spans', async () => {
    const db = fresh();
    const k = await add(db, 'مصطفى الكاظمي', ['الكاظمي']);
    const s = spanOn('d1', 'laila', { holderActorId: k.id, attribution: 'reported-speech' });
    await storeDocuments(db, [
      {
        id: 'd1',
        text: 'قال الكاظمي',
        rawText: 'قال الكاظمي',
        textSource: 'clean',
        removed: [],
        title: 't',
        date: null,
        author: null,
        outlet: null,
        file: null,
        importedAt: 1,
        folded: 'قال الكاظمي',
      },
    ]);
    await db.annotators.add({ id: 'laila', name: 'Laila', kind: 'self', createdAt: 1 });
    await db.spans.add(s);
    const text = await backupText(db);
    expect(text.split('\n')[0]).toContain('"actors":1');
    const reader = new BackupReader();
    for (const l of splitJsonl(text)) reader.push(l);
    const target = fresh();
    await restoreBackup(target, reader.finish());
    expect(await target.actors.toArray()).toEqual([k]);
    expect(await target.spans.toArray()).toEqual([s]);
  });
});
