/**
 * Blind mode, a project setting: colleagues' labels (and gold) stay hidden
 * from an analyst until that analyst marks the document done, so agreement
 * is not inflated by anchoring. Adjudicators see everything (they need to).
 * It hides labels on this screen only: the data is on every machine of the
 * project, so it is a working rule, not a secret (docs/team.md).
 */
import type { ProjectSettings } from '@core/team/wire.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { getSetting } from '../db/settings.ts';
import { getTeamConfig } from '../sync/meta.ts';
import { PROJECT_SETTINGS_KEY } from '../sync/outbox.ts';

/** Who may see what: null when nothing is hidden. */
export interface BlindRule {
  selfId: string;
  /** Documents this analyst marked done: everything shows there. */
  done: Set<string>;
}

/** The blind rule in force for this profile, or null. */
export async function blindRule(db: WorkbenchDb): Promise<BlindRule | null> {
  const settings = (await db.settings.get(PROJECT_SETTINGS_KEY))?.value as
    ProjectSettings | undefined;
  if (!settings?.blind) return null;
  const config = await getTeamConfig(db);
  if (config?.roles.includes('adjudicator')) return null;
  const selfId = await getSetting(db, 'selfAnnotatorId');
  if (!selfId) return null;
  const mine = await db.statuses.where('annotatorId').equals(selfId).toArray();
  return { selfId, done: new Set(mine.filter((s) => s.status === 'done').map((s) => s.docId)) };
}

/**
 * Removes, in place, what the rule hides from `annotations` (docId →
 * annotatorId → anything); returns the documents where something was hidden.
 */
export function applyBlind<T>(
  annotations: Map<string, Map<string, T>>,
  rule: BlindRule | null,
): Set<string> {
  const hidden = new Set<string>();
  if (!rule) return hidden;
  for (const [docId, byAnn] of annotations) {
    if (rule.done.has(docId)) continue;
    for (const id of [...byAnn.keys()])
      if (id !== rule.selfId) {
        byAnn.delete(id);
        hidden.add(docId);
      }
    if (byAnn.size === 0) annotations.delete(docId);
  }
  return hidden;
}
