/**
 * The suggestion engine: one object holding what the suggesters need (the
 * corpus index, the analysts' annotations, the gazetteer, the trained
 * model) and answering the app's questions. The Web Worker
 * (worker-protocol.ts) and the `stance suggest` CLI both drive it, so the
 * app and the CLI run the same code. The phrase tables depend on the
 * corpus lexicon (stems.ts) and are rebuilt, lazily, when documents or
 * annotations change.
 */
import { clausesOf } from './clauses.ts';
import { CorpusIndex } from './corpus-index.ts';
import { cueSentenceSuggestions } from './cue-sentence.ts';
import {
  evaluateSuggesters,
  type Evaluation,
  type EvaluationHooks,
  type EvaluationOptions,
} from './evaluate.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { LinearModel } from './linear.ts';
import {
  docWords,
  matcherSuggestions,
  phraseVerdict,
  PhraseTable,
  type DocWords,
} from './matcher.ts';
import {
  DEFAULT_MODEL,
  docClauses,
  modelSuggestions,
  trainInSteps,
  uncertainSentences,
  type ModelOptions,
  type TrainingSummary,
  type UncertainSentence,
} from './model.ts';
import {
  compareSuggestions,
  SUGGESTERS,
  type AnnotatedText,
  type SuggestDoc,
  type SuggesterName,
  type Suggestion,
} from './types.ts';

/** Hooks for training in steps (a worker yields between them). */
export interface TrainHooks {
  onProgress?: (done: number, total: number) => void;
  /** Awaited every `sliceMs` of work (default 10); throw from it to cancel. */
  pause?: () => Promise<void>;
  sliceMs?: number;
}

/** Options of `SuggestEngine.suggest`. */
export interface SuggestOptions {
  /** Which suggesters (default: all that can run: the model once trained). */
  suggesters?: readonly SuggesterName[];
  /** Leave out proposals scoring below this (default 0). */
  minScore?: number;
}

/** Everything the suggesters need, and the questions the app asks of them. */
export class SuggestEngine {
  readonly corpus = new CorpusIndex();
  private texts: AnnotatedText[] = [];
  private gazetteer: Gazetteer = {};
  private tables: { version: number; table: PhraseTable; cues: PhraseTable } | null = null;
  private model: LinearModel | null = null;
  private summary: TrainingSummary | null = null;
  private readonly wordsCache = new Map<string, DocWords & { text: string }>();
  private wordsVersion = -1;

  constructor(readonly cuePrior = 0.5) {}

  /** Adds documents to the corpus (those already there are left as they are). */
  addDocuments(docs: readonly SuggestDoc[]): void {
    for (const d of docs) if (!this.corpus.has(d.docId)) this.corpus.add(d.docId, d.text);
  }

  /** Removes documents from the corpus. */
  removeDocuments(ids: readonly string[]): void {
    for (const id of ids) this.corpus.remove(id);
  }

  /** Replaces the analysts' annotations the suggesters learn from; their documents join the corpus. */
  setAnnotations(texts: readonly AnnotatedText[]): void {
    this.texts = [...texts];
    this.addDocuments(texts);
    this.tables = null;
  }

  /** The annotations learned from. */
  get annotations(): readonly AnnotatedText[] {
    return this.texts;
  }

  /** Replaces the project's gazetteer (cue phrases per label). */
  setGazetteer(g: Gazetteer): void {
    this.gazetteer = g;
    this.tables = null;
  }

  /** The matcher's phrase table and the baseline's cues, under the current lexicon. */
  phraseTables(): { table: PhraseTable; cues: PhraseTable } {
    const version = this.corpus.version;
    if (!this.tables || this.tables.version !== version) {
      const lexicon = this.corpus.lexicon;
      const wordsOf = (t: { docId: string; text: string }): DocWords => this.wordsOf(t);
      const table = PhraseTable.learn(this.texts, lexicon, { gazetteer: this.gazetteer, wordsOf });
      const cues =
        Object.keys(this.gazetteer).length > 0
          ? PhraseTable.learn(this.texts, lexicon, {
              gazetteer: this.gazetteer,
              cuesOnly: true,
              wordsOf,
            })
          : table;
      this.tables = { version, table, cues };
    }
    return this.tables;
  }

