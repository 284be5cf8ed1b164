import { describe, expect, it } from 'vitest';
import type { ActorRecord, SpanRecord } from '../model.ts';
import { problemText } from '../problems/problem.ts';
import { ActorIndex, checkActor, foldName } from './model.ts';
import { holderKey } from './holder.ts';
import { attributeSpan, withAttribution } from './span-attribution.ts';
import {
  actorFromSelection,
  createActor,
  deleteActor,
  editActor,
  invertActorChanges,
  linkHolderText,
  mergeActors,
  nameFromSelection,
  type ActorEditChange,
} from './operations.ts';

const kadhimi: ActorRecord = {
  id: 'k',
  nameAr: 'مصطفى الكاظمي',
  nameEn: 'Mustafa al-Kadhimi',
  kind: 'person',
  affiliation: null,
  aliases: ['الكاظمي', 'رئيس الوزراء العراقي'],
  createdAt: 1,
  updatedAt: 1,
};

function span(id: string, fields: Partial<SpanRecord> = {}): SpanRecord {
  return {
    id,
    docId: 'd',
    annotatorId: 'laila',
    label: 'pro-withdrawal',
    start: 0,
    end: 4,
    quote: 'نصنص',
    holder: null,
    note: null,
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  };
}

/** Applies changes to an in-memory table, as the data layer applies them to IndexedDB. */
function apply<T extends { id: string }>(
  rows: Map<string, T>,
  changes: readonly ActorEditChange[],
  table: 'actors' | 'spans',
): void {
  for (const c of changes) {
    if (c.table !== table) continue;
    if (c.after) rows.set(c.after.id, c.after as unknown as T);
    else if (c.before) rows.delete(c.before.id);
  }
}

