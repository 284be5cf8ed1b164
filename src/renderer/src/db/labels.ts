/**
 * Editing the label set. Spans and document stances store a label's key,
 * so renaming a label re-keys it and relabels everything that carries it in
 * one transaction; deleting a label removes its spans too (the UI asks first).
 */
import { labelKeyFromName, LABEL_PALETTE } from '@core/labels.ts';
import type { LabelDef } from '@core/model.ts';
import type { WorkbenchDb } from './schema.ts';

/** Checks an edited label against the others; returns a message or null. */
export function validateLabel(label: LabelDef, others: readonly LabelDef[]): string | null {
  if (!label.name.trim()) return 'Give the label a name.';
  const key = labelKeyFromName(label.name);
  if (!key) return 'The name needs at least one letter or digit.';
  if (key === 'neutral') return '“neutral” is reserved for the document stance.';
  if (others.some((o) => o.key === key)) return `Another label is already called “${key}”.`;
  if (label.hotkey !== null && others.some((o) => o.hotkey === label.hotkey))
    return `Hotkey ${label.hotkey} is already used by “${others.find((o) => o.hotkey === label.hotkey)?.key}”.`;
  if (label.hotkey !== null && !(label.hotkey >= 1 && label.hotkey <= 9))
    return 'A hotkey is a digit from 1 to 9.';
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
  await db.transaction('rw', [db.labels, db.spans, db.statuses], async () => {
    const others = (await db.labels.toArray()).filter((l) => l.key !== oldKey);
    const problem = validateLabel(record, others);
    if (problem) throw new Error(problem);
    if (oldKey === null) {
      record.order = others.reduce((m, l) => Math.max(m, l.order + 1), 0);
    } else if (oldKey !== key) {
      await db.labels.delete(oldKey);
      const now = Date.now();
      await db.spans.where('label').equals(oldKey).modify({ label: key, updatedAt: now });
      await db.statuses
        .filter((s) => s.docStance === oldKey)
        .modify({ docStance: key, updatedAt: now });
    }
    await db.labels.put(record);
  });
  return record;
}

/** How many spans (of any annotator) carry `key`. */
export function countSpansWithLabel(db: WorkbenchDb, key: string): Promise<number> {
  return db.spans.where('label').equals(key).count();
}

/** Deletes a label with its spans; document stances naming it are cleared. */
export async function deleteLabel(db: WorkbenchDb, key: string): Promise<void> {
  await db.transaction('rw', [db.labels, db.spans, db.statuses], async () => {
    await db.spans.where('label').equals(key).delete();
    await db.statuses.filter((s) => s.docStance === key).modify({ docStance: null });
    await db.labels.delete(key);
  });
}

/** A blank label for the editor, with the next unused palette colour. */
export function blankLabel(existing: readonly LabelDef[]): LabelDef {
  const used = new Set(existing.map((l) => l.color.toLowerCase()));
  const color = LABEL_PALETTE.find((c) => !used.has(c.toLowerCase())) ?? LABEL_PALETTE[0];
  const hotkeys = new Set(existing.map((l) => l.hotkey));
  const hotkey = [1, 2, 3, 4, 5, 6, 7, 8, 9].find((h) => !hotkeys.has(h)) ?? null;
  return { key: '', name: '', nameAr: '', color, hotkey, definition: '', examples: [], order: 0 };
}
