import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActorRecord } from '../model.ts';
import {
  chartsFor,
  computeAnalysis,
  DISPUTED_HOLDER,
  SEVERAL_LABELS,
  type AnalysisDoc,
  type AnalysisSpan,
} from './analysis.ts';
import { analysisCsv, csvLine, csvText } from './csv.ts';
import { foldName } from './model.ts';

function actor(id: string, nameAr: string, aliases: string[] = []): ActorRecord {
  return {
    id,
    nameAr,
    nameEn: id.toUpperCase(),
    kind: 'person',
    affiliation: null,
    aliases,
    createdAt: 0,
    updatedAt: 0,
  };
}
const ACTORS = [
  actor('kadhimi', 'مصطفى الكاظمي', ['الكاظمي']),
  actor('fuad', 'فؤاد حسين'),
  actor('khazali', 'قيس الخزعلي'),
];

const DOCS = new Map<string, AnalysisDoc>([
  ['d1', { id: 'd1', title: 'one', date: '2021-07-25', outlet: 'رووداو' }],
  ['d2', { id: 'd2', title: 'two', date: '2021-07-26T10:00:00Z', outlet: 'الشرق' }],
  ['d3', { id: 'd3', title: 'three', date: null, outlet: null }],
  ['d4', { id: 'd4', title: 'four', date: '2021-08-02', outlet: 'رووداو' }],
]);

let n = 0;
function sp(
  annotatorId: string,
  docId: string,
  start: number,
  end: number,
  label: string,
  holder: { actor?: string; text?: string; outlet?: boolean } = {},
): AnalysisSpan {
  return {
    id: `s${++n}`,
    docId,
    annotatorId,
    label,
    start,
    end,
    quote: 'x'.repeat(end - start),
    holder: holder.text ?? null,
    holderActorId: holder.actor ?? null,
    attribution: holder.outlet ? 'outlet-voice' : null,
  };
}

const K = { actor: 'kadhimi' };
const F = { actor: 'fuad' };

