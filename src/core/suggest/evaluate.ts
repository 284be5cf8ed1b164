/**
 * Honest figures for the suggesters: leave-one-document-out span F1 per
 * label, exact and overlap, exactly as docs/agreement.md defines them (the
 * core agreement code computes them), with each held-out document's
 * analysts as the reference and the suggester as the other annotator. For
 * each fold, the matcher's phrase table, the cue-sentence baseline's cues
 * and the model are learned from the other documents only; the held-out
 * document's text (never its labels) is part of the lexicon, as it is in the
 * app, where every article's text is known. Only proposals scoring at least
 * `minScore` count. With more documents than `maxFolds`, documents are dealt
 * into `maxFolds` folds instead (document i in fold i mod k), and the
 * report says so.
 */
import { computeAgreement, dedupeSpans } from '../agreement/compute.ts';
import { pairFigure, type AgreementDoc, type AgreementSpan } from '../agreement/types.ts';
import { tokenize } from '../tokenize.ts';
import { cueSentenceSuggestions } from './cue-sentence.ts';
import type { Gazetteer } from './gazetteer.ts';
import { matcherSuggestions, PhraseTable, type DocWords } from './matcher.ts';
import {
  DEFAULT_MODEL,
  modelSuggestions,
  trainInSteps,
  type DocClauses,
  type ModelOptions,
} from './model.ts';
import { clausesOf } from './clauses.ts';
import { foldLetters, scanWords, type WordList } from './normalize.ts';
import { stemsOf } from './phrase.ts';
import { MapLexicon } from './stems.ts';
import { SUGGESTERS, type AnnotatedText, type SuggesterName, type Suggestion } from './types.ts';

/** Options of `evaluateSuggesters`. */
export interface EvaluationOptions {
  /** Which suggesters (default: all). */
  suggesters?: readonly SuggesterName[];
  /** Proposals scoring below this are not made (default 0.5). */
  minScore?: number;
  /** The project's cue phrases; without one, the cues are the training spans' texts. */
  gazetteer?: Gazetteer;
  /** Score of a cue nobody has labelled (default 0.5). */
  cuePrior?: number;
  model?: Partial<ModelOptions>;
  /** At most this many folds (default: one per document, i.e. leave-one-document-out). */
  maxFolds?: number;
  /** Labels to report first, in this order. */
  labels?: readonly string[];
}

/** Hooks for a caller that must stay responsive (a worker between folds). */
export interface EvaluationHooks {
  onProgress?: (done: number, total: number) => void;
  /** Awaited between folds and every `sliceMs` while training; throw from it to cancel. */
  pause?: () => Promise<void>;
  sliceMs?: number;
}

/** One figure and what it rests on. */
export interface LabelScore {
  /** Span F1, docs/agreement.md; null when neither side has a span of the label. */
  f1_exact: number | null;
  f1_overlap: number | null;
  /** Held-out documents where analysts gave the label. */
  documents: number;
  /** Analysts' spans of the label (per annotator, duplicates once). */
  reference: number;
  /** Proposed spans of the label (counted once per annotator compared with). */
  suggested: number;
}

/** One suggester's figures. */
export interface SuggesterScore {
  /** Per label (a null-prototype object: any label key is safe). */
  labels: Record<string, LabelScore>;
  /** Unweighted mean over the labels either side used (docs/agreement.md, macro). */
  macro: { f1_exact: number | null; f1_overlap: number | null };
  reference: number;
  suggested: number;
}

/** The held-out figures of every suggester evaluated. */
export interface Evaluation {
  scheme: 'leave-one-document-out' | 'k-fold-by-document';
  folds: number;
  /** Documents evaluated and annotations (document × annotator) compared. */
  documents: number;
  annotations: number;
  /** Analysts' spans in all. */
  spans: number;
  minScore: number;
  labels: string[];
  suggesters: Partial<Record<SuggesterName, SuggesterScore>>;
}

/** The words, stems and clauses of every document, under the lexicon of all of them. */
export function prepareDocs(texts: readonly { docId: string; text: string }[]): {
  lexicon: MapLexicon;
  words: Map<string, DocWords>;
  clauses: Map<string, DocClauses>;
} {
  const lexicon = new MapLexicon();
  const scanned = new Map<string, WordList>();
  for (const t of texts) {
    if (scanned.has(t.docId)) continue;
    const w = scanWords(t.text);
    scanned.set(t.docId, w);
    for (const b of w.bare) lexicon.add(foldLetters(b));
  }
  const words = new Map<string, DocWords>();
  const clauses = new Map<string, DocClauses>();
  for (const [id, w] of scanned) {
    words.set(id, { words: w, stems: stemsOf(w, lexicon) });
    clauses.set(id, { words: w, clauses: clausesOf(w) });
  }
  return { lexicon, words, clauses };
}

