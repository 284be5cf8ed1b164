/**
 * Two analysts who edit the same shared actor offline leave two versions
 * of it in the team project (a CouchDB conflict). Actors are reference
 * data every member edits, so no person is asked to choose: the versions
 * are merged field by field, the same way on every machine, and nothing an
 * analyst added to the list of names is lost. See docs/team.md.
 */
import type { ActorRecord } from '../model.ts';
import { cleanName, foldName, MAX_ALIASES } from './model.ts';

/** One version of an actor in conflict: its revision and its record. */
export interface ActorVersion {
  rev: string;
  actor: ActorRecord;
}

/** Revisions compare by generation number, then by hash (as CouchDB picks its winner). */
function revOrder(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Merges conflicting versions of one actor:
 * - names, kind and affiliation: from the version edited last
 *   (`updatedAt`, then the higher revision), so one analyst's consistent
 *   set of fields is kept rather than a mix;
 * - aliases: every alias any version has (folded duplicates and the kept
 *   names dropped; the latest version's first), capped at MAX_ALIASES, so
 *   an alias one analyst added is never lost to the other's edit;
 * - merged into another actor: when any version says so (the latest such
 *   version's target): a merge is not undone by a concurrent edit of names;
 * - createdAt the earliest, updatedAt the latest.
 * The result depends only on the set of versions, never on their order, so
 * every machine computes the same one.
 */
export function mergeActorVersions(versions: readonly ActorVersion[]): ActorRecord {
  if (versions.length === 0) throw new Error('no versions to merge');
  const sorted = [...versions].sort(
    (a, b) => b.actor.updatedAt - a.actor.updatedAt || revOrder(b.rev, a.rev),
  );
  const latest = sorted[0]!.actor;
  const own = new Set([foldName(latest.nameAr), foldName(latest.nameEn)]);
  const seen = new Set<string>();
  const aliases: string[] = [];
  for (const v of sorted)
    for (const n of [v.actor.nameAr, v.actor.nameEn, ...v.actor.aliases]) {
      const a = cleanName(n);
      const k = foldName(a);
      if (!a || !k || own.has(k) || seen.has(k)) continue;
      seen.add(k);
      aliases.push(a);
    }
  const merged = sorted.find((v) => v.actor.mergedInto)?.actor.mergedInto ?? null;
  const out: ActorRecord = {
    id: latest.id,
    nameAr: latest.nameAr,
    nameEn: latest.nameEn,
    kind: latest.kind,
    affiliation: latest.affiliation,
    aliases: aliases.slice(0, MAX_ALIASES),
    createdAt: versions.reduce((m, v) => Math.min(m, v.actor.createdAt), Infinity),
    updatedAt: latest.updatedAt,
  };
  if (merged && merged !== latest.id) out.mergedInto = merged;
  return out;
}