describe('analysis counting', () => {
  it('counts overlapping spans of one holder by several annotators once', () => {
    const v = computeAnalysis(
      [
        sp('a', 'd1', 0, 20, 'anti', K),
        sp('b', 'd1', 5, 25, 'anti', K),
        sp('b', 'd1', 40, 50, 'anti', K),
      ],
      DOCS,
      ACTORS,
    );
    expect(v.rows.map((r) => [r.key, r.counts, r.total])).toEqual([
      ['actor:kadhimi', { anti: 2 }, 2],
      // (the second unit is b's alone)
    ]);
    expect(v.units[0]).toMatchObject({ start: 0, end: 25, annotators: ['a', 'b'], label: 'anti' });
    expect(v.units[0]!.disagreements).toEqual([]);
    expect(v.totals).toEqual({ counts: { anti: 2 }, total: 2 });
    expect(v.spans).toBe(3);
  });

  it('counts a statement given two labels once, under "several labels", and says so', () => {
    const v = computeAnalysis(
      [sp('a', 'd1', 0, 20, 'pro', K), sp('b', 'd1', 0, 20, 'anti', K)],
      DOCS,
      ACTORS,
      {},
      { labels: ['pro', 'anti'] },
    );
    expect(v.columns).toEqual(['pro', 'anti', SEVERAL_LABELS]);
    expect(v.rows[0]!.counts).toEqual({ [SEVERAL_LABELS]: 1 });
    expect(v.units[0]).toMatchObject({
      label: null,
      labels: ['anti', 'pro'],
      disagreements: ['label'],
    });
    expect(v.disagreements).toEqual({ label: 1, holder: 0 });
  });

  it('counts a holder disagreement once: for the majority, else as disputed', () => {
    const tie = computeAnalysis(
      [sp('a', 'd1', 0, 20, 'anti', K), sp('b', 'd1', 5, 20, 'anti', F)],
      DOCS,
      ACTORS,
    );
    expect(tie.rows.map((r) => [r.key, r.total])).toEqual([[DISPUTED_HOLDER, 1]]);
    expect(tie.rows[0]!.counts).toEqual({ anti: 1 });
    expect(tie.units.map((u) => [u.holder, u.disagreements, u.otherHolders])).toEqual([
      ['actor:kadhimi', ['holder'], ['actor:fuad']],
      ['actor:fuad', ['holder'], ['actor:kadhimi']],
    ]);
    expect(tie.totals.total).toBe(1);

    const majority = computeAnalysis(
      [
        sp('a', 'd1', 0, 20, 'anti', K),
        sp('b', 'd1', 5, 20, 'anti', F),
        sp('c', 'd1', 0, 18, 'anti', K),
      ],
      DOCS,
      ACTORS,
    );
    expect(majority.rows.map((r) => [r.key, r.total])).toEqual([['actor:kadhimi', 1]]);
    expect(majority.units.find((u) => u.holder === 'actor:fuad')!.countedIn).toBeNull();
    expect(majority.disagreements.holder).toBe(2);
  });

  it('an annotator who marks both holders is no disagreement (a stance about a stance)', () => {
    // Khazali calls Fuad Hussein's remark regrettable: a marks both, b only Fuad's remark.
    const v = computeAnalysis(
      [
        sp('a', 'd1', 0, 60, 'anti', { actor: 'khazali' }),
        sp('a', 'd1', 20, 40, 'pro', F),
        sp('b', 'd1', 22, 40, 'pro', F),
      ],
      DOCS,
      ACTORS,
    );
    expect(v.rows.map((r) => [r.key, r.counts])).toEqual([
      ['actor:fuad', { pro: 1 }],
      ['actor:khazali', { anti: 1 }],
    ]);
    expect(v.disagreements).toEqual({ label: 0, holder: 0 });
  });

  it('resolves free-text holders to actors, gives the outlet its own voice, and keeps the rest', () => {
    const v = computeAnalysis(
      [
        sp('a', 'd1', 0, 5, 'anti', { text: 'الكاظمى' }),
        sp('a', 'd1', 10, 15, 'anti', { text: 'مسؤول عراقي' }),
        sp('a', 'd1', 20, 25, 'pro', { outlet: true }),
        sp('a', 'd1', 30, 35, 'pro'),
      ],
      DOCS,
      ACTORS,
    );
    expect(v.rows.map((r) => [r.key, r.holder.kind, r.holder.name, r.total])).toEqual([
      ['actor:kadhimi', 'actor', 'مصطفى الكاظمي', 1],
      [`text:${foldName('مسؤول عراقي')}`, 'text', 'مسؤول عراقي', 1],
      ['outlet:رووداو', 'outlet', 'رووداو', 1],
      ['none', 'none', '(no holder)', 1],
    ]);
    expect(v.rows[0]!.holder).toMatchObject({ nameEn: 'KADHIMI', actorKind: 'person' });
  });

  it('filters by annotator (gold apart), outlet, date range and label', () => {
    const spans = [
      sp('a', 'd1', 0, 5, 'anti', K),
      sp('gold', 'd1', 0, 5, 'anti', K),
      sp('a', 'd2', 0, 5, 'pro', K),
      sp('b', 'd3', 0, 5, 'pro', F),
      sp('b', 'd4', 0, 5, 'anti', F),
    ];
    const total = (f: object): number => computeAnalysis(spans, DOCS, ACTORS, f).totals.total;
    expect(computeAnalysis(spans, DOCS, ACTORS).annotators).toEqual(['a', 'b']);
    expect(total({})).toBe(4);
    expect(computeAnalysis(spans, DOCS, ACTORS, { annotators: ['gold'] }).annotators).toEqual([
      'gold',
    ]);
    expect(total({ annotators: ['gold'] })).toBe(1);
    expect(total({ annotators: ['b'] })).toBe(2);
    expect(total({ outlets: ['رووداو'] })).toBe(2);
    expect(total({ outlets: [null] })).toBe(1);
    expect(total({ from: '2021-07-26' })).toBe(2);
    expect(total({ from: '2021-07-01', to: '2021-07-31' })).toBe(2);
    expect(total({ labels: ['pro'] })).toBe(2);
  });

  it('charts stance over time and by outlet, for all and for one holder', () => {
    const spans = [
      sp('a', 'd1', 0, 5, 'anti', K),
      sp('a', 'd2', 0, 5, 'pro', K),
      sp('a', 'd3', 0, 5, 'pro', F),
      sp('a', 'd4', 0, 5, 'anti', F),
    ];
    const v = computeAnalysis(spans, DOCS, ACTORS, {}, { timeBucket: 'month' });
    expect(v.overTime).toEqual([
      { bucket: '2021-07', counts: { anti: 1, pro: 1 }, total: 2 },
      { bucket: '2021-08', counts: { anti: 1 }, total: 1 },
    ]);
    expect(v.undated).toEqual({ counts: { pro: 1 }, total: 1 });
    expect(v.byOutlet.map((o) => [o.outlet, o.total])).toEqual([
      ['رووداو', 2],
      ['الشرق', 1],
      [null, 1],
    ]);
    const fuad = chartsFor(v, DOCS, 'actor:fuad');
    expect(fuad.overTime).toEqual([{ bucket: '2021-08-02', counts: { anti: 1 }, total: 1 }]);
    expect(fuad.undated.total).toBe(1);
  });

  it('never counts a span twice, and every span is in exactly one unit (random spans)', () => {
    const span = fc.record({
      annotatorId: fc.constantFrom('a', 'b', 'c'),
      docId: fc.constantFrom('d1', 'd2'),
      start: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: 1, max: 15 }),
      label: fc.constantFrom('pro', 'anti'),
      holder: fc.constantFrom('kadhimi', 'fuad', 'khazali', null),
    });
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), (raw) => {
        const spans = raw.map((r) =>
          sp(
            r.annotatorId,
            r.docId,
            r.start,
            r.start + r.length,
            r.label,
            r.holder ? { actor: r.holder } : {},
          ),
        );
        const v = computeAnalysis(spans, DOCS, ACTORS);
        const inUnits = v.units.flatMap((u) => u.spans.map((s) => s.id));
        expect(new Set(inUnits).size).toBe(inUnits.length);
        expect(inUnits.length).toBe(v.spans);
        const rowSum = v.rows.reduce((t, r) => t + r.total, 0);
        const counted = v.units.filter((u) => u.countedIn).length;
        expect(rowSum).toBe(counted);
        expect(v.totals.total).toBe(counted);
        // Units without a holder disagreement are all counted.
        for (const u of v.units)
          if (!u.disagreements.includes('holder')) expect(u.countedIn).not.toBeNull();
        // Every cell's evidence is exactly its count.
        for (const r of v.rows)
          for (const [c, k] of Object.entries(r.counts)) expect(r.units[c]!.length).toBe(k);
      }),
    );
  });
});

