/**
 * The clause model: a softmax logistic regression (linear.ts) over hashed
 * character n-grams (features.ts) of clauses (clauses.ts), trained on the
 * analysts' own spans, proposing clause-level spans with a label and a
 * score, and saying which sentences it is least sure about.
 *
 * Training examples come from every annotated text: a clause is an example
 * of label L when the span of L that overlaps it most covers at least half
 * of the clause or has at least half of its own length inside it; a clause
 * no span touches is an example of "none"; a clause touched less than that
 * is left out (neither). At most `negativesPerPositive` "none" clauses per
 * labelled clause are kept (a seeded sample), so the few labelled clauses
 * are not drowned.
 */
import { OffsetMap } from '../offsets.ts';
import { sentences } from '../tokenize.ts';
import { clausesOf, type Clause } from './clauses.ts';
import { clauseFeatures, type SparseVector } from './features.ts';
import {
  DEFAULT_LINEAR,
  mulberry32,
  predictInto,
  Trainer,
  type Example,
  type LinearModel,
  type LinearOptions,
} from './linear.ts';
import { scanWords, type WordList } from './normalize.ts';
import {
  compareSuggestions,
  type AnnotatedText,
  type SuggestDoc,
  type Suggestion,
} from './types.ts';

/** Options of the model: the linear model's, and the sampling of "none" clauses. */
export interface ModelOptions extends LinearOptions {
  negativesPerPositive: number;
}

export const DEFAULT_MODEL: ModelOptions = { ...DEFAULT_LINEAR, negativesPerPositive: 2 };

/** What a model was trained on. */
export interface TrainingSummary {
  /** Labelled clauses used, per label (a null-prototype object: any label key is safe). */
  labelled: Record<string, number>;
  /** "none" clauses used (a sample of those no span touches). */
  none: number;
  /** Labelled clauses left out (touched by a span, but too little). */
  ambiguous: number;
  /** "none" clauses left out by the sampling. */
  unsampled: number;
  texts: number;
}

/** The label a clause takes from one annotator's spans: a label, null (none) or undefined (left out). */
export function clauseLabel(
  clause: { start: number; end: number },
  spans: readonly { start: number; end: number; label: string }[],
): string | null | undefined {
  let best: { start: number; end: number; label: string } | null = null;
  let bestOverlap = 0;
  for (const s of spans) {
    const o = Math.min(clause.end, s.end) - Math.max(clause.start, s.start);
    if (o > bestOverlap) {
      bestOverlap = o;
      best = s;
    }
  }
  if (!best) return null;
  const enough =
    bestOverlap * 2 >= clause.end - clause.start || bestOverlap * 2 >= best.end - best.start;
  return enough ? best.label : undefined;
}

/** A document's words and clauses, computed once per text. */
export interface DocClauses {
  words: WordList;
  clauses: Clause[];
}

/** The words and clauses of `text`. */
export function docClauses(text: string): DocClauses {
  const words = scanWords(text);
  return { words, clauses: clausesOf(words) };
}

/** What building the examples gives: the examples, the classes and a summary. */
export interface BuiltExamples {
  examples: Example[];
  classes: (string | null)[];
  summary: TrainingSummary;
}

/**
 * Builds the training examples of `texts` step by step: it yields after
 * each text's clauses are labelled and after each batch of 200 feature
 * vectors, so a worker can pause between steps. The "none" clauses are
 * sampled before their features are computed, so unsampled ones cost
 * nothing. `labels` order the classes after "none" (code-point order).
 */