describe('actor records', () => {
  it('folds names: tashkeel, tatweel, alef forms, teh marbuta, case and quotes', () => {
    expect(foldName('  مُصْطَفَى   الكاظـــمي ')).toBe(foldName('مصطفى الكاظمي'));
    expect(foldName('إقليم')).toBe(foldName('اقليم'));
    expect(foldName('الحكومة')).toBe(foldName('الحكومه'));
    expect(foldName('"عصائب أهل الحق"')).toBe(foldName('عصائب أهل الحق'));
    expect(foldName('Fuad HUSSEIN')).toBe('fuad hussein');
  });

  it('refuses bad fields, naming each', () => {
    const r = checkActor({ ...kadhimi, nameAr: '', nameEn: '', kind: 'militia', aliases: [''] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual(['aliases[0]', 'kind']);
    // Codes and values only: the interface words them, the CLI in English.
    expect(r.errors.map((e) => e.problem.code).sort()).toEqual(['actor.aliasEmpty', 'field.oneOf']);
    const noName = checkActor({ ...kadhimi, nameAr: '', nameEn: '' });
    expect(noName).toEqual({
      ok: false,
      errors: [{ field: 'nameAr', problem: { code: 'actor.needsName' } }],
    });
    const long = checkActor({ ...kadhimi, nameEn: 'x'.repeat(201), aliases: Array(101).fill('a') });
    expect(long.ok === false && long.errors.map((e) => [e.field, e.problem])).toEqual([
      ['nameEn', { code: 'actor.nameTooLong', values: { max: 200 } }],
      ['aliases', { code: 'actor.tooManyAliases', values: { max: 100 } }],
    ]);
    const spaced = checkActor({ ...kadhimi, nameAr: ' مصطفى' });
    expect(spaced.ok === false && problemText(spaced.errors[0]!.problem)).toBe(
      'no leading, trailing or repeated spaces',
    );
  });

  it('an index finds actors by any folded name and refuses to guess between two', () => {
    const other: ActorRecord = {
      ...kadhimi,
      id: 'o',
      nameAr: 'آخر',
      nameEn: '',
      aliases: ['الرئيس'],
    };
    const third: ActorRecord = {
      ...kadhimi,
      id: 't',
      nameAr: 'ثالث',
      nameEn: '',
      aliases: ['الرئيس'],
    };
    const index = new ActorIndex([kadhimi, other, third]);
    expect(index.unique('رئيس الوزراء العراقيّ')?.id).toBe('k');
    expect(index.unique('mustafa AL-KADHIMI')?.id).toBe('k');
    expect(index.named('الرئيس').map((a) => a.id)).toEqual(['o', 't']);
    expect(index.unique('الرئيس')).toBeNull();
    // Holder keys: an actor id wins; unique free text is that actor; else text.
    expect(holderKey({ holder: 'الكاظمي' }, index)).toBe('actor:k');
    expect(holderKey({ holder: 'الرئيس' }, index)).toBe(`text:${foldName('الرئيس')}`);
    expect(holderKey({ holder: 'x', holderActorId: 'o' }, index)).toBe('actor:o');
    expect(holderKey({ holder: '  ' }, index)).toBe('none');
  });
});

describe('actor operations', () => {
  it('creates an actor from a selection, dropping punctuation around it', () => {
    expect(nameFromSelection(' «الكاظمي»، ')).toBe('الكاظمي');
    const r = actorFromSelection('"سفين  دزيي"،', [kadhimi], { id: 'd', now: 5 });
    expect(r.ok).toBe(true);
    if (r.ok !== true) return;
    expect(r.actor).toEqual({
      id: 'd',
      nameAr: 'سفين دزيي',
      nameEn: '',
      kind: 'person',
      affiliation: null,
      aliases: [],
      createdAt: 5,
      updatedAt: 5,
    });
    expect(r.edit.changes).toEqual([{ table: 'actors', before: null, after: r.actor }]);
    // A Latin selection is the English name.
    const en = actorFromSelection('Joe Biden', [], { id: 'b', now: 5, kind: 'person' });
    expect(en.ok === true && en.actor.nameEn).toBe('Joe Biden');
  });

  it('returns the existing actor when the selection already names one', () => {
    const r = actorFromSelection('رئيس الوزراء العراقيّ', [kadhimi], { id: 'x', now: 1 });
    expect(r).toEqual({ ok: 'existing', actor: kadhimi });
    expect(actorFromSelection(' ، ', [kadhimi], { id: 'x', now: 1 }).ok).toBe(false);
  });

  it('refuses a new actor named like another, and warns about a shared alias', () => {
    const dup = createActor(
      { nameAr: 'مصطفى الكاظمى', nameEn: '', kind: 'person', affiliation: null, aliases: [] },
      [kadhimi],
      { id: 'x', now: 1 },
    );
    expect(dup.ok).toBe(false);
    if (!dup.ok)
      expect(dup.errors[0]).toEqual({
        field: 'nameAr',
        problem: {
          code: 'actor.nameTaken',
          values: { name: 'مصطفى الكاظمى', other: 'مصطفى الكاظمي' },
        },
      });
    const shared = createActor(
      {
        nameAr: 'عادل عبد المهدي',
        nameEn: '',
        kind: 'person',
        affiliation: null,
        aliases: ['رئيس الوزراء العراقي', ' رئيس الوزراء العراقي ', 'عبد المهدي'],
      },
      [kadhimi],
      { id: 'a', now: 1 },
    );
    expect(shared.ok).toBe(true);
    if (!shared.ok) return;
    expect(shared.actor.aliases).toEqual(['رئيس الوزراء العراقي', 'عبد المهدي']);
    expect(shared.edit.warnings).toEqual([
      {
        code: 'actor.nameShared',
        values: { name: 'رئيس الوزراء العراقي', other: 'مصطفى الكاظمي' },
      },
    ]);
    expect(problemText(shared.edit.warnings[0]!)).toContain(
      '“رئيس الوزراء العراقي” also names مصطفى الكاظمي',
    );
  });

  it('edits fields, keeps the id and creation time, and can be undone', () => {
    const r = editActor(
      kadhimi,
      { kind: 'government', affiliation: ' الحكومة  العراقية ', aliases: ['الكاظمي'] },
      [kadhimi],
      9,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.actor).toMatchObject({
      id: 'k',
      kind: 'government',
      affiliation: 'الحكومة العراقية',
      aliases: ['الكاظمي'],
      createdAt: 1,
      updatedAt: 9,
    });
    const rows = new Map([[kadhimi.id, kadhimi]]);
    apply(rows, r.edit.changes, 'actors');
    apply(rows, invertActorChanges(r.edit.changes), 'actors');
    expect(rows.get('k')).toEqual(kadhimi);
  });

  it('merges duplicates: names become aliases, spans are re-pointed, duplicates become tombstones, undo restores all', () => {
    const dup1: ActorRecord = {
      ...kadhimi,
      id: 'd1',
      nameAr: 'الكاظمي',
      nameEn: '',
      affiliation: 'الحكومة العراقية',
      aliases: ['رئيس الحكومة العراقية'],
    };
    const dup2: ActorRecord = {
      ...kadhimi,
      id: 'd2',
      nameAr: 'مصطفى الكاظمي ',
      nameEn: 'Kadhimi',
      aliases: [],
    };
    const keep: ActorRecord = { ...kadhimi, nameEn: '', aliases: [] };
    const spans = [
      span('s1', { holderActorId: 'd1', holder: 'الكاظمي' }),
      span('s2', { holderActorId: 'd2', holder: 'مصطفى الكاظمي' }),
      span('s3', { holderActorId: 'other', holder: 'غيره' }),
      span('s4', { holder: 'الكاظمي' }),
    ];
    const r = mergeActors(keep, [dup1, dup2, dup1], spans, 7);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.actor).toMatchObject({
      id: 'k',
      nameAr: 'مصطفى الكاظمي',
      nameEn: 'Kadhimi',
      affiliation: 'الحكومة العراقية',
      aliases: ['الكاظمي', 'رئيس الحكومة العراقية'],
    });
    const actors = new Map([keep, dup1, dup2].map((a) => [a.id, a]));
    const spanRows = new Map(spans.map((s) => [s.id, s]));
    apply(actors, r.edit.changes, 'actors');
    apply(spanRows, r.edit.changes, 'spans');
    // The duplicates stay as tombstones that name the actor they became.
    expect([...actors.values()].map((a) => [a.id, a.mergedInto ?? null])).toEqual([
      ['k', null],
      ['d1', 'k'],
      ['d2', 'k'],
    ]);
    expect([...spanRows.values()].map((s) => [s.id, s.holderActorId, s.holder])).toEqual([
      ['s1', 'k', 'مصطفى الكاظمي'],
      ['s2', 'k', 'مصطفى الكاظمي'],
      ['s3', 'other', 'غيره'],
      ['s4', undefined, 'الكاظمي'],
    ]);
    const undo = invertActorChanges(r.edit.changes);
    apply(actors, undo, 'actors');
    apply(spanRows, undo, 'spans');
    expect(Object.fromEntries(actors)).toEqual({ k: keep, d1: dup1, d2: dup2 });
    expect([...spanRows.values()]).toEqual(spans);
  });

  it('refuses to merge an actor into itself or with nothing', () => {
    expect(mergeActors(kadhimi, [kadhimi], [], 1).ok).toBe(false);
    expect(mergeActors(kadhimi, [], [], 1).ok).toBe(false);
  });

  it('deleting an actor leaves its name as the free-text holder of its spans', () => {
    const spans = [span('s1', { holderActorId: 'k', holder: 'الكاظمي' }), span('s2')];
    const e = deleteActor(kadhimi, spans, 3);
    expect(e.changes).toEqual([
      { table: 'actors', before: kadhimi, after: null },
      {
        table: 'spans',
        before: spans[0],
        after: { ...spans[0], holderActorId: null, holder: 'مصطفى الكاظمي', updatedAt: 3 },
      },
    ]);
  });

  it('links free-text holders (folded) that have no actor', () => {
    const spans = [
      span('s1', { holder: 'الكاظمى' }),
      span('s2', { holder: 'الكاظمي', holderActorId: 'x' }),
      span('s3', { holder: 'غيره' }),
    ];
    const e = linkHolderText('الكاظمي', kadhimi, spans, 4);
    expect(e.changes.map((c) => [c.before?.id, (c.after as SpanRecord).holderActorId])).toEqual([
      ['s1', 'k'],
    ]);
  });

  it('attributes a span: an actor sets its name as text; free text removes the actor', () => {
    const s = span('s1', { holder: 'قديم' });
    const a = withAttribution(
      s,
      { actor: kadhimi, target: ' القوات  الأميركية ', attribution: 'direct-quote' },
      2,
    );
    expect(a).toMatchObject({
      holderActorId: 'k',
      holder: 'مصطفى الكاظمي',
      target: 'القوات الأميركية',
      attribution: 'direct-quote',
      updatedAt: 2,
    });
    const b = withAttribution(a, { holderText: '  مسؤول عراقي ' }, 3);
    expect(b).toMatchObject({
      holderActorId: null,
      holder: 'مسؤول عراقي',
      target: 'القوات الأميركية',
    });
    const c = withAttribution(b, { target: '   ', attribution: null }, 4);
    expect(c).toMatchObject({ target: null, attribution: null });
    expect(attributeSpan(s, { actor: kadhimi }, 5)).toEqual({
      table: 'spans',
      before: s,
      after: withAttribution(s, { actor: kadhimi }, 5),
    });
  });
});
