/**
 * What a connected analyst may change, checked before a change is made, so
 * the app says "not saved" at once instead of storing something the server
 * will refuse. The server enforces the same rules (core/team/validate.ts).
 * Not connected, everything is allowed: the profile is the analyst's own.
 */
import { problem, problemText, ProblemError, type Problem } from '@core/problems/problem.ts';
import type { Role } from '@core/team/project.ts';
import type { WorkbenchDb } from '../db/schema.ts';
import { getTeamConfig } from './meta.ts';

const CODE: Record<'adjudicator' | 'lead', 'team.notAdjudicator' | 'team.notLead'> = {
  adjudicator: 'team.notAdjudicator',
  lead: 'team.notLead',
};

/**
 * Why this profile may not make a change that needs `role` (a problem the
 * interface words in its language), or null.
 */
export async function refusalProblem(
  db: WorkbenchDb,
  role: 'adjudicator' | 'lead',
): Promise<Problem | null> {
  const config = await getTeamConfig(db);
  if (!config || config.roles.includes(role as Role)) return null;
  return problem(CODE[role], {
    project: config.project,
    user: config.user,
    roles: config.roles.join(', '),
  });
}

/**
 * Why this profile may not make a change that needs `role`, or null. Call
 * inside the write's transaction (with db.syncMeta in its scope) or before it.
 */
export async function refusal(
  db: WorkbenchDb,
  role: 'adjudicator' | 'lead',
): Promise<string | null> {
  const p = await refusalProblem(db, role);
  return p ? problemText(p) : null;
}

/** Throws the refusal, if any. */
export async function requireRole(db: WorkbenchDb, role: 'adjudicator' | 'lead'): Promise<void> {
  const why = await refusalProblem(db, role);
  if (why) throw new ProblemError(why);
}
