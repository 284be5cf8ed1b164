/**
 * Dataset import into the store (reading and checking: dataset-analyze.ts;
 * deciding: src/core/import-plan): spans JSONL (ours and Prodigy db-out) and
 * doccano JSONL. A file is first read and checked line by line (the analyst
 * sees bad lines, unknown labels and missing annotators before anything is
 * written); then its ids are hashed (core's prepareImport, before any
 * transaction: IndexedDB transactions end when they wait on anything else),
 * and in one Dexie transaction the stored rows the plan needs are read,
 * core's planImport decides what to add, change or leave, and the plan is
 * written, so nothing is ever half-imported and a write made meanwhile is
 * seen. Importing the same file twice, or re-importing one's own export,
 * changes nothing.
 */
import { planImport } from '@core/import-plan/plan.ts';
import { checkImport, prepareImport, snapshotKeys } from '@core/import-plan/prepare.ts';
import {
  emptyReport,
  type ImportOptions as PlanOptions,
  type ImportPlan,
  type ImportReport,
  type ImportSnapshot,
  type PreparedRecord,
} from '@core/import-plan/types.ts';
import type { SpanRecord } from '@core/model.ts';
import { documentTables, storeDocuments } from './store-documents.ts';
import type { WorkbenchDb } from './schema.ts';
import { yieldToUi, type DatasetAnalysis, type ImportProgress } from './dataset-analyze.ts';

// Reading lives in dataset-analyze.ts; callers import both steps from here.
export {
  analyzeFile,
  looksLikeDataset,
  unreadableProblem,
  type DatasetAnalysis,
  type FileAnalysis,
  type ImportProgress,
} from './dataset-analyze.ts';
export type { ImportReport } from '@core/import-plan/types.ts';

/** How to import an analysed file (core's options, with progress). */
export interface ImportOptions extends PlanOptions {
  onProgress?: (p: ImportProgress) => void;
}

/** Spans written per progress step. */
const SPAN_CHUNK = 2000;

/** Reads, in the caller's transaction, the stored rows the plan of `prepared` looks at. */
async function readSnapshot(
  db: WorkbenchDb,
  prepared: readonly PreparedRecord[],
): Promise<ImportSnapshot> {
  const keys = snapshotKeys(prepared);
  const [docs, storedDocIds, labels, annotators, actors, spans, statuses, lineTokens, tokenSets] =
    await Promise.all([
      db.documents.bulkGet(keys.docIds),
      db.documents.where(':id').anyOf(keys.textIds).primaryKeys(),
      db.labels.toArray(),
      db.annotators.bulkGet(keys.annotatorIds),
      db.actors.toArray(),
      db.spans.where('[docId+annotatorId]').anyOf(keys.pairs).toArray(),
      db.statuses.bulkGet(keys.pairs),
      db.lineTokens.bulkGet(keys.pairs),
      db.tokenSets.bulkGet(keys.tokenSets),
    ]);
  const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => !!r);
  return {
    docTexts: new Map(present(docs).map((d) => [d.id, d.text])),
    storedDocIds: new Set(storedDocIds),
    labels,
    annotatorIds: new Set(present(annotators).map((a) => a.id)),
    actors,
    spans,
    statuses: present(statuses),
    lineTokens: present(lineTokens),
    tokenSets: present(tokenSets),
  };
}

/** Writes a plan, in the caller's transaction; spans in chunks, with progress. */
async function writePlan(
  db: WorkbenchDb,
  plan: ImportPlan,
  progress: (spansDone: number, spansTotal: number) => void,
): Promise<void> {
  await db.actors.bulkAdd(plan.actors);
  await db.labels.bulkAdd(plan.labels);
  await db.annotators.bulkAdd(plan.annotators);
  await storeDocuments(db, plan.documents);
  // New spans are added (the span counts then read nothing); only changed
  // ones replace a stored record.
  const spans: [SpanRecord, 'add' | 'put'][] = [
    ...plan.spansToAdd.map((s) => [s, 'add'] as [SpanRecord, 'add']),
    ...plan.spansToUpdate.map((s) => [s, 'put'] as [SpanRecord, 'put']),
  ];
  for (let i = 0; i < spans.length; i += SPAN_CHUNK) {
    const chunk = spans.slice(i, i + SPAN_CHUNK);
    await db.spans.bulkAdd(chunk.filter(([, how]) => how === 'add').map(([s]) => s));
    await db.spans.bulkPut(chunk.filter(([, how]) => how === 'put').map(([s]) => s));
    progress(i + chunk.length, spans.length);
  }
  await db.lineTokens.bulkPut(plan.lineTokens);
  await db.tokenSets.bulkPut(plan.tokenSets);
  await db.statuses.bulkPut(plan.statuses);
}

/**
 * Writes an analysed dataset into the store in one transaction. Refuses
 * (writing nothing) when the file has bad lines and `validOnly` is not set,
 * or when lines have no annotator and none was given.
 */
export async function importDataset(
  db: WorkbenchDb,
  analysis: DatasetAnalysis,
  opts: ImportOptions,
): Promise<ImportReport> {
  const check = checkImport(analysis, opts);
  if (!check.ok) return emptyReport(analysis.fileName, analysis.errors, check.problem);
  const n = analysis.records.length;
  const total = n * 2;
  const now = Date.now();
  // Half the progress is hashing, the other half writing.
  const prepared = await prepareImport(analysis, opts, check.fallback, async (done) => {
    opts.onProgress?.({ phase: 'writing', done, total });
    await yieldToUi();
  });
  const report = await db.transaction(
    'rw',
    [
      ...documentTables(db),
      db.spans,
      db.annotators,
      db.labels,
      db.statuses,
      db.tokenSets,
      db.lineTokens,
      db.actors,
    ],
    async () => {
      const plan = planImport(analysis, prepared, opts, await readSnapshot(db, prepared), now);
      if (!plan.report.imported) return plan.report;
      await writePlan(db, plan, (done, of) =>
        opts.onProgress?.({ phase: 'writing', done: n + Math.round((done / of) * n), total }),
      );
      return plan.report;
    },
  );
  if (report.imported) opts.onProgress?.({ phase: 'writing', done: total, total });
  return report;
}
