/**
 * The actor model: the zod schema every actor record is checked with (when
 * the analyst saves one, when a backup is restored, when a dataset brings
 * one), name clean-up, and the folded names by which texts and free-text
 * holders are matched to actors. Record types live in ../model.ts.
 */
import { z } from 'zod';
import { foldArabic } from '../arabic-search.ts';
import type { Problem } from '../problems/problem.ts';
import { zodProblem } from '../problems/zod-problem.ts';
import {
  ACTOR_KINDS,
  ATTRIBUTION_KINDS,
  type ActorKind,
  type ActorRecord,
  type AttributionKind,
} from '../model.ts';

/** Longest name, alias or affiliation accepted (code units). */
export const MAX_NAME_LENGTH = 200;
/** Most aliases one actor may have. */
export const MAX_ALIASES = 100;

/** Trims and collapses inner whitespace (tabs, newlines, NBSP) to one space. */
export function cleanName(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

const name = z
  .string()
  .max(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`)
  .refine((s) => s === cleanName(s), 'no leading, trailing or repeated spaces');

/** zod schema of a stored actor (unknown fields are kept, for newer versions). */
export const actorSchema = z
  .object({
    id: z.string().min(1, 'an id is required').max(MAX_NAME_LENGTH),
    nameAr: name,
    nameEn: name,
    kind: z.enum(ACTOR_KINDS, { error: `kind must be one of ${ACTOR_KINDS.join(', ')}` }),
    affiliation: name.nullable(),
    aliases: z
      .array(name.min(1, 'an alias cannot be empty'))
      .max(MAX_ALIASES, `at most ${MAX_ALIASES} aliases`),
    createdAt: z.number().finite(),
    updatedAt: z.number().finite(),
    mergedInto: z.string().min(1).max(MAX_NAME_LENGTH).nullable().optional(),
  })
  .loose()
  .refine((a) => a.nameAr !== '' || a.nameEn !== '', {
    message: 'an actor needs an Arabic or an English name',
    path: ['nameAr'],
  })
  .refine((a) => a.mergedInto !== a.id, {
    message: 'an actor cannot be merged into itself',
    path: ['mergedInto'],
  });

/** zod schema of an attribution kind. */
export const attributionKindSchema = z.enum(ATTRIBUTION_KINDS, {
  error: `attribution must be one of ${ATTRIBUTION_KINDS.join(', ')}`,
});

/** True when `s` is an actor kind. */
export function isActorKind(s: unknown): s is ActorKind {
  return (ACTOR_KINDS as readonly unknown[]).includes(s);
}

/** True when `s` is an attribution kind. */
export function isAttributionKind(s: unknown): s is AttributionKind {
  return (ATTRIBUTION_KINDS as readonly unknown[]).includes(s);
}

/**
 * A problem with an actor's fields: which field (`aliases[2]`) and what, as
 * a problem code the interface words in its language (the CLI in English).
 */
export interface FieldError {
  field: string;
  problem: Problem;
}

/** A field error: `field` and the problem `code` with its values. */
export function fieldError(field: string, p: Problem): FieldError {
  return { field, problem: p };
}

/** Checks an actor record; returns it or one error per bad field. */
export function checkActor(
  value: unknown,
): { ok: true; actor: ActorRecord } | { ok: false; errors: FieldError[] } {
  const r = actorSchema.safeParse(value);
  if (r.success) return { ok: true, actor: r.data as ActorRecord };
  return {
    ok: false,
    errors: r.error.issues.map((i) => {
      const { path, ...p } = zodProblem(i);
      return { field: path || 'actor', problem: p };
    }),
  };
}

/**
 * The folded form names are compared in: Arabic folding (tashkeel, tatweel,
 * alef forms, yeh/alef maqsura, teh marbuta; see arabic-search.ts), Latin
 * case, whitespace collapsed, and quotation marks and brackets dropped.
 */
export function foldName(s: string): string {
  return cleanName(foldArabic(s).replace(/["'«»“”‘’()[\]{}]/gu, ' '));
}

/** Every name an actor is known by: Arabic and English names, then aliases. */
export function namesOf(a: Pick<ActorRecord, 'nameAr' | 'nameEn' | 'aliases'>): string[] {
  return [a.nameAr, a.nameEn, ...a.aliases].filter((n) => n !== '');
}

/** The name to show for an actor: Arabic, else English. */
export function displayName(a: Pick<ActorRecord, 'nameAr' | 'nameEn'>): string {
  return a.nameAr || a.nameEn;
}

/** Whether an actor is live (not merged into another). */
export function isLive(a: Pick<ActorRecord, 'mergedInto'>): boolean {
  return !a.mergedInto;
}

/** The live actors of a list (merged ones, kept as tombstones, left out). */
export function liveActors<A extends Pick<ActorRecord, 'mergedInto'>>(actors: readonly A[]): A[] {
  return actors.filter(isLive);
}

/**
 * The id `id` stands for now: followed through `mergedInto` until a live
 * actor, or an id with no record (a deleted actor: then that id). Two
 * analysts merging A into B and B into A offline make a cycle; it resolves
 * to the smallest id on it, the same on every machine.
 */
export function resolveActorId(
  id: string,
  byId: ReadonlyMap<string, Pick<ActorRecord, 'id' | 'mergedInto'>>,
): string {
  const seen: string[] = [];
  let cur = id;
  for (;;) {
    const a = byId.get(cur);
    if (!a || !a.mergedInto) return cur;
    if (seen.includes(cur)) {
      const cycle = seen.slice(seen.indexOf(cur));
      return cycle.reduce((m, x) => (x < m ? x : m));
    }
    seen.push(cur);
    cur = a.mergedInto;
  }
}

/**
 * Folded name → the actors known by it. A name shared by two actors (two
 * men called "الرئيس") maps to both, so callers can tell it is ambiguous.
 */
export class ActorIndex {
  /**
   * Every actor id → the actor it stands for now: a merged actor's id maps
   * to the live actor it was merged into (see `resolveActorId`).
   */
  readonly byId: ReadonlyMap<string, ActorRecord>;
  private readonly byName = new Map<string, ActorRecord[]>();

  /** `actors` may hold merged ones: they resolve, and are not matched by name. */
  constructor(actors: readonly ActorRecord[]) {
    const raw = new Map(actors.map((a) => [a.id, a]));
    const byId = new Map<string, ActorRecord>();
    for (const a of actors) {
      const to = raw.get(resolveActorId(a.id, raw));
      if (to) byId.set(a.id, to);
    }
    this.byId = byId;
    for (const a of liveActors(actors))
      for (const n of new Set(namesOf(a).map(foldName))) {
        if (!n) continue;
        const list = this.byName.get(n);
        if (list) list.push(a);
        else this.byName.set(n, [a]);
      }
  }

  /** The id `id` stands for now (itself unless merged; see `resolveActorId`). */
  resolve(id: string): string {
    return this.byId.get(id)?.id ?? id;
  }

  /** The actors named `text` (folded), possibly several. */
  named(text: string): readonly ActorRecord[] {
    return this.byName.get(foldName(text)) ?? [];
  }

  /** The one actor named `text`, or null when none or several are. */
  unique(text: string): ActorRecord | null {
    const list = this.named(text);
    return list.length === 1 ? list[0]! : null;
  }
}
