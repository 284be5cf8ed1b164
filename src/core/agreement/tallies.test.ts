// The per-document tallies count only the tokens some span covers; these
// properties check them against a pass over every token (the definition,
// written out below) and the report's kappa and alpha against compute.ts,
// on random documents, spans, labels and absent annotators; and a tally
// brought up to date by the documents that changed against a fresh one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bootstrapIntervals } from './bootstrap.ts';
import { computeAgreement, dedupeSpans, reportLabels } from './compute.ts';
import { agreementReport, annotatedDocuments, reportFromTallies } from './report.ts';
import { mergeTallies } from './tally-merge.ts';
import { tally, type Tallies } from './tallies.ts';
import type { AgreementDoc, AgreementSpan } from './types.ts';

const ANNOTATORS = ['A', 'B', 'C'];
const LABELS = ['pro', 'anti', '__proto__'];

/** Every token visited: the counts as docs/agreement.md defines them. */
function denseTally(
  docs: readonly AgreementDoc[],
  annotators: readonly string[],
  labels: readonly string[],
): Pick<Tallies, 'tokens' | 'present' | 'n11' | 'n10' | 'n01' | 'spans' | 'o01' | 'm0' | 'm1'> {
  const A = annotators.length;
  const L = labels.length;
  const pairs: [number, number][] = [];
  for (let i = 0; i < A; i++) for (let j = i + 1; j < A; j++) pairs.push([i, j]);
  const P = pairs.length;
  const kept = docs.filter((d) => annotators.filter((a) => d.annotations.has(a)).length >= 2);
  const D = kept.length;
  const t = {
    tokens: new Float64Array(D),
    present: new Uint8Array(D * A),
    n11: new Float64Array(D * P * L),
    n10: new Float64Array(D * P * L),
    n01: new Float64Array(D * P * L),
    spans: new Float64Array(D * P * L),
    o01: new Float64Array(D * L),
    m0: new Float64Array(D * L),
    m1: new Float64Array(D * L),
  };
  kept.forEach((doc, d) => {
    const toks = [...doc.tokens].sort((x, y) => x.start - y.start);
    const n = toks.length;
    t.tokens[d] = n;
    const cov: (Uint8Array | null)[] = [];
    const size: (Float64Array | null)[] = [];
    annotators.forEach((a, ai) => {
      const spans = doc.annotations.get(a);
      if (!spans) {
        cov.push(null);
        size.push(null);
        return;
      }
      t.present[d * A + ai] = 1;
      const c = new Uint8Array(L * n);
      const z = new Float64Array(L);
      for (const s of dedupeSpans(spans)) {
        const l = labels.indexOf(s.label);
        if (l < 0) continue;
        z[l]!++;
        toks.forEach((tok, k) => {
          if (tok.start >= s.start && tok.end <= s.end) c[l * n + k] = 1;
        });
      }
      cov.push(c);
      size.push(z);
    });
    const present = cov.filter((c) => c !== null).length;
    for (let l = 0; l < L; l++) {
      let o = 0;
      let z = 0;
      let one = 0;
      for (let k = 0; k < n; k++) {
        let m1 = 0;
        for (const c of cov) if (c && c[l * n + k]) m1++;
        o += ((present - m1) * m1) / (present - 1);
        z += present - m1;
        one += m1;
      }
      t.o01[d * L + l] = o;
      t.m0[d * L + l] = z;
      t.m1[d * L + l] = one;
    }
    pairs.forEach(([ia, ib], p) => {
      const ca = cov[ia];
      const cb = cov[ib];
      if (!ca || !cb) return;
      for (let l = 0; l < L; l++) {
        const i = (d * P + p) * L + l;
        for (let k = 0; k < n; k++) {
          const va = ca[l * n + k];
          const vb = cb[l * n + k];
          if (va && vb) t.n11[i]!++;
          else if (va) t.n10[i]!++;
          else if (vb) t.n01[i]!++;
        }
        t.spans[i] = size[ia]![l]! + size[ib]![l]!;
      }
    });
  });
  return t;
}

/** Tokens "xx " of random widths; spans between random token edges (or not on edges). */
const arbDoc = (id: number): fc.Arbitrary<AgreementDoc> =>
  fc
    .record({
      widths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 30 }),
      who: fc.subarray(ANNOTATORS),
      spans: fc.array(
        fc.record({
          a: fc.constantFrom(...ANNOTATORS),
          start: fc.integer({ min: 0, max: 90 }),
          len: fc.integer({ min: 1, max: 20 }),
          label: fc.constantFrom(...LABELS, 'unlisted'),
        }),
        { maxLength: 12 },
      ),
      packed: fc.boolean(),
    })
    .map(({ widths, who, spans, packed }) => {
      let at = 0;
      const tokens = widths.map((w) => {
        const tok = { start: at, end: at + w };
        at += w + 1;
        return tok;
      });
      const annotations = new Map<string, AgreementSpan[]>(who.map((a) => [a, []]));
      for (const s of spans)
        annotations.get(s.a)?.push({ start: s.start, end: s.start + s.len, label: s.label });
      const doc: AgreementDoc = { id: `d${id}`, tokens, annotations };
      return packed ? { ...doc, tokens: [], bounds: tokens.flatMap((t) => [t.start, t.end]) } : doc;
    });

