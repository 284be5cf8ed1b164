/**
 * The occurrence matcher's knowledge and its proposals. From the analysts'
 * spans it learns, per phrase (stems and clause breaks, see phrase.ts), how
 * many times analysts gave it each label and how many times they saw it in
 * the documents they annotated; it then proposes each occurrence of a known
 * phrase (and of a gazetteer cue) in a document, covering the words as
 * written, with the label analysts gave that phrase most and the score
 *
 *   score = (spans of that label with this phrase) / max(occurrences seen, spans with this phrase)
 *
 * i.e. the share of the places analysts saw the phrase where they gave it
 * that label. A cue phrase no analyst has labelled yet gets `cuePrior`.
 */
import { OffsetMap } from '../offsets.ts';
import type { Gazetteer } from './gazetteer.ts';
import { scanWords, type WordList } from './normalize.ts';
import { phraseOf, PhraseSet, stemsOf, type Phrase } from './phrase.ts';
import type { Lexicon } from './stems.ts';
import {
  compareSuggestions,
  type AnnotatedText,
  type SuggestDoc,
  type Suggestion,
} from './types.ts';

/** What the matcher knows of one phrase. */
export interface PhraseEntry extends Phrase {
  /** label → spans with this phrase (over every annotator). */
  counts: Map<string, number>;
  /** Occurrences in the documents annotated, counted once per annotator. */
  seen: number;
  /** Labels whose gazetteer lists this phrase. */
  cueLabels: string[];
  /** label → the gazetteer's phrases as listed that are this phrase (spelling variants). */
  cues: Map<string, string[]>;
}

/** The gazetteer's phrases behind a proposal of `label` from `e`, as a Suggestion's `cues`. */
export function cuesOf(e: PhraseEntry, label: string): { cues?: string[] } {
  const list = e.cues.get(label);
  return list && list.length > 0 ? { cues: [...list] } : {};
}

/** The label and score the matcher gives a phrase, or null when it has none. */
export function phraseVerdict(
  e: PhraseEntry,
  cuePrior: number,
): { label: string; score: number } | null {
  let best: string | null = null;
  let bestN = 0;
  let total = 0;
  for (const [label, n] of e.counts) {
    total += n;
    if (n > bestN || (n === bestN && best !== null && label < best)) {
      best = label;
      bestN = n;
    }
  }
  if (best !== null && bestN > 0) return { label: best, score: bestN / Math.max(e.seen, total) };
  if (e.cueLabels.length > 0) return { label: e.cueLabels[0]!, score: cuePrior };
  return null;
}

/** A document's words and stems under one lexicon, cached per document. */
export interface DocWords {
  words: WordList;
  stems: string[];
}

/** The words and stems of `text` under `lexicon`. */
export function docWords(text: string, lexicon: Lexicon): DocWords {
  const words = scanWords(text);
  return { words, stems: stemsOf(words, lexicon) };
}

/** Options of `PhraseTable.learn`. */
export interface LearnOptions {
  /** Cue phrases per label: entries even before anyone labels them. */
  gazetteer?: Gazetteer;
  /** Keep only the gazetteer's phrases (their counts still come from the spans). */
  cuesOnly?: boolean;
  /** The words of a text under the table's lexicon (pass a cache). */
  wordsOf?: (t: { docId: string; text: string }) => DocWords;
}

/** The phrase table: learned from annotated texts (and a gazetteer) under one lexicon. */
export class PhraseTable {
  readonly entries = new Map<string, PhraseEntry>();
  private set: PhraseSet<PhraseEntry> | null = null;

  constructor(readonly lexicon: Lexicon) {}

