/**
 * The holder actors a dataset file brings (spans JSONL `holder_id`, with
 * `holder` as the name, `holder_en`, `holder_kind`): which stored actor each
 * file id stands for, which actors to add, and which cannot be stored. The
 * import plan (plan.ts) resolves them against the stored actors.
 */
import { ActorIndex, checkActor } from '../actors/model.ts';
import type { DatasetSpan, ParsedRecord } from '../formats/record.ts';
import type { ActorRecord, SpanRecord } from '../model.ts';
import { atPath, problem, type Problem } from '../problems/problem.ts';

/** The actors of a file, resolved against the profile. */
export interface ImportActors {
  /** File actor id → stored (or new) actor id; null: kept as free text. */
  actorIds: Map<string, string | null>;
  /** Actors to add, by id. */
  newActors: Map<string, ActorRecord>;
  /** One problem per actor that cannot be stored, and why. */
  notes: Problem[];
}

const ARABIC = /[\u0600-\u06ff]/u;

/** The actor a file's span names (`holder_id` with `holder` as its name), as a record to add. */
function actorFromSpan(s: DatasetSpan, now: number): ActorRecord | null {
  if (!s.holderActor || !s.holder) return null;
  const name = s.holder.replace(/\s+/gu, ' ').trim();
  const arabic = ARABIC.test(name);
  const nameEn = (s.holderActor.nameEn || (arabic ? '' : name)).replace(/\s+/gu, ' ').trim();
  return {
    id: s.holderActor.id,
    nameAr: arabic ? name : '',
    nameEn,
    // A file that names an actor without its kind: a person, the common case.
    kind: s.holderActor.kind ?? 'person',
    affiliation: null,
    aliases: [],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Resolves every holder actor of `records` against the `stored` actors: an
 * id the profile has is linked; an unknown id whose name is exactly one
 * stored actor's name or alias (folded) is linked to that actor, so two
 * analysts' separately made "الكاظمي" become one; any other is added. An
 * actor whose fields are not valid (an over-long name…) is not stored, and
 * its spans keep the name as free text.
 */
export function resolveImportActors(
  stored: readonly ActorRecord[],
  records: readonly ParsedRecord[],
  now: number,
): ImportActors {
  const index = new ActorIndex(stored);
  const actorIds = new Map<string, string | null>();
  const newActors = new Map<string, ActorRecord>();
  const notes: Problem[] = [];
  for (const rec of records)
    for (const sp of rec.spans) {
      const id = sp.holderActor?.id;
      if (!id || actorIds.has(id)) continue;
      if (index.byId.has(id)) {
        actorIds.set(id, id);
        continue;
      }
      const same = sp.holder ? index.unique(sp.holder) : null;
      if (same) {
        actorIds.set(id, same.id);
        continue;
      }
      const candidate = actorFromSpan(sp, now);
      const checked = candidate ? checkActor(candidate) : null;
      if (checked?.ok) {
        actorIds.set(id, id);
        newActors.set(id, checked.actor);
      } else {
        actorIds.set(id, null);
        const first = checked && !checked.ok ? checked.errors[0] : undefined;
        const why = first ? atPath(first.field, first.problem) : problem('actor.needsName');
        notes.push(problem('import.holderActorKept', { actor: id, why }));
      }
    }
  return { actorIds, newActors, notes };
}

/** The attribution fields of an imported span (only those set). */
export function attributionFields(
  s: DatasetSpan,
  actorIds: ReadonlyMap<string, string | null>,
): Partial<SpanRecord> {
  const out: Partial<SpanRecord> = {};
  const id = s.holderActor ? actorIds.get(s.holderActor.id) : null;
  if (id) out.holderActorId = id;
  if (s.target) out.target = s.target;
  if (s.attribution) out.attribution = s.attribution;
  return out;
}
