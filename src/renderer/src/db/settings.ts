/** Typed access to the settings table. */
import type { WorkbenchDb } from './schema.ts';

/** Keys of known settings and the types of their values. */
export interface Settings {
  selfAnnotatorId: string;
  fontSize: number;
  sampleCorpusVersion: number;
  /** Which derived rows and tokenizer the derived tables follow (derived-check.ts). */
  derivedTables: DerivedMarker;
  /** Held-out F1 each suggester must reach to switch on (suggest/, docs/suggestions.md). */
  suggestThresholds: Record<string, number>;
  /** Suggestions accepted and rejected, per label. */
  suggestTallies: Record<string, SuggestTally>;
  /** The interface language ('en' or 'ar'); unset: the system's (i18n/locale.ts). */
  uiLanguage: string;
  /** 'latn' (0-9) or 'arab' (٠-٩) digits; unset: the language's default. */
  digits: string;
  /** Focus mode: the side panels hidden, the reading pane takes the window. */
  focusMode: boolean;
}

/** How many suggestions of one label the analyst accepted and rejected. */
export interface SuggestTally {
  accepted: number;
  rejected: number;
}

/** The versions the stored derived rows were computed with. */
export interface DerivedMarker {
  version: number;
  tokenizer: number;
}

/** Reads a setting, or undefined when unset. */
export async function getSetting<K extends keyof Settings>(
  db: WorkbenchDb,
  key: K,
): Promise<Settings[K] | undefined> {
  const rec = await db.settings.get(key);
  return rec?.value as Settings[K] | undefined;
}

/** Writes a setting. */
export async function setSetting<K extends keyof Settings>(
  db: WorkbenchDb,
  key: K,
  value: Settings[K],
): Promise<void> {
  await db.settings.put({ key, value });
}