export function* exampleSteps(
  texts: readonly AnnotatedText[],
  options: ModelOptions = DEFAULT_MODEL,
  clausesOfText: (t: AnnotatedText) => DocClauses = (t) => docClauses(t.text),
): Generator<void, BuiltExamples> {
  const labels = [...new Set(texts.flatMap((t) => t.spans.map((s) => s.label)))].sort();
  const classOf = new Map(labels.map((l, i) => [l, i + 1]));
  type Pending = { dc: DocClauses; c: Clause; y: number };
  const positives: Pending[] = [];
  const negatives: Pending[] = [];
  let ambiguous = 0;
  for (const t of texts) {
    const dc = clausesOfText(t);
    for (const c of dc.clauses) {
      const label = clauseLabel(c, t.spans);
      if (label === undefined) ambiguous++;
      else if (label === null) negatives.push({ dc, c, y: 0 });
      else positives.push({ dc, c, y: classOf.get(label)! });
    }
    yield;
  }
  // A seeded sample of the "none" clauses (a partial Fisher–Yates shuffle).
  const keep = Math.min(
    negatives.length,
    Math.max(1, positives.length) * options.negativesPerPositive,
  );
  const random = mulberry32(options.seed ^ 0x9e3779b9);
  for (let i = 0; i < keep; i++) {
    const j = i + Math.floor(random() * (negatives.length - i));
    [negatives[i], negatives[j]] = [negatives[j]!, negatives[i]!];
  }
  const chosen = positives.concat(negatives.slice(0, keep));
  const examples: Example[] = [];
  for (const { dc, c, y } of chosen) {
    examples.push({ x: clauseFeatures(dc.words, c.firstWord, c.endWord, options.bits), y });
    if (examples.length % 200 === 0) yield;
  }
  const counts = Object.create(null) as Record<string, number>;
  for (const l of labels) counts[l] = 0;
  for (const e of positives) counts[labels[e.y - 1]!]!++;
  return {
    examples,
    classes: [null, ...labels],
    summary: {
      labelled: counts,
      none: keep,
      ambiguous,
      unsampled: negatives.length - keep,
      texts: texts.length,
    },
  };
}

/** Runs a step generator to its end, synchronously. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Training examples from annotated texts, in one go (see exampleSteps). */
export function modelExamples(
  texts: readonly AnnotatedText[],
  options: ModelOptions = DEFAULT_MODEL,
  clausesOfText?: (t: AnnotatedText) => DocClauses,
): BuiltExamples {
  return finish(exampleSteps(texts, options, clausesOfText));
}

/** A trainer for `texts` (run it with `trainer.step(n)` until finished). */
export function modelTrainer(
  texts: readonly AnnotatedText[],
  options: ModelOptions = DEFAULT_MODEL,
  clausesOfText?: (t: AnnotatedText) => DocClauses,
): { trainer: Trainer; summary: TrainingSummary } {
  const { examples, classes, summary } = modelExamples(texts, options, clausesOfText);
  return { trainer: new Trainer(examples, classes, options), summary };
}

/**
 * Trains in steps, awaiting `pause` whenever `sliceMs` has passed since the
 * last pause (a worker passes a pause that lets queued messages run, and
 * throws to cancel). Building the examples and the updates are both cut
 * into steps. The result does not depend on where the pauses fall.
 */
export async function trainInSteps(
  texts: readonly AnnotatedText[],
  options: ModelOptions = DEFAULT_MODEL,
  hooks: {
    pause?: () => Promise<void>;
    onProgress?: (done: number, total: number) => void;
    sliceMs?: number;
    clausesOfText?: (t: AnnotatedText) => DocClauses;
  } = {},
): Promise<{ model: LinearModel; summary: TrainingSummary }> {
  const slice = hooks.sliceMs ?? 10;
  let since = performance.now();
  const maybePause = async (): Promise<void> => {
    if (hooks.pause && performance.now() - since >= slice) {
      await hooks.pause();
      since = performance.now();
    }
  };
  const steps = exampleSteps(texts, options, hooks.clausesOfText);
  let built: IteratorResult<void, BuiltExamples>;
  while (!(built = steps.next()).done) await maybePause();
  const { examples, classes, summary } = built.value;
  const trainer = new Trainer(examples, classes, options);
  // Updates cost about the same each, so a step of 200 stays well inside a slice.
  while (!trainer.step(200)) {
    const p = trainer.progress;
    hooks.onProgress?.(p.done, p.total);
    await maybePause();
  }
  const p = trainer.progress;
  hooks.onProgress?.(p.done, p.total);
  return { model: trainer.model(), summary };
}