  /** Learns from `texts` (each annotator's spans on each document) and the cues of `gazetteer`. */
  static learn(
    texts: readonly AnnotatedText[],
    lexicon: Lexicon,
    options: LearnOptions = {},
  ): PhraseTable {
    const table = new PhraseTable(lexicon);
    const wordsOf = options.wordsOf ?? ((t) => docWords(t.text, lexicon));
    for (const [label, phrases] of Object.entries(options.gazetteer ?? {}))
      for (const p of phrases) {
        const e = table.entry(p);
        if (!e) continue;
        if (!e.cueLabels.includes(label)) e.cueLabels.push(label);
        const listed = e.cues.get(label);
        if (!listed) e.cues.set(label, [p]);
        else if (!listed.includes(p)) listed.push(p);
      }
    for (const t of texts) {
      const map = new OffsetMap(t.text);
      for (const s of t.spans) {
        const quote = map.slice(s.start, s.end);
        const e = options.cuesOnly ? table.find(quote) : table.entry(quote);
        if (e) e.counts.set(s.label, (e.counts.get(s.label) ?? 0) + 1);
      }
    }
    const set = table.phrases();
    for (const t of texts) {
      const dw = wordsOf(t);
      set.forEachHit(dw.words, dw.stems, (p) => p.seen++);
    }
    return table;
  }

  /** The entry of a phrase's text, if known. */
  find(text: string): PhraseEntry | undefined {
    const p = phraseOf(text, this.lexicon);
    return p ? this.entries.get(p.key) : undefined;
  }

  /** The entry of a phrase's text, made when new; null when the text has no word. */
  entry(text: string): PhraseEntry | null {
    const p = phraseOf(text, this.lexicon);
    if (!p) return null;
    let e = this.entries.get(p.key);
    if (!e) {
      e = { ...p, counts: new Map(), seen: 0, cueLabels: [], cues: new Map() };
      this.entries.set(p.key, e);
      this.set = null;
    }
    return e;
  }

  /** Every known phrase, for finding them in a document. */
  phrases(): PhraseSet<PhraseEntry> {
    return (this.set ??= new PhraseSet(this.entries.values()));
  }
}

/** Options of `matcherSuggestions`. */
export interface MatcherOptions {
  /** Leave out proposals scoring below this (default 0: all). */
  minScore?: number;
  /** The score of a gazetteer cue no analyst has labelled (default 0.5). */
  cuePrior?: number;
}

/**
 * The matcher's proposals for one document: every occurrence of a known
 * phrase, with its label and score. A proposal lying inside a longer one
 * of the same label is left out (the longer phrase says more).
 */
export function matcherSuggestions(
  table: PhraseTable,
  doc: SuggestDoc,
  options: MatcherOptions = {},
  words: DocWords = docWords(doc.text, table.lexicon),
): Suggestion[] {
  const minScore = options.minScore ?? 0;
  const cuePrior = options.cuePrior ?? 0.5;
  const found: Suggestion[] = [];
  const verdicts = new Map<PhraseEntry, ReturnType<typeof phraseVerdict>>();
  for (const hit of table.phrases().findAll(words.words, words.stems)) {
    let v = verdicts.get(hit.phrase);
    if (v === undefined) verdicts.set(hit.phrase, (v = phraseVerdict(hit.phrase, cuePrior)));
    if (!v || v.score < minScore) continue;
    found.push({
      docId: doc.docId,
      start: hit.start,
      end: hit.end,
      quote: '',
      label: v.label,
      score: v.score,
      source: 'matcher',
      evidence: hit.phrase.key,
      ...cuesOf(hit.phrase, v.label),
    });
  }
  // Per label, by start and then longest first: a proposal ending no later
  // than one seen before it lies inside that one (extents are whole words,
  // and two phrases never share an extent and a label).
  found.sort(
    (a, b) =>
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || a.start - b.start || b.end - a.end,
  );
  const kept: Suggestion[] = [];
  let label: string | null = null;
  let maxEnd = -1;
  for (const s of found) {
    if (s.label !== label) {
      label = s.label;
      maxEnd = -1;
    }
    if (s.end <= maxEnd) continue;
    maxEnd = s.end;
    kept.push(s);
  }
  const map = new OffsetMap(doc.text);
  for (const s of kept) s.quote = map.slice(s.start, s.end);
  return kept.sort(compareSuggestions);
}
