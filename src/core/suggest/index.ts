/**
 * The suggestion layer's public surface, for the app (through the worker),
 * the CLI and the bench: import from here rather than from the modules.
 * docs/suggestions.md says what each suggester computes and how it is
 * evaluated.
 */
export { clauses, clausesOf, type Clause } from './clauses.ts';
export { CorpusIndex, type FindOptions, type Occurrence } from './corpus-index.ts';
export { cueSentenceSuggestions } from './cue-sentence.ts';
export { SuggestEngine, type SuggestOptions, type TrainHooks } from './engine.ts';
export {
  evaluateSuggesters,
  suggesterSwitches,
  type Evaluation,
  type EvaluationHooks,
  type EvaluationOptions,
  type LabelScore,
  type SuggesterScore,
  type SwitchDecision,
  type SwitchOptions,
} from './evaluate.ts';
export { gazetteerFromSpans, parseGazetteer, type Gazetteer } from './gazetteer.ts';
export { predictInto, Trainer, type LinearModel, type LinearOptions } from './linear.ts';
export {
  matcherSuggestions,
  PhraseTable,
  type MatcherOptions,
  type PhraseEntry,
} from './matcher.ts';
export {
  DEFAULT_MODEL,
  modelSuggestions,
  modelTrainer,
  predictClauses,
  trainModel,
  uncertainSentences,
  type ModelOptions,
  type TrainingSummary,
  type UncertainSentence,
} from './model.ts';
export {
  foldWithMap,
  scanWords,
  sourceRange,
  type FoldedText,
  type WordList,
} from './normalize.ts';
export { phraseOf, type Phrase } from './phrase.ts';
export { lexiconOf, MapLexicon, stemOf, type Lexicon } from './stems.ts';
export {
  compareSuggestions,
  SUGGESTERS,
  suggesterAnnotatorId,
  type AnnotatedText,
  type LabeledSpan,
  type SuggestDoc,
  type SuggesterName,
  type Suggestion,
} from './types.ts';
export { SuggestClient, type SuggestPort } from './worker-client.ts';
export { createSuggestWorker, type PostResponse } from './worker-side.ts';
export {
  parseSuggestRequest,
  type ParsedRequest,
  type SuggestRequest,
  type SuggestResponse,
} from './worker-protocol.ts';
