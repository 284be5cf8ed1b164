/**
 * The gazetteer: cue phrases per label that analysts keep in the project
 * ("لا حاجة لوجود قوات" for pro-withdrawal, …). The matcher proposes every
 * occurrence of a cue phrase, and the cue-sentence baseline the sentence
 * around it. Stored and exchanged as a JSON object `{ label: [phrase, …] }`;
 * `parseGazetteer` checks one from a file or a setting, naming every problem
 * (as problems: codes the interface words in the analyst's language).
 */
import { z } from 'zod';
import { issuePath } from '../formats/record.ts';
import { atPath, problem, type Problem } from '../problems/problem.ts';
import { zodProblem } from '../problems/zod-problem.ts';
import type { AnnotatedText } from './types.ts';
import { OffsetMap } from '../offsets.ts';

/** Cue phrases per label key. */
export type Gazetteer = Readonly<Record<string, readonly string[]>>;

/** Limits that keep a hostile file from costing more than it could be worth. */
export const GAZETTEER_LIMITS = { labels: 200, phrasesPerLabel: 5_000, phraseLength: 500 };

const phrases = z
  .array(
    z
      .string()
      .max(GAZETTEER_LIMITS.phraseLength)
      .refine((s) => s.trim().length > 0),
  )
  .max(GAZETTEER_LIMITS.phrasesPerLabel);

/** A zod issue of `phrases` as a problem (its path relative to the label). */
function phraseProblem(issue: z.core.$ZodIssue): Problem {
  const path = issuePath(issue.path);
  if (issue.code === 'custom') return problem('gazetteer.blankPhrase', undefined, path);
  if (issue.code === 'too_big' && issue.origin === 'string')
    return problem('gazetteer.phraseTooLong', { max: GAZETTEER_LIMITS.phraseLength }, path);
  if (issue.code === 'too_big' && issue.origin === 'array')
    return problem('gazetteer.tooManyPhrases', { max: GAZETTEER_LIMITS.phrasesPerLabel }, path);
  return zodProblem(issue);
}

/**
 * A gazetteer, or every problem found, each naming where
 * (`"pro-withdrawal"[2]: …`). Label keys are taken as they are, even
 * `__proto__` (the result has no prototype).
 */
export function parseGazetteer(
  value: unknown,
): { ok: true; value: Gazetteer } | { ok: false; errors: Problem[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, errors: [problem('gazetteer.notObject')] };
  const labels = Object.keys(value);
  if (labels.length > GAZETTEER_LIMITS.labels)
    return {
      ok: false,
      errors: [problem('gazetteer.tooManyLabels', { max: GAZETTEER_LIMITS.labels })],
    };
  const out = Object.create(null) as Record<string, string[]>;
  const errors: Problem[] = [];
  for (const label of labels) {
    const where = JSON.stringify(label);
    if (label.length === 0) errors.push(problem('gazetteer.emptyLabel', undefined, where));
    const r = phrases.safeParse((value as Record<string, unknown>)[label]);
    if (r.success) out[label] = [...new Set(r.data)];
    else for (const i of r.error.issues) errors.push(atPath(where, phraseProblem(i)));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: out };
}

/**
 * The gazetteer the analysts' own spans imply, when the project keeps none:
 * every labelled span's text is a cue of its label (in first-seen order).
 */
export function gazetteerFromSpans(texts: readonly AnnotatedText[]): Gazetteer {
  const out = new Map<string, Set<string>>();
  for (const t of texts) {
    const map = new OffsetMap(t.text);
    for (const s of t.spans) {
      let set = out.get(s.label);
      if (!set) out.set(s.label, (set = new Set()));
      set.add(map.slice(s.start, s.end));
    }
  }
  return Object.fromEntries([...out].map(([label, set]) => [label, [...set]]));
}
