/**
 * Agreement: 1,000 documents × 3 annotators, from spans as JSONL lines hold
 * them to the full report: grouping and tokenizing (groupLines, as the
 * `stance agreement` CLI does when lines carry no tokens) plus
 * computeAgreement; and computeAgreement alone on grouped documents.
 *
 * Then one document with many spans per annotator (2,500 to 20,000 × 2):
 * computeAgreement, the overlap-F1 matching on its own (sort and sweep,
 * overlap.ts), and beside it the quadratic matching it replaced (every
 * span of A asked about every span of B), on the same spans.
 */
import { computeAgreement } from '../../src/core/agreement/compute.ts';
import { groupLines } from '../../src/core/agreement/from-lines.ts';
import { overlapMatched } from '../../src/core/agreement/overlap.ts';
import {
  overlaps,
  pairFigure,
  type AgreementDoc,
  type AgreementSpan,
} from '../../src/core/agreement/types.ts';
import { mulberry32 } from '../lib/prng.ts';
import { figure } from '../lib/results.ts';
import { agreementLines } from '../lib/datasets.ts';
import { nodeVocabulary } from './emit.ts';
import { emit, gc, quick } from './emit.ts';

const started = performance.now();
const DOCS = 1_000;
const PER_DOC = 20;
const RUNS = quick ? 3 : 7;
const lines = agreementLines(nodeVocabulary(), DOCS, PER_DOC);

const total: number[] = [];
const computeOnly: number[] = [];
let documents = 0;
let kappa: number | null = null;
// Warm-up once, untimed.
computeAgreement(groupLines(lines).docs, { annotators: ['A', 'B', 'C'] });
for (let i = 0; i < RUNS; i++) {
  gc();
  const t0 = performance.now();
  const { annotators, docs } = groupLines(lines);
  const t1 = performance.now();
  const report = computeAgreement(docs, { annotators });
  const t2 = performance.now();
  total.push(t2 - t0);
  computeOnly.push(t2 - t1);
  documents = report.documents;
  kappa = pairFigure(report.macro.kappa, 'A', 'B') ?? null;
}

/**
 * One document of 5·n one-letter tokens ("x x x …", token i at [2i, 2i+1))
 * and n spans per annotator of 1–8 tokens over 3 labels: B keeps 60% of A's
 * spans, moves 20% by up to 3 tokens and draws the rest anew (seed 7).
 */
function bigDoc(n: number): AgreementDoc {
  const rng = mulberry32(7);
  const tokens = Array.from({ length: 5 * n }, (_, i) => ({ start: 2 * i, end: 2 * i + 1 }));
  const labels = ['pro-withdrawal', 'pro-coalition', 'kurdish-skepticism'];
  const span = (first: number, len: number, label: string): AgreementSpan => {
    const f = Math.max(0, Math.min(5 * n - len, first));
    return { start: 2 * f, end: 2 * (f + len - 1) + 1, label };
  };
  const a = Array.from({ length: n }, () =>
    span(rng.int(0, 5 * n - 1), rng.int(1, 8), rng.pick(labels)),
  );
  const b = a.map((s) => {
    const r = rng.next();
    if (r < 0.6) return s;
    const len = (s.end - s.start + 1) / 2;
    if (r < 0.8) return span(s.start / 2 + rng.int(-3, 3), len, s.label);
    return span(rng.int(0, 5 * n - 1), rng.int(1, 8), rng.pick(labels));
  });
  return {
    id: 'big',
    tokens,
    annotations: new Map([
      ['A', a],
      ['B', b],
    ]),
  };
}

/** The matching computeAgreement did before: every span of one asked about every span of the other. */
function quadraticMatched(
  spans: readonly AgreementSpan[],
  others: readonly AgreementSpan[],
): number {
  let n = 0;
  for (const s of spans) if (others.some((o) => o.label === s.label && overlaps(s, o))) n++;
  return n;
}

const SIZES = quick ? [1_000, 2_000] : [2_500, 5_000, 10_000, 20_000];
const sizeFigures: Record<string, ReturnType<typeof figure>> = {};
const sizeNotes: string[] = [];
for (const n of SIZES) {
  const doc = bigDoc(n);
  const a = doc.annotations.get('A')!;
  const b = doc.annotations.get('B')!;
  const sweep: number[] = [];
  const whole: number[] = [];
  const quadratic: number[] = [];
  let matchedSweep = 0;
  let matchedQuadratic = 0;
  computeAgreement([doc], { annotators: ['A', 'B'] }); // warm-up
  for (let i = 0; i < RUNS; i++) {
    gc();
    let t0 = performance.now();
    matchedSweep =
      overlapMatched(a, b).filter(Boolean).length + overlapMatched(b, a).filter(Boolean).length;
    sweep.push(performance.now() - t0);
    t0 = performance.now();
    computeAgreement([doc], { annotators: ['A', 'B'] });
    whole.push(performance.now() - t0);
  }
  // The quadratic matching once per size at 20,000 (seconds), 3 times below.
  for (let i = 0; i < (n >= 20_000 ? 1 : 3); i++) {
    const t0 = performance.now();
    matchedQuadratic = quadraticMatched(a, b) + quadraticMatched(b, a);
    quadratic.push(performance.now() - t0);
  }
  if (matchedSweep !== matchedQuadratic)
    throw new Error(
      `at ${n} spans the sweep matched ${matchedSweep}, the quadratic ${matchedQuadratic}`,
    );
  const k = n.toLocaleString('en');
  sizeFigures[`oneDoc${n}`] = figure(
    `one document, ${k} spans × 2 annotators: computeAgreement`,
    'ms',
    whole,
  );
  sizeFigures[`sweep${n}`] = figure(
    `… overlap-F1 matching, sort and sweep (both ways)`,
    'ms',
    sweep,
  );
  sizeFigures[`quadratic${n}`] = figure(
    `… the same matching, quadratic (the code before; ${quadratic.length} run${quadratic.length > 1 ? 's' : ''})`,
    'ms',
    quadratic,
  );
  sizeNotes.push(
    `${k} spans: ${matchedSweep.toLocaleString('en')} of ${(2 * n).toLocaleString('en')} matched, both ways agreeing.`,
  );
}

emit({
  measured: true,
  seconds: (performance.now() - started) / 1000,
  figures: {
    agreementMs: figure(
      `${documents.toLocaleString('en')} documents × 3 annotators: tokenize and group, then every figure`,
      'ms',
      total,
    ),
    computeMs: figure('computeAgreement alone (tokens given)', 'ms', computeOnly),
    ...sizeFigures,
  },
  notes: [
    `Documents of 200–800 words (seed 21); annotator A has ${PER_DOC} spans per document, B and C keep 60% of A's, relabel 15%, stretch 15%, drop the rest and add 0–3 of their own (macro kappa A–B = ${kappa?.toFixed(3) ?? 'n/a'}). ${RUNS} runs after a warm-up.`,
    `One document: 5 one-letter tokens per span, spans of 1–8 tokens over 3 labels; B keeps 60% of A's spans, moves 20% by up to 3 tokens, draws 20% anew (seed 7). The sweep sorts each label's spans by start once and answers each span with one binary search over the running maximum of ends: O(n log n); the quadratic matching compares every pair: O(n²).`,
    ...sizeNotes,
  ],
});
