/**
 * The baseline every suggester must beat: "the whole sentence containing a
 * cue phrase". Sentences are the workbench's (tokenize.ts, ICU rules),
 * trimmed to their first and last word so closing punctuation stays out, as
 * in analysts' spans. A sentence holding cues of several labels takes the
 * label with most cue occurrences (then the higher score, then the first in
 * code-point order); its score is the best matcher score of those cues
 * (matcher.ts), or the cue prior for a cue nobody has labelled.
 */
import { OffsetMap } from '../offsets.ts';
import { sentences } from '../tokenize.ts';
import {
  cuesOf,
  docWords,
  phraseVerdict,
  type DocWords,
  type PhraseEntry,
  type PhraseTable,
} from './matcher.ts';
import { compareSuggestions, type SuggestDoc, type Suggestion } from './types.ts';

/**
 * Cue-sentence proposals for a document. `cues` is a phrase table whose
 * entries are the cue phrases (built by `PhraseTable.learn` with the
 * gazetteer, from the analysts' spans when there is none).
 */
export function cueSentenceSuggestions(
  cues: PhraseTable,
  doc: SuggestDoc,
  options: { minScore?: number; cuePrior?: number } = {},
  words: DocWords = docWords(doc.text, cues.lexicon),
): Suggestion[] {
  const cuePrior = options.cuePrior ?? 0.5;
  const hits = cues.phrases().findAll(words.words, words.stems);
  if (hits.length === 0) return [];
  const map = new OffsetMap(doc.text);
  const out: Suggestion[] = [];
  const w = words.words;
  const verdicts = new Map<PhraseEntry, ReturnType<typeof phraseVerdict>>();
  let h = 0;
  let wi = 0;
  for (const s of sentences(doc.text)) {
    const votes = new Map<string, { n: number; score: number; cue: PhraseEntry }>();
    for (; h < hits.length && hits[h]!.start < s.end; h++) {
      const hit = hits[h]!;
      if (hit.start < s.start) continue;
      let v = verdicts.get(hit.phrase);
      if (v === undefined) verdicts.set(hit.phrase, (v = phraseVerdict(hit.phrase, cuePrior)));
      if (!v) continue;
      const cur = votes.get(v.label);
      if (!cur) votes.set(v.label, { n: 1, score: v.score, cue: hit.phrase });
      else {
        cur.n++;
        if (v.score > cur.score) {
          cur.score = v.score;
          cur.cue = hit.phrase;
        }
      }
    }
    let label: string | null = null;
    let best: { n: number; score: number; cue: PhraseEntry } | null = null;
    for (const [l, v] of votes)
      if (
        !best ||
        v.n > best.n ||
        (v.n === best.n && (v.score > best.score || (v.score === best.score && l < label!)))
      ) {
        label = l;
        best = v;
      }
    if (!best || label === null || best.score < (options.minScore ?? 0)) continue;
    // Trim the sentence to its words.
    while (wi < w.length && w.ends[wi]! <= s.start) wi++;
    const first = wi;
    let last = first - 1;
    while (last + 1 < w.length && w.starts[last + 1]! < s.end) last++;
    if (last < first) continue;
    const start = Math.max(s.start, w.starts[first]!);
    const end = Math.min(s.end, w.ends[last]!);
    out.push({
      docId: doc.docId,
      start,
      end,
      quote: map.slice(start, end),
      label,
      score: best.score,
      source: 'cue-sentence',
      evidence: best.cue.key,
      ...cuesOf(best.cue, label),
    });
  }
  return out.sort(compareSuggestions);
}
