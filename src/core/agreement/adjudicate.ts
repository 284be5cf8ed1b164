/**
 * Adjudication helpers: the distinct spans annotators proposed on a
 * document, who proposed each one exactly, which of them enough
 * annotators agree on to accept into gold in one action, and the holder,
 * target and attribution kind their proposers agree on.
 */
import { foldName } from '../actors/model.ts';
import type { AttributionKind } from '../model.ts';
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

/** The attribution fields of a span (see SpanRecord). */
export interface AttributionFields {
  holderActorId: string | null;
  holder: string | null;
  target: string | null;
  attribution: AttributionKind | null;
}

/** The attribution fields of a stored span, absent ones as null. */
export function attributionOf(s: {
  holder: string | null;
  holderActorId?: string | null;
  target?: string | null;
  attribution?: AttributionKind | null;
}): AttributionFields {
  return {
    holderActorId: s.holderActorId ?? null,
    holder: s.holder,
    target: s.target ?? null,
    attribution: s.attribution ?? null,
  };
}

/**
 * What the proposers of a gold span agree on, field by field: the holder
 * when every one names the same actor (or, none naming an actor, the same
 * free text, folded), the target (folded) and the attribution kind when
 * every one gives the same non-empty value (spelled as most of them spell
 * it); null where they differ or someone left it empty. The adjudicator
 * settles the rest.
 */
export function settledAttribution(proposed: readonly AttributionFields[]): AttributionFields {
  const out: AttributionFields = {
    holderActorId: null,
    holder: null,
    target: null,
    attribution: null,
  };
  if (proposed.length === 0) return out;
  // All alike (by key): the spelling most of them use, the first on a tie.
  const same = <T>(values: T[], key: (v: T) => string): T | null => {
    const first = values[0]!;
    if (!values.every((v) => key(v) === key(first))) return null;
    const n = new Map<T, number>();
    for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
    return [...n.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  };
  const ids = proposed.map((p) => p.holderActorId);
  if (ids.every((id) => id !== null)) {
    const id = same(ids, (v) => v!);
    if (id) {
      out.holderActorId = id;
      out.holder = same(
        proposed.map((p) => p.holder),
        () => '',
      );
    }
  } else if (ids.every((id) => id === null)) {
    const texts = proposed.map((p) => p.holder);
    if (texts.every((t) => t && foldName(t))) out.holder = same(texts, (t) => foldName(t!));
  }
  const targets = proposed.map((p) => p.target);
  if (targets.every((t) => t && foldName(t))) out.target = same(targets, (t) => foldName(t!));
  const kinds = proposed.map((p) => p.attribution);
  if (kinds.every((k) => k !== null)) out.attribution = same(kinds, (k) => k!);
  return out;
}

/**
 * Each proposer's attribution of the span `span` (exact start, end and
 * label), for the adjudicator to choose from; annotators in `exclude`
 * (gold) are skipped.
 */
export function attributionChoices<S extends AgreementSpan & Parameters<typeof attributionOf>[0]>(
  annotations: ReadonlyMap<string, readonly S[]>,
  span: AgreementSpan,
  exclude: readonly string[] = [],
): (AttributionFields & { annotatorId: string })[] {
  const key = spanKey(span);
  const out: (AttributionFields & { annotatorId: string })[] = [];
  for (const [annotatorId, spans] of annotations) {
    if (exclude.includes(annotatorId)) continue;
    for (const s of spans) if (spanKey(s) === key) out.push({ annotatorId, ...attributionOf(s) });
  }
  return out;
}