/** Leave-one-document-out span F1 of each suggester (see the file header). */
export async function evaluateSuggesters(
  texts: readonly AnnotatedText[],
  options: EvaluationOptions = {},
  hooks: EvaluationHooks = {},
): Promise<Evaluation> {
  const suggesters = options.suggesters ?? SUGGESTERS;
  const minScore = options.minScore ?? 0.5;
  const cuePrior = options.cuePrior ?? 0.5;
  const modelOptions: ModelOptions = { ...DEFAULT_MODEL, ...options.model };
  const docIds = [...new Set(texts.map((t) => t.docId))];
  const k = Math.max(1, Math.min(options.maxFolds ?? Infinity, docIds.length));
  const foldOf = new Map(docIds.map((id, i) => [id, i % k]));
  const { lexicon, words, clauses } = prepareDocs(texts);
  const wordsOf = (t: { docId: string }): DocWords => words.get(t.docId)!;
  const used = new Set(texts.flatMap((t) => t.spans.map((s) => s.label)));
  const labels = [...new Set([...(options.labels ?? []), ...[...used].sort()])];

  // Per suggester: one agreement document per (held-out document, annotator).
  const units = new Map<SuggesterName, AgreementDoc[]>(suggesters.map((s) => [s, []]));
  const tokensOf = new Map<string, ReturnType<typeof tokenize>>();
  for (let f = 0; f < k; f++) {
    const train = texts.filter((t) => foldOf.get(t.docId) !== f);
    const test = texts.filter((t) => foldOf.get(t.docId) === f);
    const table = PhraseTable.learn(train, lexicon, { gazetteer: options.gazetteer, wordsOf });
    const cues =
      options.gazetteer && Object.keys(options.gazetteer).length > 0
        ? PhraseTable.learn(train, lexicon, {
            gazetteer: options.gazetteer,
            cuesOnly: true,
            wordsOf,
          })
        : table;
    // In steps, so that a worker stays responsive (and can cancel) mid-fold.
    const model = suggesters.includes('model')
      ? (
          await trainInSteps(train, modelOptions, {
            pause: hooks.pause,
            sliceMs: hooks.sliceMs,
            clausesOfText: (t) => clauses.get(t.docId)!,
          })
        ).model
      : null;
    const predicted = new Map<string, Map<SuggesterName, Suggestion[]>>();
    for (const t of test) {
      if (predicted.has(t.docId)) continue;
      const doc = { docId: t.docId, text: t.text };
      const byName = new Map<SuggesterName, Suggestion[]>();
      for (const name of suggesters) {
        if (name === 'matcher')
          byName.set(name, matcherSuggestions(table, doc, { minScore, cuePrior }, wordsOf(t)));
        else if (name === 'cue-sentence')
          byName.set(name, cueSentenceSuggestions(cues, doc, { minScore, cuePrior }, wordsOf(t)));
        else if (model)
          byName.set(name, modelSuggestions(model, doc, minScore, clauses.get(t.docId)));
      }
      predicted.set(t.docId, byName);
    }
    for (const t of test) {
      let tokens = tokensOf.get(t.docId);
      if (!tokens) tokensOf.set(t.docId, (tokens = tokenize(t.text)));
      for (const name of suggesters) {
        const proposals: AgreementSpan[] = (predicted.get(t.docId)!.get(name) ?? []).map((s) => ({
          start: s.start,
          end: s.end,
          label: s.label,
        }));
        units.get(name)!.push({
          id: `${t.docId}|${t.annotatorId}`,
          tokens,
          annotations: new Map([
            ['reference', t.spans.map((s) => ({ start: s.start, end: s.end, label: s.label }))],
            ['suggested', proposals],
          ]),
        });
      }
    }
    hooks.onProgress?.(f + 1, k);
    await hooks.pause?.();
  }

  const result: Evaluation = {
    scheme: k === docIds.length ? 'leave-one-document-out' : 'k-fold-by-document',
    folds: k,
    documents: docIds.length,
    annotations: texts.length,
    spans: texts.reduce((n, t) => n + dedupeSpans(t.spans).length, 0),
    minScore,
    labels,
    suggesters: {},
  };
  for (const name of suggesters) result.suggesters[name] = score(units.get(name)!, labels);
  return result;
}