/** Trains to completion (for the CLI, tests, and a worker that need not yield). */
export function trainModel(
  texts: readonly AnnotatedText[],
  options: ModelOptions = DEFAULT_MODEL,
  clausesOfText?: (t: AnnotatedText) => DocClauses,
): { model: LinearModel; summary: TrainingSummary } {
  const { trainer, summary } = modelTrainer(texts, options, clausesOfText);
  trainer.step();
  return { model: trainer.model(), summary };
}

/** One clause's class probabilities and how unsure the model is of it. */
export interface ClausePrediction extends Clause {
  /** Probability per class, in `model.classes` order (0 = none). */
  probs: Float64Array;
  /** Most probable class. */
  top: number;
  /** 1 − (p(top) − p(second)): 0 when sure, 1 when two classes tie. */
  uncertainty: number;
}

/** The model's view of every clause of a document. */
export function predictClauses(model: LinearModel, dc: DocClauses): ClausePrediction[] {
  const K = model.classes.length;
  return dc.clauses.map((c) => {
    const x: SparseVector = clauseFeatures(dc.words, c.firstWord, c.endWord, model.bits);
    const probs = predictInto(model, x, new Float64Array(K));
    let top = 0;
    let second = -1;
    for (let k = 1; k < K; k++) {
      if (probs[k]! > probs[top]!) {
        second = top;
        top = k;
      } else if (second < 0 || probs[k]! > probs[second]!) second = k;
    }
    const margin = probs[top]! - (second < 0 ? 0 : probs[second]!);
    return { ...c, probs, top, uncertainty: 1 - margin };
  });
}

/**
 * The model's proposals for a document: every clause whose most probable
 * class is a label, scored by that probability, at least `minScore`.
 */
export function modelSuggestions(
  model: LinearModel,
  doc: SuggestDoc,
  minScore = 0,
  dc: DocClauses = docClauses(doc.text),
): Suggestion[] {
  const map = new OffsetMap(doc.text);
  const out: Suggestion[] = [];
  for (const p of predictClauses(model, dc)) {
    const label = model.classes[p.top];
    if (label === null || label === undefined || p.probs[p.top]! < minScore) continue;
    out.push({
      docId: doc.docId,
      start: p.start,
      end: p.end,
      quote: map.slice(p.start, p.end),
      label,
      score: p.probs[p.top]!,
      source: 'model',
    });
  }
  return out.sort(compareSuggestions);
}

/** A sentence and how unsure the model is of its least certain clause. */
export interface UncertainSentence {
  docId: string;
  start: number;
  end: number;
  uncertainty: number;
  /** The model's most probable label for that clause (null: none). */
  label: string | null;
}

/**
 * Sentences of `docs` ranked by the model's uncertainty, most uncertain
 * first ("next most uncertain sentence"); ties keep document order. Pass
 * `skip` to leave out sentences already labelled.
 */
export function uncertainSentences(
  model: LinearModel,
  docs: readonly SuggestDoc[],
  options: { limit?: number; skip?: (docId: string, start: number, end: number) => boolean } = {},
): UncertainSentence[] {
  const out: UncertainSentence[] = [];
  for (const doc of docs) {
    const preds = predictClauses(model, docClauses(doc.text));
    let c = 0;
    for (const s of sentences(doc.text)) {
      while (c < preds.length && preds[c]!.end <= s.start) c++;
      let best: ClausePrediction | null = null;
      for (let k = c; k < preds.length && preds[k]!.start < s.end; k++)
        if (!best || preds[k]!.uncertainty > best.uncertainty) best = preds[k]!;
      if (!best || options.skip?.(doc.docId, s.start, s.end)) continue;
      out.push({
        docId: doc.docId,
        start: s.start,
        end: s.end,
        uncertainty: best.uncertainty,
        label: model.classes[best.top] ?? null,
      });
    }
  }
  out.sort((a, b) => b.uncertainty - a.uncertainty);
  return options.limit === undefined ? out : out.slice(0, options.limit);
}
