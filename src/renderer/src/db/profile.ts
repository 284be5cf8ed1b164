/**
 * The analyst's own profile: created once at first run with their name,
 * together with the default label set.
 */
import { describeChar, firstUnsafeChar } from '@core/ids.ts';
import { DEFAULT_LABELS } from '@core/labels.ts';
import type { AnnotatorRecord } from '@core/model.ts';
import type { WorkbenchDb } from './schema.ts';
import { getSetting } from './settings.ts';

/** Makes an annotator id from a display name: trimmed, NFC, spaces as `-`. */
export function annotatorIdFromName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, '-');
}

/** Validates an analyst's name; returns an error message or null. */
export function validateAnalystName(name: string): string | null {
  const n = name.trim();
  if (n.length === 0) return 'Enter your name: it is stored with every span you make.';
  if (n.length > 80) return 'The name is too long (80 characters at most).';
  if (n.toLowerCase() === 'gold') return '“gold” is reserved for the adjudicated layer.';
  // The name becomes the annotator id of every span and export (src/core/ids.ts).
  const unsafe = firstUnsafeChar(n);
  if (unsafe !== null)
    return `Your name contains ${describeChar(unsafe)}, an invisible or control character: type it without.`;
  return null;
}

/**
 * Creates the analyst's profile and the default labels in one transaction,
 * so a crash never leaves half a first run.
 */
export async function createProfile(db: WorkbenchDb, name: string): Promise<AnnotatorRecord> {
  const problem = validateAnalystName(name);
  if (problem) throw new Error(problem);
  const record: AnnotatorRecord = {
    id: annotatorIdFromName(name),
    name: name.normalize('NFC').trim(),
    kind: 'self',
    createdAt: Date.now(),
  };
  await db.transaction('rw', [db.annotators, db.labels, db.settings], async () => {
    await db.annotators.put(record);
    if ((await db.labels.count()) === 0)
      await db.labels.bulkAdd(DEFAULT_LABELS.map((l) => ({ ...l })));
    await db.settings.put({ key: 'selfAnnotatorId', value: record.id });
  });
  return record;
}

/** The analyst's own annotator record, or null before the first run ends. */
export async function getSelf(db: WorkbenchDb): Promise<AnnotatorRecord | null> {
  const id = await getSetting(db, 'selfAnnotatorId');
  if (!id) return null;
  return (await db.annotators.get(id)) ?? null;
}
