/**
 * Schema version 11's data move (issue 14): documents whose page gave no
 * title had a cut-off first sentence stored as their title (article 000 of
 * the sample corpus: "قال رئيس الوزراء العراقي، … لمحاربة…"). They now keep
 * none, and the UI says "No title" beside their opening words. Works on
 * tables by name within the upgrade transaction, like derived-rebuild.ts.
 */
import { searchKey } from '@core/document.ts';
import { isDerivedTitle } from '@core/legacy-titles.ts';
import type { DocumentRecord } from '@core/model.ts';
import { docMetaOf } from './derived.ts';
import { REBUILD_CHUNK, type TableOf } from './derived-rebuild.ts';

/**
 * Clears every cut-off title older versions invented, and rewrites those
 * documents' list rows (with their opening words). Returns how many
 * documents changed. Reads the documents a chunk at a time.
 */
export async function clearCutOffTitles(table: TableOf): Promise<number> {
  const ids = (await table('documents').toCollection().primaryKeys()) as string[];
  let changed = 0;
  for (let i = 0; i < ids.length; i += REBUILD_CHUNK) {
    const docs = (await table('documents').bulkGet(ids.slice(i, i + REBUILD_CHUNK))) as (
      DocumentRecord | undefined
    )[];
    const fixed = docs
      .filter((d): d is DocumentRecord => d !== undefined && isDerivedTitle(d.title, d.text))
      .map((d) => ({ ...d, title: '', folded: searchKey('', d.text) }));
    if (fixed.length === 0) continue;
    await table('documents').bulkPut(fixed);
    await table('docMeta').bulkPut(fixed.map(docMetaOf));
    changed += fixed.length;
  }
  return changed;
}
