/**
 * The span half of the import plan: which of a file's spans are new, which
 * change a stored span, and which are already there. A span is matched by
 * its deterministic id (prepare.ts), or, since spans made in the app have
 * random ids, by its annotator's stored span over the same extent with the
 * same label (the analyst's own export, or a colleague's that includes the
 * analyst's lines, would otherwise add a second copy).
 */
import type { SpanRecord } from '../model.ts';

/** What becomes of a file's spans. */
export interface SpanPlan {
  add: SpanRecord[];
  update: SpanRecord[];
  unchanged: number;
}

const extentKey = (s: SpanRecord): string =>
  `${s.docId}\u0000${s.annotatorId}\u0000${s.start}\u0000${s.end}\u0000${s.label}`;

/** True when the file's span changes what the stored one says. */
function changes(old: SpanRecord, s: SpanRecord): boolean {
  return (
    old.holder !== s.holder ||
    old.note !== s.note ||
    JSON.stringify(old.provenance ?? null) !== JSON.stringify(s.provenance ?? null) ||
    (old.holderActorId ?? null) !== (s.holderActorId ?? null) ||
    (old.target ?? null) !== (s.target ?? null) ||
    (old.attribution ?? null) !== (s.attribution ?? null)
  );
}

/**
 * Plans the file's spans (one per id, the last line's) against the stored
 * spans of their (document, annotator) pairs: new ones are added; a stored
 * one whose holder, note, provenance or attribution the file changes gets
 * the file's (its label, extent, quote and creation stay); the rest are
 * already there.
 */
export function planSpans(
  spans: Iterable<SpanRecord>,
  stored: readonly SpanRecord[],
  now: number,
): SpanPlan {
  const storedExtents = new Set<string>();
  const storedById = new Map<string, SpanRecord>();
  for (const s of stored) {
    storedExtents.add(extentKey(s));
    storedById.set(s.id, s);
  }
  const plan: SpanPlan = { add: [], update: [], unchanged: 0 };
  for (const s of spans) {
    const old = storedById.get(s.id);
    if (!old && storedExtents.has(extentKey(s))) plan.unchanged++;
    else if (!old) plan.add.push(s);
    else if (changes(old, s))
      plan.update.push({
        ...old,
        holder: s.holder,
        note: s.note,
        provenance: s.provenance,
        holderActorId: s.holderActorId ?? null,
        target: s.target ?? null,
        attribution: s.attribution ?? null,
        updatedAt: now,
      });
    else plan.unchanged++;
  }
  return plan;
}
