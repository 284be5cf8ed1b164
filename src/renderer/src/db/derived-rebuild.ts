/**
 * Recomputes the derived tables (see derived.ts) from documents and spans:
 * by the version-3 upgrade, and at start when a cheap check finds them out
 * of step with their sources (something wrote IndexedDB without the app's
 * middleware, e.g. a tool or a test working on the raw database).
 */
import type { Table } from 'dexie';
import type { DocumentRecord, SpanRecord } from '@core/model.ts';
import { TOKENIZER_VERSION } from '@core/token-pack.ts';
import { CountDeltas, docMetaOf, docTokensOf, type SpanCountRecord } from './derived.ts';
import type { WorkbenchDb } from './schema.ts';

/** Documents read at once while rebuilding. */
const CHUNK = 200;

/**
 * Refills docMeta, docTokens and spanCounts from the documents and spans
 * tables, within the caller's read-write (or upgrade) transaction.
 */
export async function rebuildDerived(table: (name: string) => Table): Promise<void> {
  for (const name of ['docMeta', 'docTokens', 'spanCounts']) await table(name).clear();
  const ids = (await table('documents').toCollection().primaryKeys()) as string[];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const docs = (await table('documents').bulkGet(ids.slice(i, i + CHUNK))) as DocumentRecord[];
    await table('docMeta').bulkPut(docs.map(docMetaOf));
    await table('docTokens').bulkPut(docs.map(docTokensOf));
  }
  const deltas = new CountDeltas();
  await table('spans').each((s: SpanRecord) => deltas.add(s, +1));
  const rows = deltas.merged([]).filter((r): r is SpanCountRecord => r !== null);
  await table('spanCounts').bulkPut(rows);
}

/**
 * Checks that the derived tables hold one row per document, tokens of the
 * current tokenizer, and as many counted spans as there are spans; rebuilds
 * them when not. Returns true
 * when it rebuilt.
 */
export async function healDerived(db: WorkbenchDb): Promise<boolean> {
  const tables = [db.documents, db.docMeta, db.docTokens, db.spans, db.spanCounts];
  const inStep = await db.transaction('r', tables, async () => {
    const [docs, meta, tokens, spans, counts, someTokens] = await Promise.all([
      db.documents.toCollection().primaryKeys(),
      db.docMeta.toCollection().primaryKeys(),
      db.docTokens.count(),
      db.spans.count(),
      db.spanCounts.toArray(),
      db.docTokens.toCollection().first(),
    ]);
    const counted = counts.reduce(
      (n, r) => n + Object.values(r.counts).reduce((a, b) => a + b, 0),
      0,
    );
    return (
      docs.length === meta.length &&
      docs.every((id, i) => id === meta[i]) &&
      tokens === docs.length &&
      // Tokens packed by an older tokenizer are packed again.
      (someTokens === undefined || someTokens.version === TOKENIZER_VERSION) &&
      counted === spans
    );
  });
  if (inStep) return false;
  console.warn('The derived tables were out of step with documents and spans: rebuilding them.');
  await db.transaction('rw', tables, () => rebuildDerived((name) => db.table(name)));
  return true;
}