/** F1 per label (computeAgreement, pair reference|suggested) and what each rests on. */
function score(docs: readonly AgreementDoc[], analystLabels: readonly string[]): SuggesterScore {
  type Tally = { documents: Set<string>; reference: number; suggested: number };
  const tally = new Map<string, Tally>();
  const of = (label: string): Tally => {
    let t = tally.get(label);
    if (!t) tally.set(label, (t = { documents: new Set(), reference: 0, suggested: 0 }));
    return t;
  };
  for (const l of analystLabels) of(l);
  let reference = 0;
  let suggested = 0;
  for (const d of docs) {
    const docId = d.id.slice(0, d.id.lastIndexOf('|'));
    for (const s of dedupeSpans(d.annotations.get('reference')!)) {
      const t = of(s.label);
      t.reference++;
      t.documents.add(docId);
      reference++;
    }
    for (const s of dedupeSpans(d.annotations.get('suggested')!)) {
      of(s.label).suggested++;
      suggested++;
    }
  }
  // The analysts' labels, then any other a suggester proposed (a gazetteer's).
  const labels = [...tally.keys()];
  const report = computeAgreement(docs, { annotators: ['reference', 'suggested'], labels });
  const out: SuggesterScore = {
    labels: Object.create(null) as Record<string, LabelScore>,
    macro: {
      f1_exact: pairFigure(report.macro.f1_exact, 'reference', 'suggested') ?? null,
      f1_overlap: pairFigure(report.macro.f1_overlap, 'reference', 'suggested') ?? null,
    },
    reference,
    suggested,
  };
  for (const label of labels) {
    const fig = report.labels[label]!;
    const t = tally.get(label)!;
    out.labels[label] = {
      f1_exact: pairFigure(fig.f1_exact, 'reference', 'suggested') ?? null,
      f1_overlap: pairFigure(fig.f1_overlap, 'reference', 'suggested') ?? null,
      documents: t.documents.size,
      reference: t.reference,
      suggested: t.suggested,
    };
  }
  return out;
}

/** When a suggester switches on (docs/suggestions.md). */
export interface SwitchOptions {
  /** Held-out F1 a suggester must reach (default 0.5). */
  threshold?: number;
  /** Which F1 (default overlap: the analyst corrects extents quickly). */
  metric?: 'exact' | 'overlap';
  /** Fewest analysts' spans a figure must rest on (default 10). */
  minSpans?: number;
}

/** Whether a suggester is on, why, and the labels it may propose. */
export interface SwitchDecision {
  on: boolean;
  f1: number | null;
  /** Why, in English (the CLI prints it); the app words `why` itself. */
  reason: string;
  /** Why, as data: which case and the figures it names. */
  why: SwitchWhy;
  /** Labels whose own held-out F1 passes (on their own spans, at least minSpans). */
  labels: string[];
}

/** Why a suggester is on or off, as data the interface words in its language. */
export type SwitchWhy =
  | { kind: 'few'; spans: number; minSpans: number }
  | { kind: 'none' }
  | { kind: 'below' | 'reaches'; metric: 'exact' | 'overlap'; f1: number; threshold: number };

/**
 * Decides which suggesters switch on: the macro F1 (`metric`) of a
 * suggester must reach `threshold`, on at least `minSpans` analysts' spans.
 */
export function suggesterSwitches(
  ev: Evaluation,
  options: SwitchOptions = {},
): Partial<Record<SuggesterName, SwitchDecision>> {
  const threshold = options.threshold ?? 0.5;
  const metric = options.metric ?? 'overlap';
  const minSpans = options.minSpans ?? 10;
  const key = metric === 'exact' ? 'f1_exact' : 'f1_overlap';
  const out: Partial<Record<SuggesterName, SwitchDecision>> = {};
  for (const [name, s] of Object.entries(ev.suggesters) as [SuggesterName, SuggesterScore][]) {
    const f1 = s.macro[key];
    const labels = Object.entries(s.labels)
      .filter(([, l]) => l.reference >= minSpans && l[key] !== null && l[key] >= threshold)
      .map(([l]) => l);
    let reason: string;
    let why: SwitchWhy;
    let on = false;
    if (s.reference < minSpans) {
      reason = `only ${s.reference} analysts' span(s) to judge by (needs ${minSpans})`;
      why = { kind: 'few', spans: s.reference, minSpans };
    } else if (f1 === null) {
      reason = 'no figure: neither side has a span';
      why = { kind: 'none' };
    } else if (f1 < threshold) {
      reason = `held-out ${metric} F1 ${f1.toFixed(3)} is below the threshold ${threshold}`;
      why = { kind: 'below', metric, f1, threshold };
    } else {
      on = true;
      reason = `held-out ${metric} F1 ${f1.toFixed(3)} reaches the threshold ${threshold}`;
      why = { kind: 'reaches', metric, f1, threshold };
    }
    out[name] = { on, f1, reason, why, labels };
  }
  return out;
}
