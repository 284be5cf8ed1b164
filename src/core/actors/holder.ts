/**
 * Who holds a span's stance, as one comparable key: the actor when the span
 * points at one (or when its free-text holder is exactly one actor's name
 * or alias, folded), else the folded free text, else nobody. Analysis,
 * attribution agreement and the CLI all compare holders through this, so
 * "الكاظمي" typed as text and the actor Mustafa al-Kadhimi count as one.
 */
import type { SpanRecord } from '../model.ts';
import { foldName, type ActorIndex } from './model.ts';

/** `actor:<id>`, `text:<folded text>`, `outlet:<outlet>` (analysis only) or `none`. */
export type HolderKey = string;

/** The key of spans with no holder at all. */
export const NO_HOLDER: HolderKey = 'none';

/** The holder fields of a span. */
export type HolderFields = Pick<SpanRecord, 'holder'> &
  Partial<Pick<SpanRecord, 'holderActorId' | 'attribution'>>;

/**
 * The holder key of a span. A free-text holder that names exactly one
 * actor (name or alias, folded) is that actor; an ambiguous or unknown one
 * stays text.
 */
export function holderKey(span: HolderFields, actors: ActorIndex | null): HolderKey {
  // A merged actor's spans count as the actor it was merged into.
  if (span.holderActorId)
    return `actor:${actors ? actors.resolve(span.holderActorId) : span.holderActorId}`;
  const text = span.holder ? foldName(span.holder) : '';
  if (!text) return NO_HOLDER;
  const actor = actors?.unique(span.holder!);
  return actor ? `actor:${actor.id}` : `text:${text}`;
}

/** The actor id in a key, or null. */
export function actorIdOf(key: HolderKey): string | null {
  return key.startsWith('actor:') ? key.slice(6) : null;
}