const arbDocs = fc
  .array(fc.nat(), { minLength: 1, maxLength: 6 })
  .chain((ids) => fc.tuple(...ids.map((_, i) => arbDoc(i))));

describe('agreement tallies', () => {
  it('count exactly what a pass over every token counts', () => {
    fc.assert(
      fc.property(arbDocs, (docs) => {
        const t = tally(docs, ANNOTATORS, LABELS);
        const dense = denseTally(
          docs.map((d) =>
            d.bounds
              ? {
                  ...d,
                  tokens: Array.from({ length: d.bounds.length / 2 }, (_, i) => ({
                    start: d.bounds![2 * i]!,
                    end: d.bounds![2 * i + 1]!,
                  })),
                }
              : d,
          ),
          ANNOTATORS,
          LABELS,
        );
        for (const k of Object.keys(dense) as (keyof typeof dense)[])
          expect([...t[k]], k).toEqual([...dense[k]]);
      }),
      { numRuns: 300 },
    );
  });

  it("give the report compute.ts's kappa and alpha", () => {
    fc.assert(
      fc.property(arbDocs, (docs) => {
        const withTokens = docs.map((d) =>
          d.bounds
            ? {
                ...d,
                tokens: Array.from({ length: d.bounds.length / 2 }, (_, i) => ({
                  start: d.bounds![2 * i]!,
                  end: d.bounds![2 * i + 1]!,
                })),
                bounds: undefined,
              }
            : d,
        );
        const options = { annotators: ANNOTATORS, labels: LABELS };
        const { report } = agreementReport(docs, options);
        const direct = computeAgreement(withTokens, options);
        expect(report.documents).toBe(direct.documents);
        expect(Object.keys(report.labels)).toEqual(Object.keys(direct.labels));
        // Span F1 (and the macro means) come from the tallies too: equal, not just close.
        for (const label of Object.keys(direct.labels)) {
          expect(report.labels[label]!.f1_exact, label).toEqual(direct.labels[label]!.f1_exact);
          expect(report.labels[label]!.f1_overlap, label).toEqual(direct.labels[label]!.f1_overlap);
        }
        expect(report.macro.f1_exact).toEqual(direct.macro.f1_exact);
        expect(report.macro.f1_overlap).toEqual(direct.macro.f1_overlap);
        for (const label of Object.keys(direct.labels)) {
          const r = report.labels[label]!;
          const c = direct.labels[label]!;
          if (c.alpha === null) expect(r.alpha).toBeNull();
          else expect(r.alpha).toBeCloseTo(c.alpha, 9);
          for (const a of Object.keys(c.kappa))
            for (const b of Object.keys(c.kappa[a]!)) {
              const want = c.kappa[a]![b]!;
              if (want === null) expect(r.kappa[a]![b]).toBeNull();
              else expect(r.kappa[a]![b]).toBeCloseTo(want, 9);
            }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('brought up to date by the documents that changed, equal a fresh count', () => {
    // A project, then some documents changed, gone or new: the old tally
    // merged with the changed documents' counts gives the fresh report,
    // intervals included (same documents, same order, same resamples).
    const arbChange = arbDocs.chain((before) =>
      fc.tuple(
        fc.constant(before),
        fc.subarray(before.map((d) => d.id)),
        fc
          .array(fc.nat({ max: 9 }), { maxLength: 4 })
          .chain((ids) => fc.tuple(...ids.map((n) => arbDoc(n)))),
      ),
    );
    fc.assert(
      fc.property(arbChange, ([before, gone, changed]) => {
        const after = new Map(before.map((d) => [d.id, d]));
        for (const id of gone) after.delete(id);
        for (const d of changed) after.set(d.id, d);
        const now = [...after.values()];
        const labels = reportLabels(now, ANNOTATORS, LABELS);
        if (reportLabels(before, ANNOTATORS, LABELS).join() !== labels.join()) return;
        const old = tally(before, ANNOTATORS, labels);
        const touched = new Set([...gone, ...changed.map((d) => d.id)]);
        const fresh = tally(
          changed.filter((d) => after.get(d.id) === d),
          ANNOTATORS,
          labels,
        );
        const merged = mergeTallies(old, touched, fresh)!;
        const whole = tally(now, ANNOTATORS, labels);
        expect(merged).toEqual(whole);
        const docs = annotatedDocuments(now, ANNOTATORS);
        const ci = { resamples: 50, seed: 7 };
        expect(reportFromTallies(merged, docs)).toEqual(
          agreementReport(now, { annotators: ANNOTATORS, labels: LABELS }).report,
        );
        expect(bootstrapIntervals(merged, ci)).toEqual(bootstrapIntervals(whole, ci));
      }),
      { numRuns: 200 },
    );
  });

  it('refuse to merge counts of other annotators or labels', () => {
    const doc: AgreementDoc = {
      id: 'd',
      tokens: [{ start: 0, end: 2 }],
      annotations: new Map([
        ['A', []],
        ['B', []],
      ]),
    };
    const t = tally([doc], ['A', 'B'], ['x']);
    expect(mergeTallies(t, new Set(), tally([doc], ['A', 'B'], ['x', 'y']))).toBeNull();
    expect(mergeTallies(t, new Set(), tally([doc], ['B', 'A'], ['x']))).toBeNull();
  });
});
