/**
 * What the label editor does, bound to the app's database: save, count the
 * uses of, and delete a label (the work is in db/labels.ts).
 */
import type { LabelDef } from '@core/model.ts';
import { db } from '../db/db.ts';
import { deleteLabel, labelUsage, saveLabel, type LabelUsage } from '../db/labels.ts';

/** Saves `label` (renaming label `key`, or adding it when `key` is null); resolves to what was stored. */
export function storeLabel(key: string | null, label: LabelDef): Promise<LabelDef> {
  return saveLabel(db, key, label);
}

/** Whose spans use label `key`, and how many. */
export function usageOf(key: string): Promise<LabelUsage> {
  return labelUsage(db, key);
}

/** Deletes label `key` and every span that has it, in one transaction. */
export function removeLabel(key: string): Promise<void> {
  return deleteLabel(db, key);
}