  /**
   * A document's words and stems under the current lexicon, kept until the
   * corpus changes (a new label then costs no rescan of the annotated texts).
   */
  private wordsOf(doc: { docId: string; text: string }): DocWords {
    const version = this.corpus.version;
    // Bounded: the annotated texts and the documents viewed since the last change.
    if (this.wordsVersion !== version || this.wordsCache.size > 5_000) {
      this.wordsCache.clear();
      this.wordsVersion = version;
    }
    let w = this.wordsCache.get(doc.docId);
    if (!w || w.text !== doc.text) {
      w = { ...docWords(doc.text, this.corpus.lexicon), text: doc.text };
      this.wordsCache.set(doc.docId, w);
    }
    return w;
  }

  /** Trains the model on the annotations, in steps; resolves with what it was trained on. */
  async train(
    options: Partial<ModelOptions> = {},
    hooks: TrainHooks = {},
  ): Promise<TrainingSummary> {
    const { model, summary } = await trainInSteps(
      this.texts,
      { ...DEFAULT_MODEL, ...options },
      hooks,
    );
    this.model = model;
    this.summary = summary;
    return summary;
  }

  /** The trained model (null before training), and what it was trained on. */
  trained(): { model: LinearModel; summary: TrainingSummary | null } | null {
    return this.model ? { model: this.model, summary: this.summary } : null;
  }

  /** Uses a model trained before (e.g. stored by the app). */
  setModel(model: LinearModel | null): void {
    this.model = model;
    this.summary = null;
  }

  /** Proposals for one document, from each suggester asked for, in document order. */
  suggest(doc: SuggestDoc, options: SuggestOptions = {}): Suggestion[] {
    this.addDocuments([doc]);
    const names = options.suggesters ?? SUGGESTERS.filter((s) => s !== 'model' || this.model);
    const minScore = options.minScore ?? 0;
    let out: Suggestion[] = [];
    const needsWords = names.includes('matcher') || names.includes('cue-sentence');
    const tables = needsWords ? this.phraseTables() : null;
    const words = tables ? this.wordsOf(doc) : null;
    const prior = { minScore, cuePrior: this.cuePrior };
    for (const name of names) {
      if (name === 'matcher' && tables && words)
        out = out.concat(matcherSuggestions(tables.table, doc, prior, words));
      else if (name === 'cue-sentence' && tables && words)
        out = out.concat(cueSentenceSuggestions(tables.cues, doc, prior, words));
      else if (name === 'model') {
        if (!this.model) throw new Error('the model is not trained yet');
        const dc = words
          ? { words: words.words, clauses: clausesOf(words.words) }
          : docClauses(doc.text);
        out = out.concat(modelSuggestions(this.model, doc, minScore, dc));
      }
    }
    return out.sort(compareSuggestions);
  }

  /**
   * Every occurrence of a phrase across the corpus ("label all N
   * occurrences"), as matcher suggestions of `label` (default: the label
   * analysts gave the phrase most), scored by the share of the places
   * analysts saw the phrase where they gave it that label (0 when none did).
   */
  occurrences(
    phrase: string,
    options: { label?: string; docIds?: ReadonlySet<string>; limit?: number } = {},
  ): Suggestion[] {
    const { table } = this.phraseTables();
    const entry = table.find(phrase);
    const verdict = entry ? phraseVerdict(entry, this.cuePrior) : null;
    const label = options.label ?? verdict?.label;
    if (label === undefined) return [];
    let score = 0;
    if (entry) {
      let total = 0;
      for (const n of entry.counts.values()) total += n;
      const n = entry.counts.get(label) ?? 0;
      score =
        n > 0
          ? n / Math.max(entry.seen, total)
          : entry.cueLabels.includes(label)
            ? this.cuePrior
            : 0;
    }
    return this.corpus.find(phrase, options).map((o) => ({
      ...o,
      label,
      score,
      source: 'matcher' as const,
      evidence: entry?.key ?? this.corpus.phrase(phrase)?.key ?? phrase,
    }));
  }

  /** Sentences ranked by the model's uncertainty, most uncertain first. */
  uncertain(
    docs: readonly SuggestDoc[],
    options: { limit?: number; skip?: (docId: string, start: number, end: number) => boolean } = {},
  ): UncertainSentence[] {
    if (!this.model) throw new Error('the model is not trained yet');
    return uncertainSentences(this.model, docs, options);
  }

  /** Held-out figures of the suggesters on the annotations (evaluate.ts). */
  evaluate(options: EvaluationOptions = {}, hooks: EvaluationHooks = {}): Promise<Evaluation> {
    return evaluateSuggesters(
      this.texts,
      { cuePrior: this.cuePrior, gazetteer: this.gazetteer, ...options },
      hooks,
    );
  }
}
