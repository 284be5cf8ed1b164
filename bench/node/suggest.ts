/**
 * Suggestions (issue 13): matching one phrase across 10,000 articles with
 * the corpus index (and, beside it, the floor of scanning every article's
 * folded text with indexOf, which knows nothing of prefixes or words);
 * training the clause model on 5,000 spans (the worker runs this very code;
 * also the longest training step, the unit between which the worker
 * yields); and every suggester's proposals for a 20,000-word article. Each
 * at several sizes, to show how cost grows. Documents come from the seed
 * vocabulary (bench/lib/corpus.ts, fixed seeds); spans are random token
 * ranges with random labels, so the model learns noise: its quality is in
 * docs/suggestions.md, this is its speed.
 */
import { foldArabic } from '../../src/core/arabic-search.ts';
import { cpSlice } from '../../src/core/offsets.ts';
import { scanWords } from '../../src/core/suggest/normalize.ts';
import { CorpusIndex } from '../../src/core/suggest/corpus-index.ts';
import { SuggestEngine } from '../../src/core/suggest/engine.ts';
import { Trainer } from '../../src/core/suggest/linear.ts';
import { DEFAULT_MODEL, exampleSteps, trainModel } from '../../src/core/suggest/model.ts';
import type { AnnotatedText } from '../../src/core/suggest/types.ts';
import { benchDocId, generateArticle, generateSpans } from '../lib/corpus.ts';
import { mulberry32 } from '../lib/prng.ts';
import { figure, type Figure } from '../lib/results.ts';
import { emit, gc, nodeVocabulary, quick } from './emit.ts';

const started = performance.now();
const vocab = nodeVocabulary();
const RUNS = quick ? 3 : 9;
const figures: Record<string, Figure> = {};
const notes: string[] = [];
/** Wall-clock ms of f; its CPU ms (this process, user + system) go to `cpu` when given. */
const time = (f: () => unknown, cpu?: number[]): number => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpu?.push((c.user + c.system) / 1000);
  return wall;
};
/** Heap and typed-array memory after a full GC, in MB. */
const heapMB = (): number => {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
};

// ---- How fast this machine is right now ---------------------------------------
// A fixed, trivial workload (a strided copy of 2^20 floats, as the trainer's
// model() does): on an idle laptop it takes a few ms; its time here scales
// every other figure of the section.
{
  const src = new Float32Array(1 << 21).fill(1);
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++)
    runs.push(
      time(() => {
        const dst = new Float32Array(1 << 20);
        for (let f = 0; f < 1 << 18; f++)
          for (let k = 0; k < 4; k++) dst[f * 4 + k] = src[f * 8 + k]!;
        return dst;
      }),
    );
  figures.calibrationMs = figure('calibration: strided copy of 2^20 floats', 'ms', runs);
}

