/**
 * The project's target list: what stances are about (US combat forces, the
 * coalition's training mission…), kept in the setting `project.targets`
 * (backed up with the profile), and the targets to suggest for a span.
 */
import { cleanName, foldName } from '@core/actors/model.ts';
import type { WorkbenchDb } from './schema.ts';

/** The settings key of the project's target list. */
export const TARGETS_KEY = 'project.targets';

/** The project's target list (what stances are about), in the analyst's order. */
export async function getTargets(db: WorkbenchDb): Promise<string[]> {
  const v = (await db.settings.get(TARGETS_KEY))?.value;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Replaces the target list (trimmed, empty and duplicate entries dropped, folded). */
export async function setTargets(db: WorkbenchDb, targets: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const t of targets) {
    const c = cleanName(t);
    const k = foldName(c);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    list.push(c);
  }
  await db.settings.put({ key: TARGETS_KEY, value: list });
  return list;
}

/** Targets to suggest: the list first, then others spans name, most used first. */
export async function knownTargets(db: WorkbenchDb): Promise<string[]> {
  const list = await getTargets(db);
  const seen = new Set(list.map(foldName));
  const counts = new Map<string, { text: string; n: number }>();
  await db.spans.each((s) => {
    if (!s.target) return;
    const k = foldName(s.target);
    if (seen.has(k)) return;
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { text: s.target, n: 1 });
  });
  return [...list, ...[...counts.values()].sort((a, b) => b.n - a.n).map((c) => c.text)];
}
