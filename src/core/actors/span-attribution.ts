/**
 * A span's attribution as an edit: its holder actor (or free-text holder),
 * target and attribution kind, as a new span record or the before/after
 * change the document's undo history records.
 */
import type { ActorRecord, AttributionKind, SpanRecord } from '../model.ts';
import { cleanName, displayName } from './model.ts';
import type { SpanChange } from './operations.ts';

/** A change to a span's attribution; fields left out stay as they are. */
export interface AttributionPatch {
  /** The holder actor; null removes it (the free-text holder stays). */
  actor?: ActorRecord | null;
  /** Free-text holder, for when no actor fits; setting it removes the actor. */
  holderText?: string | null;
  target?: string | null;
  attribution?: AttributionKind | null;
}

/**
 * A span with a new attribution. Setting an actor also sets the free-text
 * holder to the actor's name (a readable snapshot, kept as the fallback);
 * setting free text removes the actor. Empty text means none.
 */
export function withAttribution(
  span: SpanRecord,
  patch: AttributionPatch,
  now: number,
): SpanRecord {
  const out: SpanRecord = { ...span, updatedAt: now };
  if (patch.actor !== undefined) {
    out.holderActorId = patch.actor?.id ?? null;
    if (patch.actor) out.holder = displayName(patch.actor);
  }
  if (patch.holderText !== undefined) {
    out.holder = patch.holderText === null ? null : cleanName(patch.holderText) || null;
    out.holderActorId = null;
  }
  if (patch.target !== undefined)
    out.target = patch.target === null ? null : cleanName(patch.target) || null;
  if (patch.attribution !== undefined) out.attribution = patch.attribution;
  return out;
}

/** The change that gives `span` a new attribution (for the document's undo history). */
export function attributeSpan(span: SpanRecord, patch: AttributionPatch, now: number): SpanChange {
  return { table: 'spans', before: span, after: withAttribution(span, patch, now) };
}
