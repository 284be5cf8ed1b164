// The bootstrap intervals of agreement (src/core/agreement/bootstrap.ts)
// checked against independent implementations: the figures pinned here were
// printed by tests/fixtures/agreement/bootstrap_check.py (Python and numpy,
// written from docs/agreement.md), for the three analysts' files in that
// folder; and a plain re-implementation below (every resample rebuilt as a
// list of documents, kappa and alpha from their textbook formulas) is
// compared on generated corpora.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAnnotatedFile } from '../../src/cli/agreement-reader.ts';
import { bootstrapIntervals, mulberry32 } from '../../src/core/agreement/bootstrap.ts';
import { computeAgreement } from '../../src/core/agreement/compute.ts';
import { groupLines, type AnnotatedLine } from '../../src/core/agreement/from-lines.ts';
import { agreementReport } from '../../src/core/agreement/report.ts';
import { figuresFrom, tally, weightedSums } from '../../src/core/agreement/tallies.ts';
import type { AgreementDoc, AgreementSpan } from '../../src/core/agreement/types.ts';

const DIR = new URL('../fixtures/agreement/', import.meta.url);

async function fixtureDocs(): Promise<{ annotators: string[]; docs: AgreementDoc[] }> {
  const lines: AnnotatedLine[] = [];
  for (const name of ['ahmad', 'sara', 'omar']) {
    const r = await readAnnotatedFile(new URL(`${name}.jsonl`, DIR).pathname);
    expect(r.errors).toEqual([]);
    lines.push(...r.lines);
  }
  const g = groupLines(lines);
  return { annotators: g.annotators, docs: g.docs };
}

describe('bootstrap intervals', () => {
  it('equal the Python/numpy implementation on the three analysts’ files (R = 1000, seed 1)', async () => {
    const expected = JSON.parse(
      readFileSync(new URL('bootstrap-expected.json', DIR), 'utf8'),
    ) as Record<string, [number, number] | null>;
    const { annotators, docs } = await fixtureDocs();
    expect(docs.every((d) => d.basis === 'dataset')).toBe(true);
    const { report } = agreementReport(docs, { annotators, ci: { resamples: 1000, seed: 1 } });
    const ci = report.ci!;
    expect(ci.documents).toBe(12);
    const ours: Record<string, [number, number] | null> = {};
    for (const [label, f] of Object.entries(ci.labels)) {
      ours[`alpha/${label}`] = f.alpha;
      for (const [pair, k] of Object.entries(f.kappa)) ours[`kappa/${label}/${pair}`] = k;
    }
    for (const [pair, k] of Object.entries(ci.macro.kappa)) ours[`macro-kappa/${pair}`] = k;
    ours['macro-alpha'] = ci.macro.alpha;
    expect(Object.keys(ours).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, v] of Object.entries(expected)) {
      expect(ours[key], key).not.toBeNull();
      expect(ours[key]![0], key).toBeCloseTo(v![0], 10);
      expect(ours[key]![1], key).toBeCloseTo(v![1], 10);
    }
    // Seeded: the same seed gives the same intervals, another seed others.
    expect(
      agreementReport(docs, { annotators, ci: { resamples: 1000, seed: 1 } }).report.ci,
    ).toEqual(ci);
    expect(
      agreementReport(docs, { annotators, ci: { resamples: 1000, seed: 2 } }).report.ci!.macro
        .alpha,
    ).not.toEqual(ci.macro.alpha);
  });
});

// ---- A plain re-implementation, from docs/agreement.md ----

type Vals = Map<string, Map<string, number[]>>; // annotator → label → 0/1 per token

function valuesOf(doc: AgreementDoc, labels: string[]): Vals {
  const out: Vals = new Map();
  for (const [a, spans] of doc.annotations) {
    const byLabel = new Map<string, number[]>();
    for (const l of labels)
      byLabel.set(
        l,
        doc.tokens.map((t) =>
          spans.some((s) => s.label === l && t.start >= s.start && t.end <= s.end) ? 1 : 0,
        ),
      );
    out.set(a, byLabel);
  }
  return out;
}

function naiveKappa(x: number[], y: number[]): number | null {
  const n = x.length;
  if (n === 0) return null;
  const po = x.filter((v, i) => v === y[i]).length / n;
  const pa = x.reduce((s, v) => s + v, 0) / n;
  const pb = y.reduce((s, v) => s + v, 0) / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return pe >= 1 - 1e-12 ? null : (po - pe) / (1 - pe);
}

function naiveAlpha(units: number[][]): number | null {
  const o = [
    [0, 0],
    [0, 0],
  ];
  for (const u of units) {
    if (u.length < 2) continue;
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) o[u[i]!]![u[j]!]! += 1 / (u.length - 1);
  }
  const n0 = o[0]![0]! + o[0]![1]!;
  const n1 = o[1]![0]! + o[1]![1]!;
  const n = n0 + n1;
  if (n === 0 || n0 * n1 === 0) return null;
  return 1 - ((n - 1) * (o[0]![1]! + o[1]![0]!)) / (2 * n0 * n1);
}

