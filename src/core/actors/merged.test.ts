// Merged actors in a team: a merge leaves a tombstone (`mergedInto`), and
// every reader resolves a span's holder through it, so a colleague's span
// that still names the duplicate counts as the actor it became: in the
// Analysis table, in attribution agreement and in holder keys. Concurrent
// edits of one actor merge field by field, the same whatever the order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActorRecord } from '../model.ts';
import { attributionDocs, computeAttributionAgreement } from '../agreement/attribution.ts';
import { computeAnalysis, type AnalysisDoc, type AnalysisSpan } from './analysis.ts';
import { mergeActorVersions } from './conflict.ts';
import { holderKey } from './holder.ts';
import { ActorIndex, liveActors, resolveActorId } from './model.ts';

function actor(id: string, nameAr: string, patch: Partial<ActorRecord> = {}): ActorRecord {
  return {
    id,
    nameAr,
    nameEn: '',
    kind: 'person',
    affiliation: null,
    aliases: [],
    createdAt: 1,
    updatedAt: 1,
    ...patch,
  };
}

const KEEP = actor('k', 'مصطفى الكاظمي', { aliases: ['الكاظمي'] });
const DUP = actor('d', 'الكاظمي', { mergedInto: 'k' });
const DUP2 = actor('d2', 'رئيس الوزراء', { mergedInto: 'd' });

describe('resolving merged actors', () => {
  it('follows mergedInto to the live actor, through chains, and stops at unknown ids', () => {
    const byId = new Map([KEEP, DUP, DUP2].map((a) => [a.id, a]));
    expect(resolveActorId('d', byId)).toBe('k');
    expect(resolveActorId('d2', byId)).toBe('k');
    expect(resolveActorId('k', byId)).toBe('k');
    expect(resolveActorId('gone', byId)).toBe('gone');
    expect(liveActors([KEEP, DUP, DUP2]).map((a) => a.id)).toEqual(['k']);
  });

  it('settles a cycle (two analysts merged each way offline) on its smallest id', () => {
    const a = actor('b', 'ب', { mergedInto: 'a' });
    const b = actor('a', 'أ', { mergedInto: 'b' });
    const byId = new Map([a, b].map((x) => [x.id, x]));
    expect(resolveActorId('a', byId)).toBe('a');
    expect(resolveActorId('b', byId)).toBe('a');
  });

  it('keys a span held by a merged actor as the actor it became; names match only live actors', () => {
    const index = new ActorIndex([KEEP, DUP, DUP2]);
    expect(holderKey({ holder: 'الكاظمي', holderActorId: 'd2' }, index)).toBe('actor:k');
    expect(index.byId.get('d')?.id).toBe('k');
    expect(index.named('رئيس الوزراء')).toEqual([]);
    expect(index.unique('الكاظمي')?.id).toBe('k');
  });

  it('counts a colleague’s span held by the duplicate under the kept actor, once', () => {
    const docs = new Map<string, AnalysisDoc>([
      ['d1', { id: 'd1', title: 'one', date: '2021-07-25', outlet: 'رووداو' }],
    ]);
    const span = (id: string, annotatorId: string, holderActorId: string): AnalysisSpan => ({
      id,
      docId: 'd1',
      annotatorId,
      label: 'pro-withdrawal',
      start: 0,
      end: 5,
      quote: 'xxxxx',
      holder: null,
      holderActorId,
      attribution: null,
    });
    // Omar's span was re-pointed by the merge; Huda's still names the duplicate.
    const view = computeAnalysis([span('s1', 'omar', 'k'), span('s2', 'huda', 'd')], docs, [
      KEEP,
      DUP,
    ]);
    expect(view.rows.filter((r) => r.total > 0).map((r) => [r.key, r.total])).toEqual([
      ['actor:k', 1],
    ]);
  });

  it('agrees on attribution when one analyst holds the kept actor and the other the duplicate', () => {
    const spans = (holderActorId: string) => [
      { start: 0, end: 5, label: 'x', holder: null, holderActorId },
    ];
    const docs = attributionDocs(
      new Map([
        [
          'd1',
          new Map([
            ['omar', spans('k')],
            ['huda', spans('d')],
          ]),
        ],
      ]),
      [KEEP, DUP],
    );
    const r = computeAttributionAgreement(docs, ['huda', 'omar']);
    expect(r.pairs['huda']?.['omar']).toMatchObject({ matched: 1, sameHolder: 1 });
  });
});

describe('conflicting versions of one actor', () => {
  const base = actor('a1', 'الكاظمي', { nameEn: 'Kadhimi', createdAt: 5, updatedAt: 10 });
  const omar = { rev: '3-aaa', actor: { ...base, aliases: ['رئيس الوزراء'], updatedAt: 20 } };
  const huda = {
    rev: '3-bbb',
    actor: { ...base, nameEn: 'Mustafa al-Kadhimi', aliases: ['أبو هيا'], updatedAt: 30 },
  };

  it('keeps the latest edit’s fields and every alias either analyst added', () => {
    expect(mergeActorVersions([omar, huda])).toEqual({
      ...base,
      nameEn: 'Mustafa al-Kadhimi',
      aliases: ['أبو هيا', 'Kadhimi', 'رئيس الوزراء'],
      createdAt: 5,
      updatedAt: 30,
    });
  });

  it('keeps a merge made beside an edit of names', () => {
    const merged = { rev: '3-ccc', actor: { ...base, mergedInto: 'k', updatedAt: 15 } };
    expect(mergeActorVersions([huda, merged]).mergedInto).toBe('k');
  });

  it('gives the same result whatever order the versions come in', () => {
    const version = fc.record({
      rev: fc
        .tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom('aaa', 'b0c', 'fff'))
        .map(([n, h]) => `${n}-${h}`),
      actor: fc.record({
        nameAr: fc.constantFrom('الكاظمي', 'مصطفى الكاظمي', ''),
        nameEn: fc.constantFrom('Kadhimi', 'K'),
        aliases: fc.array(fc.constantFrom('أ', 'ب', 'ج', 'الكاظمي'), { maxLength: 3 }),
        updatedAt: fc.integer({ min: 0, max: 3 }),
        mergedInto: fc.constantFrom(undefined, 'k', 'j'),
      }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(version, { minLength: 1, maxLength: 4, selector: (v) => v.rev }),
        (vs) => {
          const full = vs.map((v) => ({ rev: v.rev, actor: { ...base, ...v.actor } }));
          const one = mergeActorVersions(full);
          expect(mergeActorVersions([...full].reverse())).toEqual(one);
        },
      ),
    );
  });
});