describe('CSV export', () => {
  it('escapes fields per RFC 4180 and neutralises formulas', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "no"')).toBe('"say ""no"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
    expect(csvText('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const s of ['+1', '-1', '@SUM(A1)', '\tx']) expect(csvText(s)).toBe(`'${s}`);
    expect(csvLine(['a', 3, '-2'])).toBe("a,3,'-2\r\n");
  });

  it('writes the table with a BOM, CRLF lines, label names, and a total line', () => {
    const v = computeAnalysis(
      [
        sp('a', 'd1', 0, 5, 'anti', K),
        sp('a', 'd2', 0, 5, 'pro', K),
        sp('a', 'd3', 0, 5, 'pro', { text: '=cmd|calc' }),
      ],
      DOCS,
      ACTORS,
      {},
      { labels: ['pro', 'anti'] },
    );
    const csv = analysisCsv(v, { labelNames: { pro: 'مؤيد, للانسحاب', anti: 'Anti' } });
    expect(csv.startsWith('\ufeffholder,')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'holder,holder_en,holder_id,holder_type,actor_kind,affiliation,"مؤيد, للانسحاب",Anti,total',
      'مصطفى الكاظمي,KADHIMI,kadhimi,actor,person,,1,1,2',
      "'=cmd|calc,,,text,,,1,0,1",
      'total,,,,,,2,1,3',
      '',
    ]);
    expect(analysisCsv(v, { bom: false }).startsWith('holder,')).toBe(true);
  });
});