function percentile(values: number[], q: number): number {
  const v = [...values].sort((a, b) => a - b);
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  return lo + 1 < v.length ? v[lo]! + (v[lo + 1]! - v[lo]!) * (pos - lo) : v[lo]!;
}

function naiveIntervals(
  docs: AgreementDoc[],
  annotators: string[],
  labels: string[],
  resamples: number,
  seed: number,
): Record<string, [number, number] | null> {
  const pairs = annotators.flatMap((a, i) => annotators.slice(i + 1).map((b) => [a, b] as const));
  const kept = docs
    .map((d) => ({
      ...d,
      annotations: new Map([...d.annotations].filter(([a]) => annotators.includes(a))),
    }))
    .filter((d) => d.annotations.size >= 2)
    .map((d) => ({ doc: d, vals: valuesOf(d, labels) }));
  const spanCount = (d: AgreementDoc, a: string, l: string): number =>
    new Set(
      (d.annotations.get(a) ?? [])
        .filter((s: AgreementSpan) => s.label === l)
        .map((s) => `${s.start}:${s.end}`),
    ).size;
  // The canonical key of docs/agreement.md.
  const sum = (xs: number[]): number => xs.reduce((s, v) => s + v, 0);
  const counted = [...labels]
    .sort()
    .filter((l) =>
      kept.some(
        ({ doc, vals }) =>
          sum([...vals.values()].flatMap((m) => m.get(l)!)) > 0 ||
          pairs.some(
            ([a, b]) =>
              doc.annotations.has(a) &&
              doc.annotations.has(b) &&
              spanCount(doc, a, l) + spanCount(doc, b, l) > 0,
          ),
      ),
    );
  const key = ({ doc, vals }: (typeof kept)[number]): number[] => {
    const k: number[] = [
      doc.tokens.length,
      ...[...annotators].sort().map((a) => +doc.annotations.has(a)),
    ];
    for (const l of counted) {
      let o = 0;
      let m0s = 0;
      let m1s = 0;
      for (let t = 0; t < doc.tokens.length; t++) {
        const m1 = sum([...vals.values()].map((m) => m.get(l)![t]!));
        const m0 = vals.size - m1;
        o += (m0 * m1) / (vals.size - 1);
        m0s += m0;
        m1s += m1;
      }
      k.push(o, m0s, m1s);
    }
    const sortedPairs = pairs
      .map(([a, b]) => (a < b ? [a, b] : [b, a]))
      .sort((x, y) => (`${x[0]}\u0000${x[1]}` < `${y[0]}\u0000${y[1]}` ? -1 : 1));
    for (const [a, b] of sortedPairs)
      for (const l of counted) {
        if (!vals.has(a!) || !vals.has(b!)) {
          k.push(0, 0, 0, 0);
          continue;
        }
        const x = vals.get(a!)!.get(l)!;
        const y = vals.get(b!)!.get(l)!;
        k.push(
          x.filter((v, i) => v && y[i]).length,
          x.filter((v, i) => v && !y[i]).length,
          x.filter((v, i) => !v && y[i]).length,
          spanCount(doc, a!, l) + spanCount(doc, b!, l),
        );
      }
    return k;
  };
  const keys = kept.map(key);
  const order = kept.map((_, i) => i);
  order.sort((x, y) => {
    for (let i = 0; i < keys[x]!.length; i++)
      if (keys[x]![i] !== keys[y]![i]) return keys[x]![i]! - keys[y]![i]!;
    return 0;
  });
  const random = mulberry32(seed);
  const reps: Record<string, number | null>[] = [];
  const D = kept.length;
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from({ length: D }, () => kept[order[Math.floor(random() * D)]!]!);
    const f: Record<string, number | null> = {};
    for (const l of labels) {
      f[`alpha/${l}`] = naiveAlpha(
        sample.flatMap(({ doc, vals }) =>
          doc.tokens.map((_, t) =>
            annotators.filter((a) => vals.has(a)).map((a) => vals.get(a)!.get(l)![t]!),
          ),
        ),
      );
      for (const [a, b] of pairs) {
        const both = sample.filter(({ vals }) => vals.has(a) && vals.has(b));
        f[`kappa/${l}/${a}|${b}`] = naiveKappa(
          both.flatMap(({ vals }) => vals.get(a)!.get(l)!),
          both.flatMap(({ vals }) => vals.get(b)!.get(l)!),
        );
      }
    }
    for (const [a, b] of pairs) {
      const both = sample.filter(({ vals }) => vals.has(a) && vals.has(b));
      const used = labels.filter((l) =>
        both.some(({ doc }) => spanCount(doc, a, l) + spanCount(doc, b, l) > 0),
      );
      const ks = used.map((l) => f[`kappa/${l}/${a}|${b}`]).filter((k): k is number => k !== null);
      f[`macro-kappa/${a}|${b}`] = ks.length ? sum(ks) / ks.length : null;
    }
    const as = labels.map((l) => f[`alpha/${l}`]).filter((x): x is number => x !== null);
    f['macro-alpha'] = as.length ? sum(as) / as.length : null;
    reps.push(f);
  }
  const out: Record<string, [number, number] | null> = {};
  for (const k of Object.keys(reps[0] ?? {})) {
    const v = reps.map((f) => f[k]).filter((x): x is number => x !== null && x !== undefined);
    out[k] = D < 2 || v.length === 0 ? null : [percentile(v, 0.025), percentile(v, 0.975)];
  }
  return out;
}

