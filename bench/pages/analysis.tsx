/**
 * The Analysis view's data where the app computes it, in the renderer:
 * a profile seeded through the data layer with the fixed-seed project of
 * bench/lib/analysis-data.ts, then what opening the view costs: reading the
 * span facts, document rows and actors from IndexedDB (readAnalysisInput) and
 * computing the view (computeAnalysis), timed apart; and the first paint of
 * the app's own Analysis view (src/renderer/src/actors/AnalysisView.tsx):
 * from mounting it to the first frame painted after its table is in the
 * page (reported as `firstPaintMs`). The profile is the app's database on
 * this origin, which the view's hooks read.
 */
import { createRoot } from 'react-dom/client';
import { computeAnalysis, type AnalysisDoc } from '@core/actors/analysis.ts';
import { searchKey } from '@core/document.ts';
import type { DocumentRecord } from '@core/model.ts';
import { readAnalysisInput } from '../../src/renderer/src/db/analysis.ts';
import { AnalysisView } from '../../src/renderer/src/actors/AnalysisView.tsx';
import { I18nProvider } from '../../src/renderer/src/i18n/I18nProvider.tsx';
import { db as appDb, openWorkbenchDb } from '../../src/renderer/src/db/db.ts';
import type { WorkbenchDb } from '../../src/renderer/src/db/schema.ts';
import '../../src/renderer/src/styles.css';
import { documentTables, storeDocuments } from '../../src/renderer/src/db/store-documents.ts';
import { analysisData, type AnalysisData } from '../lib/analysis-data.ts';
import type { BenchGlobals } from '../lib/page-api.ts';
import { vocabulary } from './bench-vocab.ts';

let db: WorkbenchDb | null = null;

/** Resolves after the next frame has been painted. */
const painted = (): Promise<void> =>
  new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Resolves once `test()` holds, checked after every DOM change under `root`. */
function until(root: HTMLElement, test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test()) return resolve();
    const o = new MutationObserver(() => {
      if (test()) {
        o.disconnect();
        resolve();
      }
    });
    o.observe(root, { childList: true, subtree: true });
  });
}
let data: AnalysisData | null = null;

(window as unknown as BenchGlobals).analysisBench = {
  async seed(spans, actors) {
    const t0 = performance.now();
    data = analysisData(vocabulary, spans, actors);
    db = await openWorkbenchDb(appDb);
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
  async paint(mode) {
    const d = db!;
    if (mode === 'changed') {
      // One span written again as it was: a change, so nothing kept is current.
      const one = await d.spans.limit(1).first();
      if (one) await d.spans.put(one);
    }
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const self = { id: 'A', name: 'A', kind: 'self' as const, createdAt: 0 };
    const t0 = performance.now();
    root.render(
      <I18nProvider open>
        <AnalysisView self={self} onOpenSpan={() => undefined} />
      </I18nProvider>,
    );
    await until(host, () => host.querySelector('table.analysis-table tbody tr') !== null);
    await painted();
    const ms = performance.now() - t0;
    const rows = host.querySelectorAll('table.analysis-table tbody tr').length;
    const stale = host.querySelector('table.analysis-table[aria-busy="true"]') !== null;
    // The exact figures: a table no longer marked as being updated.
    await until(host, () => host.querySelector('table.analysis-table[aria-busy="false"]') !== null);
    await painted();
    const exactMs = performance.now() - t0;
    // Then the statements behind a count: open the first one's evidence.
    host.querySelector<HTMLButtonElement>('table.analysis-table tbody td button')!.click();
    await until(host, () => host.querySelector('section.evidence li') !== null);
    await painted();
    const evidenceMs = performance.now() - t0;
    // The summary kept for the next visit is written after the whole view.
    await new Promise<void>((resolve) => {
      const check = (): void => {
        void d.viewCache.toArray().then((rows) => {
          const gen = rows.find((r) => r.key === 'gen')?.gen ?? 'initial';
          if (rows.some((r) => r.key.startsWith('analysis:') && r.gen === gen)) resolve();
          else setTimeout(check, 20);
        });
      };
      check();
    });
    root.unmount();
    host.remove();
    return { ms, rows, stale, exactMs, evidenceMs };
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
