/**
 * Editing the label set. Spans and document stances store a label's key,
 * so renaming a label re-keys it and relabels everything that carries it in
 * one transaction (with the gold rejections that name it); deleting a label
 * removes its spans too, for every annotator (the UI asks first, saying whose).
 */
import { describeChar, firstUnsafeChar } from '@core/ids.ts';
import { labelKeyFromName, LABEL_PALETTE } from '@core/labels.ts';
import { GOLD_ANNOTATOR_ID, type LabelDef } from '@core/model.ts';
import { problem, ProblemError, type Problem } from '@core/problems/problem.ts';
import { getTeamConfig } from '../sync/meta.ts';
import { requireRole } from '../sync/roles.ts';
import { rejectedKey } from './gold.ts';
import type { WorkbenchDb } from './schema.ts';

/** The label set in display order. */
export function readLabels(db: WorkbenchDb): Promise<LabelDef[]> {
  return db.labels.orderBy('order').toArray();
}

/** Checks an edited label against the others; returns a problem or null. */
export function validateLabel(label: LabelDef, others: readonly LabelDef[]): Problem | null {
  if (!label.name.trim()) return problem('label.noName');
  // Names are shown wherever the label is: no character may hide or reorder text
  // (the key, made of letters, digits and hyphens, is safe already).
  for (const [which, value] of [
    ['name', label.name],
    ['nameAr', label.nameAr],
  ] as const) {
    const unsafe = firstUnsafeChar(value);
    if (unsafe !== null) return problem('label.unsafeChar', { which, char: describeChar(unsafe) });
  }
  const key = labelKeyFromName(label.name);
  if (!key) return problem('label.noLetter');
  if (key === 'neutral') return problem('label.neutral');
  if (others.some((o) => o.key === key)) return problem('label.taken', { key });
  const holder = label.hotkey === null ? undefined : others.find((o) => o.hotkey === label.hotkey);
  if (holder) return problem('label.hotkeyTaken', { hotkey: label.hotkey!, key: holder.key });
  if (label.hotkey !== null && !(label.hotkey >= 1 && label.hotkey <= 9))
    return problem('label.hotkeyRange');
  return null;
}

/**
 * Saves `label`, which was `oldKey` before (null for a new label). When its
 * name gives a new key, its spans and document stances follow.
 */
export async function saveLabel(
  db: WorkbenchDb,
  oldKey: string | null,
  label: LabelDef,
): Promise<LabelDef> {
  const key = labelKeyFromName(label.name);
  const record: LabelDef = { ...label, key, name: label.name.trim() };
  await db.transaction(
    'rw',
    [db.labels, db.spans, db.statuses, db.settings, db.syncMeta],
    async () => {
      await requireRole(db, 'lead');
      // Colleagues' spans carry a label's key, and only they may change them.
      if (oldKey !== null && oldKey !== key && (await getTeamConfig(db)))
        throw new ProblemError(problem('label.teamKeepsKey', { key: oldKey }));
      const others = (await db.labels.toArray()).filter((l) => l.key !== oldKey);
      const bad = validateLabel(record, others);
      if (bad) throw new ProblemError(bad);
      if (oldKey === null) {
        record.order = others.reduce((m, l) => Math.max(m, l.order + 1), 0);
      } else if (oldKey !== key) {
        await db.labels.delete(oldKey);
        const now = Date.now();
        await spansWithLabel(db, oldKey).modify({ label: key, updatedAt: now });
        await db.statuses
          .filter((s) => s.docStance === oldKey)
          .modify({ docStance: key, updatedAt: now });
        await rekeyRejections(db, oldKey, key);
      }
      await db.labels.put(record);
    },
  );
  return record;
}

/**
 * Gold rejections are remembered as `start:end:label` per document; a
 * renamed label's rejections take the new key, so rejected proposals stay
 * rejected. Runs inside the caller's transaction.
 */
async function rekeyRejections(db: WorkbenchDb, oldKey: string, key: string): Promise<void> {
  const prefix = rejectedKey('');
  const records = await db.settings.where('key').startsWith(prefix).toArray();
  for (const rec of records) {
    if (!Array.isArray(rec.value)) continue;
    const keys = rec.value as string[];
    const next = keys.map((k) => {
      const m = /^(\d+):(\d+):(.*)$/s.exec(k);
      return m && m[3] === oldKey ? `${m[1]}:${m[2]}:${key}` : k;
    });
    if (next.some((k, i) => k !== keys[i]))
      await db.settings.put({ key: rec.key, value: [...new Set(next)] });
  }
}