const LABELS = ['a', 'b', 'c'];
const corpus = fc
  .record({
    annotators: fc.integer({ min: 2, max: 4 }),
    docs: fc.array(
      fc.record({
        tokens: fc.integer({ min: 1, max: 12 }),
        spans: fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: 3 }),
            from: fc.nat(12),
            len: fc.integer({ min: 1, max: 5 }),
            label: fc.constantFrom(...LABELS),
          }),
          { maxLength: 10 },
        ),
        absent: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      }),
      { minLength: 2, maxLength: 7 },
    ),
  })
  .map(({ annotators, docs }) => {
    const ids = ['Ahmad', 'Sara', 'Omar', 'Layla'].slice(0, annotators);
    return {
      annotators: ids,
      docs: docs.map((d, i): AgreementDoc => {
        // Tokens of 3 code points with a space between: [0,3) [4,7) …
        const tokens = Array.from({ length: d.tokens }, (_, t) => ({
          start: 4 * t,
          end: 4 * t + 3,
        }));
        const annotations = new Map<string, AgreementSpan[]>();
        ids.forEach((a, ai) => {
          if (d.absent[ai]) return;
          annotations.set(
            a,
            d.spans
              .filter((s) => s.who % annotators === ai && s.from < d.tokens)
              .map((s) => ({
                start: 4 * s.from + (s.len === 5 ? 1 : 0), // a few start inside a token
                end: 4 * Math.min(d.tokens, s.from + s.len) - 1,
                label: s.label,
              }))
              .filter((s) => s.end > s.start),
          );
        });
        return { id: `d${i}`, tokens, annotations };
      }),
    };
  });

describe('tallies and bootstrap against a plain implementation', () => {
  it('tallies with every weight 1 give compute.ts’s kappa and alpha', () => {
    fc.assert(
      fc.property(corpus, ({ annotators, docs }) => {
        const report = computeAgreement(docs, { annotators, labels: LABELS });
        const t = tally(docs, annotators, Object.keys(report.labels));
        const f = figuresFrom(t, weightedSums(t));
        const same = (x: number | null | undefined, y: number | null): void => {
          if (y === null) expect(x ?? null).toBeNull();
          else expect(x).toBeCloseTo(y, 12);
        };
        for (const [label, fig] of Object.entries(report.labels)) {
          same(f.alpha[label], fig.alpha);
          for (const [pair, k] of Object.entries(fig.kappa)) same(f.kappa[label]![pair], k);
        }
        for (const [pair, k] of Object.entries(report.macro.kappa)) same(f.macroKappa[pair], k);
        same(f.macroAlpha, report.macro.alpha);
      }),
      { numRuns: 150 },
    );
  });

  it('intervals equal the plain implementation’s, whatever the order of documents', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 1, max: 2 ** 31 }), ({ annotators, docs }, seed) => {
        const naive = naiveIntervals(docs, annotators, LABELS, 40, seed);
        // Listed in another order (and annotators too), the same draws.
        const ci = bootstrapIntervals(
          tally([...docs].reverse(), [...annotators].reverse(), LABELS),
          {
            resamples: 40,
            seed,
          },
        );
        const ours: Record<string, [number, number] | null> = {};
        for (const [label, f] of Object.entries(ci.labels)) {
          ours[`alpha/${label}`] = f.alpha;
          for (const [pair, k] of Object.entries(f.kappa))
            ours[`kappa/${label}/${pair.split('|').reverse().join('|')}`] = k;
        }
        for (const [pair, k] of Object.entries(ci.macro.kappa))
          ours[`macro-kappa/${pair.split('|').reverse().join('|')}`] = k;
        ours['macro-alpha'] = ci.macro.alpha;
        for (const [key, v] of Object.entries(naive)) {
          if (v === null) expect(ours[key], key).toBeNull();
          else {
            expect(ours[key], key).not.toBeNull();
            expect(ours[key]![0], key).toBeCloseTo(v[0], 9);
            expect(ours[key]![1], key).toBeCloseTo(v[1], 9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