// ---- Matching one phrase across the corpus ----------------------------------
const SIZES = quick ? [1_000] : [1_000, 10_000];
const rng = mulberry32(31);
const articles = Array.from({ length: SIZES.at(-1)! }, () =>
  generateArticle(vocab, rng, rng.int(200, 800)),
);
const words = articles.reduce((n, a) => n + a.split(/\s+/u).length, 0);
/** 5 words of an article as written, with no clause break between them: rare, as a labelled span is. */
function fiveWords(text: string): string {
  const w = scanWords(text);
  for (let i = 0; i + 5 <= w.length; i++)
    if ([1, 2, 3, 4].every((k) => w.hardBefore[i + k] === 0 && w.quoteBefore[i + k] === 0))
      return cpSlice(text, w.starts[i]!, w.ends[i + 4]!);
  throw new Error('no run of five words');
}
const long = fiveWords(articles[3]!);
const PHRASES: [string, string][] = [
  ['two', 'القوات الأميركية'],
  ['five', long],
  ['frequent', 'العراق'],
];
for (const size of SIZES) {
  const before = heapMB();
  const index = new CorpusIndex();
  const build = time(() => {
    for (let i = 0; i < size; i++) index.add(benchDocId(i), articles[i]!);
    index.find('تمهيد'); // stems are computed on the first query
  });
  const grown = heapMB() - before;
  figures[`indexBuildMs.${size}`] = figure(
    `index ${size.toLocaleString('en')} articles (once)`,
    'ms',
    [build],
  );
  figures[`indexHeapMB.${size}`] = figure(
    `index memory (heap and typed arrays), ${size.toLocaleString('en')} articles`,
    'MB',
    [grown],
  );
  for (const [name, phrase] of PHRASES) {
    const runs: number[] = [];
    const cpu: number[] = [];
    let n = 0;
    index.find(phrase);
    for (let r = 0; r < RUNS; r++) runs.push(time(() => (n = index.find(phrase).length), cpu));
    figures[`match.${name}.${size}`] = figure(
      `"${phrase}" across ${size.toLocaleString('en')} articles: ${n.toLocaleString('en')} occurrences`,
      'ms',
      runs,
    );
    figures[`matchCpu.${name}.${size}`] = figure('the same, CPU time', 'ms', cpu);
  }
  // The floor: indexOf over every article's folded text, kept folded beforehand as the app keeps it.
  const folded = articles.slice(0, size).map((a) => foldArabic(a));
  const needle = foldArabic(PHRASES[0]![1]);
  const floor: number[] = [];
  for (let r = 0; r < RUNS; r++)
    floor.push(
      time(() => {
        let hits = 0;
        for (const f of folded)
          for (let at = f.indexOf(needle); at >= 0; at = f.indexOf(needle, at + 1)) hits++;
        return hits;
      }),
    );
  figures[`matchFloor.${size}`] = figure(
    `floor: indexOf of "${PHRASES[0]![1]}" in ${size.toLocaleString('en')} folded texts (no prefixes, no word boundaries)`,
    'ms',
    floor,
  );
}
notes.push(
  `${SIZES.at(-1)!.toLocaleString('en')} articles of 200–800 words (${words.toLocaleString('en')} words, seed 31). A query looks up the phrase word whose stem has fewest postings and checks its neighbours, so it costs in proportion to that word's occurrences (see the frequent single word), not to the corpus size; the index is built once (in the worker, when the corpus loads).`,
);

// ---- Training -----------------------------------------------------------------
/** `spans` spans over documents of 200–800 words, 20 per document. */
function annotated(spans: number, seed: number): AnnotatedText[] {
  const r = mulberry32(seed);
  return Array.from({ length: Math.ceil(spans / 20) }, (_, i) => {
    const text = generateArticle(vocab, r, r.int(200, 800));
    const docId = benchDocId(i);
    return {
      docId,
      text,
      annotatorId: 'bench',
      spans: generateSpans(text, r, 20, { docId, annotatorId: 'bench', idPrefix: `${i}` }),
    };
  });
}
const SPAN_SIZES = quick ? [1_000] : [1_000, 5_000, 10_000];
const trainSets = new Map<number, AnnotatedText[]>();
for (const spans of SPAN_SIZES) {
  const texts = annotated(spans, 41);
  trainSets.set(spans, texts);
  const total: number[] = [];
  const cpu: number[] = [];
  const longestStep: number[] = [];
  const longestStepCpu: number[] = [];
  let examples = 0;
  for (let r = 0; r < Math.min(RUNS, 3); r++) {
    gc();
    total.push(time(() => trainModel(texts, DEFAULT_MODEL), cpu));
    // The same work cut into the steps the worker pauses between.
    gc();
    let longest = 0;
    let longestCpu = 0;
    const timed = <T>(f: () => T): T => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const out = f();
      const c = process.cpuUsage(c0);
      longest = Math.max(longest, performance.now() - t0);
      longestCpu = Math.max(longestCpu, (c.user + c.system) / 1000);
      return out;
    };
    const steps = exampleSteps(texts, DEFAULT_MODEL);
    let built: ReturnType<typeof steps.next>;
    while (!(built = timed(() => steps.next())).done);
    const { examples: ex, classes } = built.value;
    examples = ex.length;
    const trainer = timed(() => new Trainer(ex, classes, DEFAULT_MODEL));
    while (!timed(() => trainer.step(200)));
    timed(() => trainer.model());
    longestStep.push(longest);
    longestStepCpu.push(longestCpu);
  }
  figures[`trainMs.${spans}`] = figure(
    `train on ${spans.toLocaleString('en')} spans (${examples.toLocaleString('en')} clauses × ${DEFAULT_MODEL.epochs} epochs)`,
    'ms',
    total,
  );
  figures[`trainCpuMs.${spans}`] = figure('the same, CPU time', 'ms', cpu);
  figures[`trainStepMs.${spans}`] = figure(
    `longest step (one text's clauses, 200 feature vectors, 200 updates, or the model copy) at ${spans.toLocaleString('en')} spans`,
    'ms',
    longestStep,
  );
  figures[`trainStepCpuMs.${spans}`] = figure('the same, CPU time', 'ms', longestStepCpu);
}

