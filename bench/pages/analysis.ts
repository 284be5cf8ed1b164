/**
 * The Analysis view's data where the app computes it, in the renderer:
 * a profile seeded through the data layer with the fixed-seed project of
 * bench/lib/analysis-data.ts, then what opening the view costs: reading the
 * span facts, document rows and actors from IndexedDB (readAnalysisInput) and
 * computing the view (computeAnalysis), timed apart.
 *
 * Hook for the Analysis UI: once it exists, time from the start of
 * `loadAnalysis` to the first frame after it renders (e.g. a
 * requestAnimationFrame after React commits the table) in a `paint`
 * function here, and report it as `firstPaintMs` (bench/sections/actors.ts);
 * the target row then judges that figure.
 */
import { computeAnalysis, type AnalysisDoc } from '@core/actors/analysis.ts';
import { searchKey } from '@core/document.ts';
import type { DocumentRecord } from '@core/model.ts';
import { readAnalysisInput } from '../../src/renderer/src/db/analysis.ts';
import { openWorkbenchDb } from '../../src/renderer/src/db/db.ts';
import { createDb, type WorkbenchDb } from '../../src/renderer/src/db/schema.ts';
import { documentTables, storeDocuments } from '../../src/renderer/src/db/store-documents.ts';
import { analysisData, type AnalysisData } from '../lib/analysis-data.ts';
import type { BenchGlobals } from '../lib/page-api.ts';
import { vocabulary } from './bench-vocab.ts';

let db: WorkbenchDb | null = null;
let data: AnalysisData | null = null;

(window as unknown as BenchGlobals).analysisBench = {
  async seed(spans, actors) {
    const t0 = performance.now();
    data = analysisData(vocabulary, spans, actors);
    db = await openWorkbenchDb(createDb('bench-analysis'));
    const docs: DocumentRecord[] = data.docs.map((d) => ({
      id: d.id,
      text: d.text,
      rawText: d.text,
      textSource: 'clean',
      removed: [],
      title: d.title,
      date: d.date,
      author: null,
      outlet: d.outlet,
      file: null,
      importedAt: 1,
      folded: searchKey(d.title, d.text),
    }));
    const d = db;
    await d.transaction('rw', [...documentTables(d), d.actors], async () => {
      await storeDocuments(d, docs);
      await d.actors.bulkPut(data!.actors);
    });
    for (let i = 0; i < data.spans.length; i += 2000)
      await d.spans.bulkPut(data.spans.slice(i, i + 2000));
    return { docs: docs.length, spans: await d.spans.count(), ms: performance.now() - t0 };
  },
  async open(annotator) {
    const d = db!;
    const filter = annotator ? { annotators: [annotator] } : {};
    const t0 = performance.now();
    const input = await readAnalysisInput(d, filter);
    const t1 = performance.now();
    const view = computeAnalysis(input.spans, input.docs, input.actors, filter);
    const t2 = performance.now();
    return {
      read: t1 - t0,
      compute: t2 - t1,
      total: t2 - t0,
      spans: input.spans.length,
      rows: view.rows.length,
      statements: view.totals.total,
    };
  },
  computeInMemory() {
    const docs = new Map<string, AnalysisDoc>(data!.docs.map((x) => [x.id, x]));
    const t0 = performance.now();
    computeAnalysis(data!.spans, docs, data!.actors);
    return performance.now() - t0;
  },
  async drop() {
    await db?.delete();
    db = null;
  },
};