/** Whose spans carry a label: the analyst's, each colleague's, gold's. */
export interface LabelUsage {
  total: number;
  self: number;
  gold: number;
  /** Colleagues with at least one such span, by name. */
  colleagues: { id: string; name: string; count: number }[];
}

/**
 * The spans carrying `key`: a walk over every span (spans have no label
 * index: renaming or deleting a label is rare, and an index would cost
 * every span written). Use inside a transaction over spans.
 */
function spansWithLabel(db: WorkbenchDb, key: string) {
  return db.spans.filter((s) => s.label === key);
}

/**
 * How many spans carry `key`, per annotator, from the span counts (one
 * small row per annotator and document, kept with every span write).
 */
async function countsByAnnotator(db: WorkbenchDb, key: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.spanCounts.each((row) => {
    // Own keys only: a label keyed `constructor` is not Object's.
    const n = Object.hasOwn(row.counts, key) ? row.counts[key] : 0;
    if (n) counts.set(row.annotatorId, (counts.get(row.annotatorId) ?? 0) + n);
  });
  return counts;
}

/** Counts the spans carrying `key`, per kind of annotator. */
export async function labelUsage(db: WorkbenchDb, key: string): Promise<LabelUsage> {
  const counts = await countsByAnnotator(db, key);
  const ids = [...counts.keys()];
  const annotators = await db.annotators.bulkGet(ids);
  const usage: LabelUsage = { total: 0, self: 0, gold: 0, colleagues: [] };
  ids.forEach((id, i) => {
    const n = counts.get(id)!;
    const a = annotators[i];
    usage.total += n;
    if (a?.kind === 'self') usage.self += n;
    else if (id === GOLD_ANNOTATOR_ID || a?.kind === 'gold') usage.gold += n;
    else usage.colleagues.push({ id, name: a?.name ?? id, count: n });
  });
  usage.colleagues.sort((x, y) => x.name.localeCompare(y.name));
  return usage;
}

/** Says whose spans a label has, e.g. "yours 2, colleagues' 3 (Omar 2, Sara 1), gold 1". */
export function describeLabelUsage(u: LabelUsage): string {
  const colleagues = u.colleagues.reduce((n, c) => n + c.count, 0);
  const parts = [`yours ${u.self}`];
  if (colleagues > 0)
    parts.push(
      `colleagues' ${colleagues} (${u.colleagues.map((c) => `${c.name} ${c.count}`).join(', ')})`,
    );
  if (u.gold > 0) parts.push(`gold ${u.gold}`);
  return parts.join(', ');
}

/** Deletes a label with its spans; document stances naming it are cleared. */
export async function deleteLabel(db: WorkbenchDb, key: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.labels, db.spans, db.spanCounts, db.statuses, db.syncMeta],
    async () => {
      await requireRole(db, 'lead');
      const config = await getTeamConfig(db);
      if (config) {
        const users = await countsByAnnotator(db, key);
        if ([...users.keys()].some((id) => id !== config.user))
          throw new ProblemError(problem('label.teamInUse', { key }));
      }
      await spansWithLabel(db, key).delete();
      await db.statuses.filter((s) => s.docStance === key).modify({ docStance: null });
      await db.labels.delete(key);
    },
  );
}

/** A blank label for the editor, with the next unused palette colour. */
export function blankLabel(existing: readonly LabelDef[]): LabelDef {
  const used = new Set(existing.map((l) => l.color.toLowerCase()));
  const color = LABEL_PALETTE.find((c) => !used.has(c.toLowerCase())) ?? LABEL_PALETTE[0];
  const hotkeys = new Set(existing.map((l) => l.hotkey));
  const hotkey = [1, 2, 3, 4, 5, 6, 7, 8, 9].find((h) => !hotkeys.has(h)) ?? null;
  return { key: '', name: '', nameAr: '', color, hotkey, definition: '', examples: [], order: 0 };
}
