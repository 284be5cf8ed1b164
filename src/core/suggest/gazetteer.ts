/**
 * The gazetteer: cue phrases per label that analysts keep in the project
 * ("لا حاجة لوجود قوات" for pro-withdrawal, …). The matcher proposes every
 * occurrence of a cue phrase, and the cue-sentence baseline the sentence
 * around it. Stored and exchanged as a JSON object `{ label: [phrase, …] }`;
 * `parseGazetteer` checks one from a file or a setting, naming every problem.
 */
import { z } from 'zod';
import { issuePath } from '../formats/record.ts';
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
      .max(
        GAZETTEER_LIMITS.phraseLength,
        `a cue phrase is at most ${GAZETTEER_LIMITS.phraseLength} characters`,
      )
      .refine((s) => s.trim().length > 0, 'a cue phrase must hold a word'),
  )
  .max(
    GAZETTEER_LIMITS.phrasesPerLabel,
    `at most ${GAZETTEER_LIMITS.phrasesPerLabel} phrases per label`,
  );

/**
 * A gazetteer, or every problem found, each naming where
 * (`"pro-withdrawal"[2]: …`). Label keys are taken as they are, even
 * `__proto__` (the result has no prototype).
 */
export function parseGazetteer(
  value: unknown,
): { ok: true; value: Gazetteer } | { ok: false; errors: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, errors: ['a gazetteer is a JSON object {"label": ["cue phrase", …]}'] };
  const labels = Object.keys(value);
  if (labels.length > GAZETTEER_LIMITS.labels)
    return { ok: false, errors: [`at most ${GAZETTEER_LIMITS.labels} labels`] };
  const out = Object.create(null) as Record<string, string[]>;
  const errors: string[] = [];
  for (const label of labels) {
    const where = JSON.stringify(label);
    if (label.length === 0) errors.push(`${where}: a label key must not be empty`);
    const r = phrases.safeParse((value as Record<string, unknown>)[label]);
    if (r.success) out[label] = [...new Set(r.data)];
    else for (const i of r.error.issues) errors.push(`${where}${issuePath(i.path)}: ${i.message}`);
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
