/**
 * The gazetteers: each analyst's cue phrases per label (core/suggest/
 * gazetteer.ts), one row per analyst. The analyst's own row is theirs to
 * edit; in a team project it travels as `gazetteer:USER` (only USER writes
 * it, like their spans) and colleagues' rows arrive the same way. The
 * suggester uses the union of every row, and says who listed a phrase.
 * Without a project there is only the analyst's own row: local, as before.
 */
import { describeError } from '@core/errors.ts';
import { problem, type Problem } from '@core/problems/problem.ts';
import { parseGazetteer, type Gazetteer } from '@core/suggest/gazetteer.ts';
import { getTeamConfig } from '../sync/meta.ts';
import type { WorkbenchDb } from './schema.ts';

/** One analyst's cue phrases (schema version 12). */
export interface GazetteerRecord {
  /** Whose list this is (an annotator id). */
  annotatorId: string;
  /** Cue phrases per label key, as `parseGazetteer` accepts them. */
  phrases: Record<string, string[]>;
  /** When the analyst last saved it (ms since the epoch). */
  updatedAt: number;
}

/** The project's cue phrases: per label, each phrase with who listed it. */
export interface GazetteerUnion {
  /** Every row's phrases, merged per label (what the suggester matches). */
  gazetteer: Record<string, string[]>;
  /** label → phrase → the annotator ids who listed it, in id order. */
  authors: Record<string, Record<string, string[]>>;
}

/** A plain copy of a gazetteer: own properties only, so `__proto__` stays a label. */
function plain(g: Gazetteer): Record<string, string[]> {
  return Object.fromEntries(Object.entries(g).map(([l, p]) => [l, [...p]]));
}

/** The analyst's own cue phrases (empty when they keep none). */
export async function ownGazetteer(db: WorkbenchDb, selfId: string): Promise<Gazetteer> {
  return (await db.gazetteers.get(selfId))?.phrases ?? {};
}

/**
 * Stores the analyst's cue phrases written as JSON (`{"label": ["cue
 * phrase", …]}`); returns the problems found, each naming where, and
 * stores nothing then. In a project the outbox sends it with this write.
 */
export async function saveOwnGazetteer(
  db: WorkbenchDb,
  selfId: string,
  json: string,
): Promise<Problem[]> {
  let value: unknown;
  try {
    value = json.trim() === '' ? {} : JSON.parse(json);
  } catch (err) {
    return [problem('gazetteer.notJson', { detail: describeError(err) })];
  }
  const parsed = parseGazetteer(value);
  if (!parsed.ok) return parsed.errors;
  return db.transaction('rw', db.gazetteers, db.syncMeta, async () => {
    // In a project the server takes cue phrases from analysts only
    // (core/team/validate.ts): say so now rather than keep what it refuses.
    const config = await getTeamConfig(db);
    if (config && !config.roles.includes('analyst'))
      return [
        problem('gazetteer.notAnalyst', {
          project: config.project,
          user: config.user,
          roles: config.roles.join(', '),
        }),
      ];
    await db.gazetteers.put({
      annotatorId: selfId,
      phrases: plain(parsed.value),
      updatedAt: Date.now(),
    });
    return [];
  });
}

/**
 * The union of every analyst's cue phrases, and who listed each. A row
 * that does not parse (it cannot come from the app or the bridge, which
 * both check) is left out rather than trusted.
 */
export async function gazetteerUnion(db: WorkbenchDb): Promise<GazetteerUnion> {
  const rows = await db.gazetteers.orderBy(':id').toArray();
  const authors: Record<string, Record<string, string[]>> = Object.create(null) as Record<
    string,
    Record<string, string[]>
  >;
  for (const row of rows) {
    const parsed = parseGazetteer(row.phrases);
    if (!parsed.ok) continue;
    for (const [label, phrases] of Object.entries(parsed.value)) {
      const byPhrase = (authors[label] ??= Object.create(null) as Record<string, string[]>);
      for (const p of phrases) (byPhrase[p] ??= []).push(row.annotatorId);
    }
  }
  const gazetteer = Object.fromEntries(
    Object.entries(authors).map(([label, byPhrase]) => [label, Object.keys(byPhrase)]),
  );
  return {
    gazetteer,
    authors: Object.fromEntries(
      Object.entries(authors).map(([l, byPhrase]) => [
        l,
        Object.fromEntries(Object.entries(byPhrase)),
      ]),
    ),
  };
}
