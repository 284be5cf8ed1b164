/**
 * The Analysis view's computation (src/core/actors/analysis.ts): the whole
 * view (actors × labels with evidence, units, disagreements, charts) over
 * 12,500 to 100,000 spans and 500 actors, to show how its cost grows; at
 * 100,000 also a one-annotator view, a date-range view, one actor's charts
 * and the CSV; beside it the floor, one pass counting spans by holder and
 * label with no statements, evidence or charts.
 */
import { chartsFor, computeAnalysis, type AnalysisDoc } from '../../src/core/actors/analysis.ts';
import { analysisCsv } from '../../src/core/actors/csv.ts';
import { holderKey } from '../../src/core/actors/holder.ts';
import { ActorIndex } from '../../src/core/actors/model.ts';
import { analysisData } from '../lib/analysis-data.ts';
import { figure, type Figure } from '../lib/results.ts';
import { emit, gc, nodeVocabulary, quick } from './emit.ts';

const started = performance.now();
const ACTORS = 500;
const SIZES = quick ? [5_000, 10_000] : [12_500, 25_000, 50_000, 100_000];
const RUNS = quick ? 3 : 7;
const vocab = nodeVocabulary();

function time(run: () => unknown): number[] {
  run(); // warm-up, untimed
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    const t0 = performance.now();
    run();
    out.push(performance.now() - t0);
  }
  return out;
}

const figures: Record<string, Figure> = {};
const notes: string[] = [];
let last: ReturnType<typeof analysisData> | null = null;
for (const size of SIZES) {
  const data = analysisData(vocab, size, ACTORS);
  const docs = new Map<string, AnalysisDoc>(data.docs.map((d) => [d.id, d]));
  let view = computeAnalysis(data.spans, docs, data.actors);
  figures[`viewMs.${size}`] = figure(
    `whole view, ${size.toLocaleString('en')} spans (${data.docs.length.toLocaleString('en')} documents, 3 annotators), ${ACTORS} actors`,
    'ms',
    time(() => (view = computeAnalysis(data.spans, docs, data.actors))),
  );
  notes.push(
    `${size.toLocaleString('en')} spans: ${view.totals.total.toLocaleString('en')} statements in ${view.rows.length} rows; ${view.disagreements.label.toLocaleString('en')} with different labels, ${view.disagreements.holder.toLocaleString('en')} with different holders.`,
  );
  last = data;
}

const data = last!;
const size = SIZES.at(-1)!;
const docs = new Map<string, AnalysisDoc>(data.docs.map((d) => [d.id, d]));
const view = computeAnalysis(data.spans, docs, data.actors);
const top = view.rows[0]!.key;
const floor = time(() => {
  // The least work a holder × label table needs: one pass, holder keys cached.
  const index = new ActorIndex(data.actors);
  const keys = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const s of data.spans) {
    let h: string;
    if (s.holderActorId) h = s.holderActorId;
    else {
      const t = s.holder ?? '';
      h = keys.get(t) ?? holderKey({ holder: s.holder }, index);
      keys.set(t, h);
    }
    const k = `${h}\u0000${s.label}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts.size;
});
const view100 = figures[`viewMs.${size}`]!;
Object.assign(figures, {
  floorMs: figure(
    `floor at ${size.toLocaleString('en')} spans: one pass counting spans by holder and label (no statements, evidence or charts)`,
    'ms',
    floor,
  ),
  ratio: figure('whole view / floor (medians)', '×', [
    view100.median / figure('', 'ms', floor).median,
  ]),
  oneAnnotatorMs: figure(
    `one annotator's view (A) at ${size.toLocaleString('en')} spans`,
    'ms',
    time(() => computeAnalysis(data.spans, docs, data.actors, { annotators: ['A'] })),
  ),
  dateRangeMs: figure(
    `a one-year date range at ${size.toLocaleString('en')} spans`,
    'ms',
    time(() =>
      computeAnalysis(data.spans, docs, data.actors, { from: '2020-01-01', to: '2020-12-31' }),
    ),
  ),
  chartsForMs: figure(
    'one actor’s charts (stance over time, by outlet) from the computed view',
    'ms',
    time(() => chartsFor(view, docs, top)),
  ),
  csvMs: figure(
    'the table as CSV',
    'ms',
    time(() => analysisCsv(view)),
  ),
});
gc();
const before = process.memoryUsage().heapUsed;
const kept = computeAnalysis(data.spans, docs, data.actors);
gc();
const heap = (process.memoryUsage().heapUsed - before) / 1e6;
figures.viewHeapMB = figure(
  `heap held by the computed view at ${size.toLocaleString('en')} spans (units with their evidence spans)`,
  'MB',
  [heap],
);
notes.push(
  `Growth: ${SIZES.map((s) => `${s.toLocaleString('en')} → ${figures[`viewMs.${s}`]!.median.toFixed(1)} ms`).join(', ')} (${kept.units.length.toLocaleString('en')} units at ${size.toLocaleString('en')}).`,
  `Fixed seed 31; documents of 120 words; A marks 8 statements per document, B and C keep 55%, stretch 15%, relabel 10%, re-attribute 8%, drop the rest, and add a two-word span 5% of the time. Holders: 75% an actor (a few hold most), 10% an actor's alias as free text, 5% unknown free text, 5% the outlet's voice, 5% none. ${RUNS} runs after a warm-up; GC before each.`,
);

emit({ measured: true, seconds: (performance.now() - started) / 1000, figures, notes });
