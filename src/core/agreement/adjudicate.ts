/**
 * Adjudication helpers: the distinct spans annotators proposed on a
 * document, who proposed each one exactly, and which of them enough
 * annotators agree on to accept into gold in one action.
 */
import { dedupeSpans } from './compute.ts';
import { spanKey, type AgreementSpan } from './types.ts';

/** A distinct (start, end, label) and the annotators who have it exactly. */
export interface Candidate extends AgreementSpan {
  key: string;
  /** Annotator ids, in the order of `annotations`. */
  annotators: string[];
}

/**
 * Every distinct span on a document with the annotators who have it, in
 * text order; annotators listed in `exclude` (gold, typically) are skipped.
 */
export function candidates(
  annotations: ReadonlyMap<string, readonly AgreementSpan[]>,
  exclude: readonly string[] = [],
): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const [annotatorId, spans] of annotations) {
    if (exclude.includes(annotatorId)) continue;
    for (const s of dedupeSpans(spans)) {
      const key = spanKey(s);
      let c = byKey.get(key);
      if (!c) {
        c = { key, start: s.start, end: s.end, label: s.label, annotators: [] };
        byKey.set(key, c);
      }
      c.annotators.push(annotatorId);
    }
  }
  return [...byKey.values()].sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : 1),
  );
}

/**
 * The spans at least `n` annotators agree on exactly (same start, end and
 * label), excluding `exclude`: what "accept all where at least N agree"
 * accepts.
 */
export function agreedSpans(
  annotations: ReadonlyMap<string, readonly AgreementSpan[]>,
  n: number,
  exclude: readonly string[] = [],
): Candidate[] {
  return candidates(annotations, exclude).filter((c) => c.annotators.length >= Math.max(1, n));
}

/** The annotators (besides `exclude`) whose spans match `span` exactly. */
export function provenanceOf(
  annotations: ReadonlyMap<string, readonly AgreementSpan[]>,
  span: AgreementSpan,
  exclude: readonly string[] = [],
): string[] {
  const key = spanKey(span);
  return [...annotations.entries()]
    .filter(([id, spans]) => !exclude.includes(id) && spans.some((s) => spanKey(s) === key))
    .map(([id]) => id);
}
