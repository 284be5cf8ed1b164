/**
 * The Analysis view's data: what it reads from IndexedDB (the span facts,
 * the documents' list rows, actors) and the view core computes from them
 * (src/core/actors/analysis.ts). bench/pages/analysis.ts times both.
 */
import {
  computeAnalysis,
  type AnalysisDoc,
  type AnalysisFilter,
  type AnalysisOptions,
  type AnalysisView,
} from '@core/actors/analysis.ts';
import {
  analysisSummarySchema,
  summarizeAnalysis,
  type AnalysisSummary,
} from '@core/actors/analysis-summary.ts';
import type { ActorRecord } from '@core/model.ts';
import type { WorkbenchDb } from './schema.ts';
import { unpackFacts, type SpanFact } from './span-facts.ts';
import { keepView, readKeptView, untrackedGeneration } from './view-cache.ts';

/** What the Analysis view reads: the spans that can pass the filter, documents and actors. */
export interface AnalysisInput {
  /** In span id order, as the spans table holds them. */
  spans: SpanFact[];
  docs: Map<string, AnalysisDoc>;
  actors: ActorRecord[];
  /** The project's generation, read just before these (view-cache.ts). */
  gen: string;
}

/**
 * Reads what the Analysis view needs in one read transaction: the span
 * facts (one row per document, span-facts.ts; only the filtered
 * annotators' spans are kept), the documents' list rows (docMeta: title,
 * date, outlet, never the texts) and the actors.
 */
export async function readAnalysisInput(
  db: WorkbenchDb,
  filter: AnalysisFilter = {},
): Promise<AnalysisInput> {
  const gen = await untrackedGeneration(db);
  return db.transaction('r', [db.spanFacts, db.docMeta, db.actors], async () => {
    const [rows, meta, actors] = await Promise.all([
      db.spanFacts.toArray(),
      db.docMeta.toArray(),
      db.actors.toArray(),
    ]);
    const only = filter.annotators ? new Set(filter.annotators) : null;
    const spans: SpanFact[] = [];
    for (const r of rows)
      for (const f of unpackFacts(r)) if (!only || only.has(f.annotatorId)) spans.push(f);
    // Span id order, as the spans table gives them: the view names a
    // free-text holder by the first spelling it meets.
    spans.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const docs = new Map<string, AnalysisDoc>(
      meta.map((m) => [m.id, { id: m.id, title: m.title, date: m.date, outlet: m.outlet }]),
    );
    return { spans, docs, actors, gen };
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

/** The key a summary of the view for `filter` and `options` is kept under. */
export function analysisKey(filter: AnalysisFilter, options: AnalysisOptions): string {
  return `analysis:${JSON.stringify([filter, options])}`;
}

/** A kept summary, and whether nothing it counts has changed since. */
export interface KeptAnalysisSummary {
  summary: AnalysisSummary;
  current: boolean;
}

/**
 * The summary kept for `filter` and `options` at the last visit, if any
 * (view-cache.ts), and the project's current generation: one small read.
 * A damaged row counts as none.
 */
export async function readAnalysisSummary(
  db: WorkbenchDb,
  filter: AnalysisFilter,
  options: AnalysisOptions,
): Promise<{ kept: KeptAnalysisSummary | undefined; gen: string }> {
  const { kept, gen } = await readKeptView(db, analysisKey(filter, options));
  if (!kept) return { kept: undefined, gen };
  const checked = analysisSummarySchema.safeParse(kept.value);
  return {
    kept: checked.success ? { summary: checked.data, current: kept.current } : undefined,
    gen,
  };
}

/** Keeps the summary of `view` (unless the project changed since it was read). */
export async function keepAnalysisSummary(
  db: WorkbenchDb,
  filter: AnalysisFilter,
  options: AnalysisOptions,
  view: AnalysisView & { input: AnalysisInput },
): Promise<AnalysisSummary> {
  const summary = summarizeAnalysis(view, view.input.docs);
  await keepView(db, analysisKey(filter, options), view.input.gen, summary);
  return summary;
}
