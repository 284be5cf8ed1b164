/**
 * Whether a profile still needs the built-in sample corpus: one settings
 * read, kept apart from db/sample-corpus.ts (the articles themselves and
 * the HTML extraction they go through), which is loaded on demand only
 * when the corpus is due (first run, or a new version of it).
 */
import type { WorkbenchDb } from './schema.ts';
import { getSetting } from './settings.ts';

/** Bump when the bundled corpus changes, so existing profiles get it. */
export const SAMPLE_CORPUS_VERSION = 1;

/** True when this profile does not hold the current sample corpus yet. */
export async function sampleCorpusDue(db: WorkbenchDb): Promise<boolean> {
  const have = await getSetting(db, 'sampleCorpusVersion');
  return have === undefined || have < SAMPLE_CORPUS_VERSION;
}