// ---- Suggestions for a long article ------------------------------------------------
const engine = new SuggestEngine();
engine.setAnnotations(trainSets.get(quick ? 1_000 : 5_000)!);
await engine.train();
const WORDS = quick ? [5_000] : [5_000, 20_000, 40_000];
/** What the app shows: proposals scoring at least 0.5 (the CLI's default too). */
const SHOWN = { minScore: 0.5 };
for (const n of WORDS) {
  const r = mulberry32(51 + n);
  const doc = { docId: `long-${n}`, text: generateArticle(vocab, r, n) };
  // Cold: the article is new to the corpus (indexing it changes the lexicon,
  // so the phrase tables are rebuilt); warm: as when it was imported before.
  const cold = time(() => engine.suggest(doc, SHOWN));
  const runs: number[] = [];
  const cpu: number[] = [];
  let count = 0;
  for (let k = 0; k < RUNS; k++)
    runs.push(time(() => (count = engine.suggest(doc, SHOWN).length), cpu));
  figures[`suggestMs.${n}`] = figure(
    `suggestions for a ${n.toLocaleString('en')}-word article, all suggesters, score ≥ 0.5 (${count.toLocaleString('en')} proposals)`,
    'ms',
    runs,
  );
  figures[`suggestCpuMs.${n}`] = figure('the same, CPU time', 'ms', cpu);
  const everything: number[] = [];
  let all = 0;
  for (let k = 0; k < Math.min(RUNS, 3); k++)
    everything.push(time(() => (all = engine.suggest(doc).length)));
  figures[`suggestAllMs.${n}`] = figure(
    `the same, every proposal whatever its score (${all.toLocaleString('en')})`,
    'ms',
    everything,
  );
  figures[`suggestColdMs.${n}`] = figure(
    `the same, first time (article new to the corpus: phrase tables rebuilt)`,
    'ms',
    [cold],
  );
}
// After a new label the phrase tables are relearned (the annotated texts' words are kept).
{
  const r = mulberry32(77);
  const doc = { docId: 'relabel', text: generateArticle(vocab, r, 20_000) };
  engine.suggest(doc, SHOWN);
  const base = trainSets.get(quick ? 1_000 : 5_000)!;
  const runs: number[] = [];
  for (let k = 0; k < Math.min(RUNS, 5); k++) {
    const first = base[0]!;
    const extra = { start: 0, end: 5 + k, label: 'pro-withdrawal' };
    engine.setAnnotations([{ ...first, spans: [...first.spans, extra] }, ...base.slice(1)]);
    runs.push(time(() => engine.suggest(doc, SHOWN)));
  }
  figures.relabelMs = figure(
    'after a new label: phrase tables relearned, then suggestions for a 20,000-word article',
    'ms',
    runs,
  );
}

notes.push(
  `Training: ${DEFAULT_MODEL.epochs} epochs, 2^${DEFAULT_MODEL.bits} buckets, at most ${DEFAULT_MODEL.negativesPerPositive} "none" clauses per labelled clause; the worker yields every 10 ms between steps, so a newer request never waits longer than that plus the longest step. Suggestions: matcher, cue-sentence and model on an engine trained on ${quick ? '1,000' : '5,000'} spans; the article is already in the corpus (the app indexes articles when the corpus loads), the cold figure includes indexing it and rebuilding the phrase tables.`,
);

emit({ measured: true, seconds: (performance.now() - started) / 1000, figures, notes });
