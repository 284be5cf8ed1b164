/**
 * Agreement: 1,000 documents × 3 annotators, from spans as JSONL lines hold
 * them to the full report: grouping and tokenizing (groupLines, as the
 * `stance agreement` CLI does when lines carry no tokens) plus
 * computeAgreement; and computeAgreement alone on grouped documents.
 */
import { computeAgreement } from '../../src/core/agreement/compute.ts';
import { groupLines } from '../../src/core/agreement/from-lines.ts';
import { pairFigure } from '../../src/core/agreement/types.ts';
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
  },
  notes: [
    `Documents of 200–800 words (seed 21); annotator A has ${PER_DOC} spans per document, B and C keep 60% of A's, relabel 15%, stretch 15%, drop the rest and add 0–3 of their own (macro kappa A|B = ${kappa?.toFixed(3) ?? 'n/a'}). ${RUNS} runs after a warm-up.`,
  ],
});
