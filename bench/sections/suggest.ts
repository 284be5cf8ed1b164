/**
 * Suggestions (issue 13): the Node figures of bench/node/suggest.ts
 * (matching, training, suggesting, at several sizes), plus, in Chromium,
 * the main thread while the app's suggestion service retrains: the
 * longest task a PerformanceObserver sees from handing the analyst's spans
 * over until the model is trained, evaluated and the open document's
 * suggestions are refreshed (bench/pages/suggest-ui.ts).
 */
import { closeProfile, echoErrors, launchProfile } from '../lib/browser.ts';
import type { BenchContext } from '../lib/context.ts';
import type { BenchGlobals, SuggestUiRun } from '../lib/page-api.ts';
import { figure, type SectionResult } from '../lib/results.ts';
import { nodeSection } from './node.ts';

export async function benchSuggest(ctx: BenchContext): Promise<SectionResult> {
  const result = await nodeSection('suggest')(ctx);
  const started = performance.now();
  const sizes = ctx.quick ? [500] : [1_000, 5_000];
  const runs = ctx.quick ? 1 : 3;
  const context = await launchProfile('suggest');
  try {
    for (const spans of sizes) {
      const all: SuggestUiRun[] = [];
      for (let k = 0; k < runs; k++) {
        // A fresh page each run: a fresh worker, nothing learned before.
        const page = await context.newPage();
        echoErrors(page, 'suggest');
        await page.goto(`${ctx.origin}/__bench/suggest-ui.html`);
        await page.waitForFunction(() => 'suggestUiBench' in globalThis);
        all.push(
          await page.evaluate(
            (n) => (globalThis as unknown as BenchGlobals).suggestUiBench.run(n),
            spans,
          ),
        );
        await page.close();
      }
      ctx.log(
        `suggest: main thread at ${spans} spans: ${all.map((r) => `${r.tasks.length} long task(s) [${r.tasks.map((d, i) => `${d.toFixed(0)} ms at +${r.at[i]} ms`).join(', ')}] in ${r.totalMs.toFixed(0)} ms; floor ${r.floor.length} [${r.floor.map((d) => d.toFixed(0)).join(', ')}]`).join('; ')}`,
      );
      const n = `${all[0]!.spans.toLocaleString('en')} spans, ${all[0]!.docs.toLocaleString('en')} documents`;
      result.figures[`mainLongestTaskMs.${spans}`] = figure(
        `in Chromium, the app's suggestion service retraining and evaluating (${n}): the longest main-thread task meanwhile (0: none over 50 ms)`,
        'ms',
        all.map((r) => Math.max(0, ...r.tasks)),
      );
      result.figures[`mainLongTasks.${spans}`] = figure(
        'the same, main-thread tasks over 50 ms',
        'count',
        all.map((r) => r.tasks.length),
      );
      result.figures[`mainLongestFloorMs.${spans}`] = figure(
        'floor: the same page as long afterwards with no work given, its longest main-thread task (0: none over 50 ms)',
        'ms',
        all.map((r) => Math.max(0, ...r.floor)),
      );
      result.figures[`retrainMs.${spans}`] = figure(
        `the same, from handing the spans over to idle (trained, evaluated, ${all[0]!.suggestions} suggestions shown)`,
        'ms',
        all.map((r) => r.totalMs),
      );
    }
    result.notes.push(
      "Chromium: bench/pages/suggest-ui.ts drives the app's suggestion service (src/renderer/src/suggest/service.ts) without React: the corpus, then the analyst's spans; a PerformanceObserver of type longtask watches the main thread until the worker has trained, evaluated (at most 10 folds) and the open document's suggestions are back. A fresh page (and worker) each run.",
    );
    result.seconds += (performance.now() - started) / 1000;
    return result;
  } finally {
    await closeProfile(context, 'suggest');
  }
}
