/**
 * The shapes every suggester shares with the app, the worker and the CLI:
 * what they learn from (one annotator's spans on one document) and what
 * they propose. Plain, structured-cloneable data; offsets are code points.
 */

/** The suggesters, by the name their lane carries (`suggester:<name>`). */
export const SUGGESTERS = ['matcher', 'model', 'cue-sentence'] as const;
export type SuggesterName = (typeof SUGGESTERS)[number];

/** The annotator id of a suggester's lane in spans JSONL: `suggester:<name>`. */
export function suggesterAnnotatorId(name: SuggesterName): string {
  return `suggester:${name}`;
}

/** A labelled extent: code points, `end` exclusive. */
export interface LabeledSpan {
  start: number;
  end: number;
  label: string;
}

/**
 * One annotator's annotation of one document: what suggesters learn from
 * and are evaluated on. A document annotated by three analysts is three of
 * these with the same `docId`. Annotated with no spans means "nothing here"
 * (every clause is a negative example).
 */
export interface AnnotatedText {
  docId: string;
  text: string;
  annotatorId: string;
  spans: readonly LabeledSpan[];
}

/** A document to suggest spans for. */
export interface SuggestDoc {
  docId: string;
  text: string;
}

/** A proposed span. Never an analyst's label until accepted. */
export interface Suggestion {
  docId: string;
  /** Code points, `end` exclusive; `quote` is `text[start:end]`. */
  start: number;
  end: number;
  quote: string;
  label: string;
  /** In [0, 1]: how sure the suggester is (see docs/suggestions.md per suggester). */
  score: number;
  source: SuggesterName;
  /** Why: the phrase or cue matched (matcher, cue-sentence); absent for the model. */
  evidence?: string;
  /** The gazetteer's cue phrases behind it, as listed (matcher, cue-sentence); absent when none. */
  cues?: string[];
}

/** Orders suggestions by document order: start, then end, then label. */
export function compareSuggestions(a: Suggestion, b: Suggestion): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}
