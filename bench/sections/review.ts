/**
 * Review at scale: a profile of 10,000 documents, three colleagues and
 * about 100,000 spans (seeded through the data layer on the app's origin),
 * then the app's review components mounted on it in Chromium: one
 * document's review, accept or reject to repainted, and the agreement
 * dashboard (figures, then bootstrap intervals). Each run opens a fresh
 * page, so nothing read before is cached.
 */
import { closeProfile, echoErrors, launchProfile } from '../lib/browser.ts';
import type { BenchContext } from '../lib/context.ts';
import type { BenchGlobals } from '../lib/page-api.ts';
import { figure, type SectionResult } from '../lib/results.ts';

export async function benchReview(ctx: BenchContext): Promise<SectionResult> {
  const started = performance.now();
  const docs = ctx.quick ? 1_000 : 10_000;
  const runs = ctx.quick ? 2 : 5;
  const context = await launchProfile('review');
  try {
    const page = await context.newPage();
    echoErrors(page, 'review');
    const open = async (): Promise<void> => {
      await page.goto(`${ctx.origin}/__bench/review.html`);
      await page.waitForFunction(() => 'reviewBench' in globalThis);
    };
    await open();
    const seeded = await page.evaluate(
      (n) => (globalThis as unknown as BenchGlobals).reviewBench.seed(n),
      docs,
    );
    ctx.log(
      `review: seeded ${seeded.docs} documents, ${seeded.spans} spans in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    const openMs: number[] = [];
    const decideMs: number[] = [];
    const storedMs: number[] = [];
    const dashMs: number[] = [];
    const firstVisit: number[] = [];
    const marked: boolean[] = [];
    const exactMs: number[] = [];
    const againMs: number[] = [];
    const ciMs: number[] = [];
    let scope = '';
    for (let run = 0; run < runs; run++) {
      await open();
      // Documents spread over the corpus; each opened once, cold.
      for (let k = 0; k < 4; k++) {
        const id = seeded.ids[((run * 4 + k) * 397) % seeded.ids.length]!;
        openMs.push(
          await page.evaluate(
            (d) => (globalThis as unknown as BenchGlobals).reviewBench.openReview(d),
            id,
          ),
        );
        const decided = await page.evaluate(() =>
          (globalThis as unknown as BenchGlobals).reviewBench.decide(4),
        );
        decideMs.push(...decided.painted);
        storedMs.push(...decided.stored);
      }
      await open();
      const d = await page.evaluate(() =>
        (globalThis as unknown as BenchGlobals).reviewBench.dashboard(),
      );
      ctx.log(
        `review: dashboard ${Math.round(d.figures)} ms (${d.marked ? 'kept, marked' : 'computed'}), exact ${Math.round(d.exact)} ms; its live query: ${d.marks}`,
      );
      // The profile's first visit has nothing kept; later ones follow adjudications.
      if (run === 0) firstVisit.push(d.figures);
      else {
        dashMs.push(d.figures);
        marked.push(d.marked);
        exactMs.push(d.exact);
        ciMs.push(d.intervals);
      }
      scope = d.scope;
      // Opened again at once: nothing changed since.
      await open();
      const again = await page.evaluate(() =>
        (globalThis as unknown as BenchGlobals).reviewBench.dashboard(),
      );
      againMs.push(again.figures);
    }
    // The background keeper's count (what the app does at a quiet moment
    // once colleagues' work is in), then a first visit in that session.
    const keeperCount: number[] = [];
    const keeperTask: number[] = [];
    const keeperHeap: number[] = [];
    const afterKeeper: number[] = [];
    const afterKeeperExact: number[] = [];
    const cdp = await context.newCDPSession(page);
    const heapMB = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / (1024 * 1024);
    };
    for (let run = 0; run < (ctx.quick ? 1 : 2); run++) {
      await open();
      const before = await heapMB();
      const k = await page.evaluate(() =>
        (globalThis as unknown as BenchGlobals).reviewBench.keeperCount(),
      );
      const retained = (await heapMB()) - before;
      const d = await page.evaluate(() =>
        (globalThis as unknown as BenchGlobals).reviewBench.dashboard(),
      );
      ctx.log(
        `review: keeper counted in ${Math.round(k.countMs)} ms (longest task ${Math.round(k.longestTaskMs)} ms, ${retained.toFixed(1)} MB kept after it); then the dashboard ${Math.round(d.figures)} ms (${d.marked ? 'kept, marked' : 'computed'}), exact ${Math.round(d.exact)} ms; ${d.marks}`,
      );
      keeperCount.push(k.countMs);
      keeperTask.push(k.longestTaskMs);
      keeperHeap.push(retained);
      afterKeeper.push(d.figures);
      afterKeeperExact.push(d.exact);
    }
    await cdp.detach();
    await open();
    const probe = await page.evaluate(() =>
      (globalThis as unknown as BenchGlobals).reviewBench.probe(),
    );
    ctx.log(`review: the dashboard's reads: ${JSON.stringify(probe)}`);
    await page.close();
    return {
      measured: true,
      figures: {
        openMs: figure(
          `one document's review, mount to lanes painted (${docs.toLocaleString('en')} documents in the profile)`,
          'ms',
          openMs,
        ),
        decideMs: figure(
          'one accept or reject, click to the frame after its row changed',
          'ms',
          decideMs,
        ),
        decideStoredMs: figure(
          '… to the frame after the row shows it stored (committed, read back by the live query)',
          'ms',
          storedMs,
        ),
        dashboardMs: figure(
          `agreement dashboard after adjudications, mount to figures and documents table painted (those kept at the last visit, marked as being updated in ${marked.filter(Boolean).length} of ${marked.length} runs)`,
          'ms',
          dashMs,
        ),
        dashboardExactMs: figure(
          '… to the exact figures (the live data read and computed)',
          'ms',
          exactMs,
        ),
        intervalsMs: figure(
          '… to its 95 % bootstrap intervals shown (1,000 resamples, computed between frames)',
          'ms',
          ciMs,
        ),
        dashboardAgainMs: figure(
          'agreement dashboard opened again with nothing changed, mount to figures and documents table painted (kept, exact)',
          'ms',
          againMs,
        ),
        keeperCountMs: figure(
          'the background count of the dashboard (nothing kept: the whole project read and counted in steps, at a quiet moment)',
          'ms',
          keeperCount,
        ),
        keeperTaskMs: figure('… the longest main-thread task during that count', 'ms', keeperTask),
        keeperHeapMB: figure(
          '… JS heap still held after it (after garbage collection; the counts kept for the session)',
          'MB',
          keeperHeap,
        ),
        afterKeeperMs: figure(
          'agreement dashboard opened after that count (its first visit in the session), mount to figures and table painted',
          'ms',
          afterKeeper,
        ),
        afterKeeperExactMs: figure('… to the exact figures', 'ms', afterKeeperExact),
        dashboardFirstMs: figure(
          "agreement dashboard, the profile's first visit (nothing kept): mount to figures and table painted",
          'ms',
          firstVisit,
        ),
      },
      notes: [
        `The profile: ${seeded.docs.toLocaleString('en')} documents of 200–800 words (seed 41), three colleagues with ${seeded.spans.toLocaleString('en')} spans (Ahmad 4 per document; Sara and Omar keep 70 % of his and add 0–1), every document marked done by all three; half the documents carry tokens their files brought (schema v7's tokenSets and lineTokens), the other half rest on the stored workbench tokens (docTokens). Seeding took ${(seeded.ms / 1000).toFixed(1)} s.`,
        `Each of ${runs} runs opens a fresh page (nothing cached): 4 documents' reviews, each followed by 4 adjudications (accept and reject alternately, one at a time: the next click waits until the previous decision is stored) timed from the click to the frame after the row changed (its class, state text and buttons; the row shows the decision before its transaction commits, src/renderer/src/review/useDecisions.ts), and to the frame after the row shows the stored state read back by the live query; then the dashboard (${scope.trim()}) from mount to its figures and table painted, to the exact figures and to its intervals, and once more at once (nothing changed). The first run's dashboard is the profile's first visit (nothing kept); later runs' follow that run's adjudications (the kept figures are then marked as being updated until the live data is in).`,
        `The dashboard's reads on their own, once (ms): ${Object.entries(probe)
          .map(([k, v]) => `${k.replace(/Ms$/, '')} ${Math.round(v)}`)
          .join(', ')}.`,
        'The document review reads only its document (spans, statuses, tokens of that one id); the dashboard reads the span facts (one row per document, schema v10), every status, the titles and the stored token boundaries, never an article text. In the reads line, spans is the 100,000 span records the dashboard read before v10, spanFacts what it reads now; docMeta is a get per key, docMetaAll one getAll.',
      ],
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await closeProfile(context, 'review');
  }
}
