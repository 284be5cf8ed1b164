/**
 * The start-up check of the derived tables (see derived.ts): one settings
 * row records the version of the derived rows and of the tokenizer they
 * were computed with. A new profile is created with the current marker;
 * after an upgrade from a version without it, a restore of an older build's
 * backup, or a change of tokenizer, the marker differs and the tables are
 * rebuilt once. Nothing else is checked at start: every app write keeps
 * them in step (storeDocuments, the span-count middleware).
 */
import type { Table } from 'dexie';
import { TOKENIZER_VERSION } from '@core/token-pack.ts';
import { DERIVED_VERSION } from './derived.ts';
import {
  rebuildDocMeta,
  rebuildDocTokens,
  rebuildSpanCounts,
  rebuildSpanFacts,
  REBUILD_CHUNK,
} from './derived-rebuild.ts';
import type { WorkbenchDb } from './schema.ts';
import { getSetting, setSetting, type DerivedMarker } from './settings.ts';

/** The marker of derived tables computed by this build. */
export function currentDerivedMarker(): DerivedMarker {
  return { version: DERIVED_VERSION, tokenizer: TOKENIZER_VERSION };
}

/** Whether `marker` names this build's derived rows and tokenizer. */
export function isCurrentMarker(marker: DerivedMarker | undefined): boolean {
  return marker?.version === DERIVED_VERSION && marker.tokenizer === TOKENIZER_VERSION;
}

/**
 * Rebuilds the derived tables unless the marker says they are current (one
 * settings read). The list rows and the span counts are each rebuilt in
 * one transaction (a reader never sees them half-filled); the tokens, the
 * slow part, in small transactions so annotation never waits long (readers
 * tokenize where a document's tokens are missing). Returns true when it
 * rebuilt.
 */
export async function ensureDerived(db: WorkbenchDb): Promise<boolean> {
  if (isCurrentMarker(await getSetting(db, 'derivedTables'))) return false;
  const table = (name: string): Table => db.table(name);
  await db.transaction('rw', [db.documents, db.docMeta], () => rebuildDocMeta(table));
  await db.transaction('rw', [db.spans, db.spanCounts], () => rebuildSpanCounts(table));
  await db.transaction('rw', [db.spans, db.spanFacts], () => rebuildSpanFacts(table));
  // Documents stored from here on come with their tokens (a team
  // project's articles get theirs afterwards: token-backfill.ts): only
  // those present now are repacked.
  const ids = await db.transaction('rw', [db.documents, db.docTokens], async () => {
    await db.docTokens.clear();
    return (await db.documents.toCollection().primaryKeys()) as string[];
  });
  for (let i = 0; i < ids.length; i += REBUILD_CHUNK) {
    const chunk = ids.slice(i, i + REBUILD_CHUNK);
    await db.transaction('rw', [db.documents, db.docTokens], () => rebuildDocTokens(table, chunk));
  }
  await setSetting(db, 'derivedTables', currentDerivedMarker());
  return true;
}
