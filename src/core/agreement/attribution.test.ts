// Attribution agreement on a worked example computed by hand, the one-to-one
// span matching, the nominal kappa, and what adjudication settles.
import { describe, expect, it } from 'vitest';
import {
  attributionChoices,
  attributionOf,
  settledAttribution,
  type AttributionFields,
} from './adjudicate.ts';
import { computeAttributionAgreement, matchSpans, type AttributedSpan } from './attribution.ts';
import { cohenKappaNominal } from './stats.ts';

function s(
  start: number,
  end: number,
  label: string,
  holder: string,
  attribution: AttributedSpan['attribution'] = null,
  target: string | null = null,
): AttributedSpan {
  return { start, end, label, holder, attribution, target };
}

const K = 'actor:kadhimi';
const F = 'actor:fuad';

describe('attribution agreement', () => {
  it('matches the hand-computed example', () => {
    const docs = [
      {
        id: 'd1',
        annotations: new Map([
          [
            'A',
            [
              s(0, 10, 'pro', K, 'direct-quote', 'القوات'),
              s(20, 30, 'pro', K, 'direct-quote'),
              s(40, 50, 'anti', F, 'reported-speech'),
              // Different label from B's span over the same text: not a match.
              s(60, 70, 'pro', K),
              // Only A marked it: not a match.
              s(80, 90, 'pro', K),
            ],
          ],
          [
            'B',
            [
              s(0, 10, 'pro', K, 'direct-quote', 'القوات'),
              s(22, 30, 'pro', K, 'reported-speech'),
              s(40, 48, 'anti', F, 'reported-speech'),
              s(60, 70, 'anti', K),
            ],
          ],
        ]),
      },
      {
        id: 'd2',
        annotations: new Map([
          ['A', [s(0, 10, 'pro', K), s(20, 25, 'anti', 'none')]],
          ['B', [s(5, 10, 'pro', F), s(20, 25, 'anti', 'none')]],
        ]),
      },
      // Only A annotated it: nothing to compare.
      { id: 'd3', annotations: new Map([['A', [s(0, 5, 'pro', K)]]]) },
    ];
    const r = computeAttributionAgreement(docs, ['A', 'B']);
    // Matched holders: (K,K) (K,K) (F,F) (K,F) (none,none): 4 of 5 agree.
    // Marginals A: K 3, F 1, none 1; B: K 2, F 2, none 1 (n = 5).
    // p_e = 3/5·2/5 + 1/5·2/5 + 1/5·1/5 = 9/25; κ = (4/5 − 9/25)/(1 − 9/25) = 11/16.
    // Kinds: (dq,dq) (dq,rs) (rs,rs) (none,none) (none,none): 4 of 5.
    // A: dq 2, rs 1, none 2; B: dq 1, rs 2, none 2 → p_e = 2/25 + 2/25 + 4/25 = 8/25,
    // κ = (20/25 − 8/25)/(17/25) = 12/17. Targets: 5 of 5 the same (القوات twice, else none).
    expect(r).toEqual({
      annotators: ['A', 'B'],
      pairs: {
        'A|B': {
          matched: 5,
          sameHolder: 4,
          holderAgreement: 0.8,
          holderKappa: expect.closeTo(11 / 16, 12) as number,
          sameAttribution: 4,
          attributionAgreement: 0.8,
          attributionKappa: expect.closeTo(12 / 17, 12) as number,
          sameTarget: 5,
          targetAgreement: 1,
        },
      },
    });
  });

  it('is undefined with nothing matched, and 1 for identical holders of several kinds', () => {
    const none = computeAttributionAgreement(
      [
        {
          id: 'd',
          annotations: new Map([
            ['A', [s(0, 5, 'pro', K)]],
            ['B', []],
          ]),
        },
      ],
      ['A', 'B'],
    );
    expect(none.pairs['A|B']).toMatchObject({
      matched: 0,
      holderAgreement: null,
      holderKappa: null,
    });
    expect(
      cohenKappaNominal([
        [K, K],
        [F, F],
      ]),
    ).toBe(1);
    // One category only: p_e = 1, undefined (scikit-learn gives nan).
    expect(
      cohenKappaNominal([
        [K, K],
        [K, K],
      ]),
    ).toBeNull();
  });

  it('pairs spans one to one, preferring an exact extent, then the larger overlap', () => {
    const a = [s(0, 20, 'pro', K)];
    const b = [s(0, 12, 'pro', F), s(0, 20, 'pro', K), s(2, 20, 'pro', F)];
    expect(matchSpans(a, b)).toEqual([[a[0], b[1]]]);
    const a2 = [s(0, 10, 'pro', K), s(8, 20, 'pro', K)];
    const b2 = [s(0, 20, 'pro', K)];
    // b2 overlaps both; it goes with the one sharing more of its extent.
    expect(matchSpans(a2, b2)).toEqual([[a2[1], b2[0]]]);
  });
});

describe('settling attribution in adjudication', () => {
  const f = (fields: Partial<AttributionFields>): AttributionFields => ({
    holderActorId: null,
    holder: null,
    target: null,
    attribution: null,
    ...fields,
  });

  it('keeps each field every proposer gives alike, and leaves the rest to the adjudicator', () => {
    expect(
      settledAttribution([
        f({
          holderActorId: 'k',
          holder: 'الكاظمي',
          target: 'القوات الأميركية',
          attribution: 'direct-quote',
        }),
        f({
          holderActorId: 'k',
          holder: 'مصطفى الكاظمي',
          target: 'القوات الاميركيه',
          attribution: 'reported-speech',
        }),
      ]),
    ).toEqual(f({ holderActorId: 'k', holder: 'الكاظمي', target: 'القوات الأميركية' }));
    // Free text, folded, when nobody chose an actor; an actor against text is no agreement.
    expect(settledAttribution([f({ holder: 'مسؤول' }), f({ holder: 'مسؤول ' })]).holder).toBe(
      'مسؤول',
    );
    expect(
      settledAttribution([f({ holderActorId: 'k', holder: 'ك' }), f({ holder: 'ك' })]),
    ).toEqual(f({}));
    expect(settledAttribution([f({ attribution: 'outlet-voice' }), f({})]).attribution).toBeNull();
    expect(settledAttribution([])).toEqual(f({}));
  });

  it("lists each proposer's attribution of a span for the adjudicator", () => {
    const span = { start: 0, end: 5, label: 'pro' };
    const ann = new Map([
      ['A', [{ ...span, holder: 'x', holderActorId: 'k', attribution: 'direct-quote' as const }]],
      [
        'B',
        [
          { ...span, holder: null },
          { start: 0, end: 6, label: 'pro', holder: 'y' },
        ],
      ],
      ['gold', [{ ...span, holder: 'z' }]],
    ]);
    expect(attributionChoices(ann, span, ['gold'])).toEqual([
      {
        annotatorId: 'A',
        ...attributionOf({ holder: 'x', holderActorId: 'k', attribution: 'direct-quote' }),
      },
      { annotatorId: 'B', holderActorId: null, holder: null, target: null, attribution: null },
    ]);
  });
});
