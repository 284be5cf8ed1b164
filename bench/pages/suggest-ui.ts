/**
 * The app's suggestion service (src/renderer/src/suggest/service.ts) as
 * the workbench runs it, without React: it is given a corpus and the
 * analyst's spans, starts its Web Worker, trains and evaluates there, and
 * asks for the open document's suggestions. A PerformanceObserver watches
 * the main thread for long tasks (over 50 ms) from the moment the spans are
 * handed over until the service is idle again: what the analyst would feel
 * while typing or scrolling during a retrain.
 */
import type { SpanRecord } from '@core/model.ts';
import {
  openDocument,
  setCorpus,
  setOwnSpans,
  setThresholds,
} from '../../src/renderer/src/suggest/service.ts';
import { getSuggestState } from '../../src/renderer/src/suggest/store.ts';
import { benchDocId, generateArticle, generateSpans } from '../lib/corpus.ts';
import type { BenchGlobals, SuggestUiRun } from '../lib/page-api.ts';
import { problemText } from '@core/problems/problem.ts';
import { mulberry32 } from '../lib/prng.ts';
import { vocabulary } from './bench-vocab.ts';

/** Resolves once the service has trained, evaluated and refreshed. */
function idle(): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const s = getSuggestState();
      if (s.error) reject(new Error(problemText(s.error)));
      else if (s.phase === 'idle' && s.evaluation) resolve();
      else setTimeout(check, 20);
    };
    check();
  });
}

(window as unknown as BenchGlobals).suggestUiBench = {
  async run(spans: number): Promise<SuggestUiRun> {
    const r = mulberry32(41);
    const docs = Array.from({ length: Math.ceil(spans / 20) + 1 }, (_, i) => ({
      id: benchDocId(i),
      text: generateArticle(vocabulary, r, r.int(200, 800)),
    }));
    const own: SpanRecord[] = docs
      .slice(1)
      .flatMap((d, i) =>
        generateSpans(d.text, r, 20, { docId: d.id, annotatorId: 'bench', idPrefix: `${i}` }),
      );
    // Every suggester on, so the open document's suggestions are asked for.
    setThresholds({ matcher: 0, model: 0, 'cue-sentence': 0 });
    await setCorpus(docs);
    openDocument(docs[0]!.id);
    // Start watching in a task of its own: generating the data above is the
    // bench's work, not the app's.
    await new Promise((res) => setTimeout(res, 50));
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        tasks.push(e.duration);
        starts.push(Math.round(e.startTime - t0));
      }
    });
    const starts: number[] = [];
    let t0 = performance.now();
    observer.observe({ type: 'longtask', buffered: false });
    t0 = performance.now();
    await setOwnSpans('bench', own, []);
    await idle();
    const totalMs = performance.now() - t0;
    // Long tasks are reported after they end: let the last one arrive.
    await new Promise((res) => setTimeout(res, 100));
    observer.disconnect();
    // The floor: the same page, the same polling, as long, with no work given.
    const floor: number[] = [];
    const quiet = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) floor.push(e.duration);
    });
    quiet.observe({ type: 'longtask', buffered: false });
    const until = performance.now() + totalMs;
    await new Promise<void>((res) => {
      const tick = (): void => (performance.now() >= until ? res() : void setTimeout(tick, 20));
      tick();
    });
    await new Promise((res) => setTimeout(res, 100));
    quiet.disconnect();
    return {
      floor,
      at: starts,
      docs: docs.length,
      spans: own.length,
      totalMs,
      tasks,
      suggestions: getSuggestState().suggestions.length,
    };
  },
};
