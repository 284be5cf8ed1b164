/**
 * The Analysis view's data: what it reads from IndexedDB (spans, the
 * documents' list rows, actors) and the view core computes from them
 * (src/core/actors/analysis.ts). bench/pages/analysis.ts times both.
 */
import {
  computeAnalysis,
  type AnalysisDoc,
  type AnalysisFilter,
  type AnalysisOptions,
  type AnalysisView,
} from '@core/actors/analysis.ts';
import type { ActorRecord, SpanRecord } from '@core/model.ts';
import type { WorkbenchDb } from './schema.ts';

/** What the Analysis view reads: the spans that can pass the filter, documents and actors. */
export interface AnalysisInput {
  spans: SpanRecord[];
  docs: Map<string, AnalysisDoc>;
  actors: ActorRecord[];
}

/**
 * Reads what the Analysis view needs in one read transaction: spans (only
 * the filtered annotators' when there is an annotator filter, through the
 * annotatorId index), the documents' list rows (docMeta: title, date,
 * outlet, never the texts) and the actors.
 */
export async function readAnalysisInput(
  db: WorkbenchDb,
  filter: AnalysisFilter = {},
): Promise<AnalysisInput> {
  return db.transaction('r', [db.spans, db.docMeta, db.actors], async () => {
    const [spans, meta, actors] = await Promise.all([
      filter.annotators
        ? db.spans
            .where('annotatorId')
            .anyOf([...filter.annotators])
            .toArray()
        : db.spans.toArray(),
      db.docMeta.toArray(),
      db.actors.toArray(),
    ]);
    const docs = new Map<string, AnalysisDoc>(
      meta.map((m) => [m.id, { id: m.id, title: m.title, date: m.date, outlet: m.outlet }]),
    );
    return { spans, docs, actors };
  });
}

/**
 * The Analysis view's data: readAnalysisInput, then core's computeAnalysis.
 * For a live view, call it inside useLiveQuery.
 */
export async function loadAnalysis(
  db: WorkbenchDb,
  filter: AnalysisFilter = {},
  options: AnalysisOptions = {},
): Promise<AnalysisView & { input: AnalysisInput }> {
  const input = await readAnalysisInput(db, filter);
  return { ...computeAnalysis(input.spans, input.docs, input.actors, filter, options), input };
}
