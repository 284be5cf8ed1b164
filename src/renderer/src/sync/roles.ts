/**
 * What a connected analyst may change, checked before a change is made, so
 * the app says "not saved" at once instead of storing something the server
 * will refuse. The server enforces the same rules (core/team/validate.ts).
 * Not connected, everything is allowed: the profile is the analyst's own.
 */
import type { Role } from '@core/team/project.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { getTeamConfig } from './meta.ts';

const WHAT: Record<'adjudicator' | 'lead', string> = {
  adjudicator: 'only adjudicators change gold',
  lead: 'only project leads change the label set, blind mode and assignments',
};

/**
 * Why this profile may not make a change that needs `role`, or null. Call
 * inside the write's transaction (with db.syncMeta in its scope) or before it.
 */
export async function refusal(
  db: WorkbenchDb,
  role: 'adjudicator' | 'lead',
): Promise<string | null> {
  const config = await getTeamConfig(db);
  if (!config || config.roles.includes(role as Role)) return null;
  return `Not saved: in the team project ${config.project}, ${WHAT[role]}, and ${config.user} (${config.roles.join(', ')}) is not one.`;
}

/** Throws the refusal, if any. */
export async function requireRole(db: WorkbenchDb, role: 'adjudicator' | 'lead'): Promise<void> {
  const why = await refusal(db, role);
  if (why) throw new Error(why);
}
