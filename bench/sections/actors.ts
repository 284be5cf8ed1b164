/**
 * The Analysis view (issue 15): the Node figures of bench/node/actors.ts
 * (how the computation grows with the number of spans, against a floor),
 * plus, in Chromium, what opening the view costs on a profile holding
 * 100,000 spans and 500 actors: reading them from IndexedDB and computing.
 */
import { closeProfile, echoErrors, launchProfile } from '../lib/browser.ts';
import type { BenchContext } from '../lib/context.ts';
import type { AnalysisPaint, BenchGlobals } from '../lib/page-api.ts';
import { figure, type SectionResult } from '../lib/results.ts';
import { nodeSection } from './node.ts';

export async function benchActors(ctx: BenchContext): Promise<SectionResult> {
  const result = await nodeSection('actors')(ctx);
  const spans = ctx.quick ? 10_000 : 100_000;
  const runs = ctx.quick ? 2 : 5;
  const started = performance.now();
  const context = await launchProfile('actors');
  try {
    const page = await context.newPage();
    echoErrors(page, 'actors');
    await page.goto(`${ctx.origin}/__bench/analysis.html`);
    await page.waitForFunction(() => 'analysisBench' in globalThis);
    ctx.log(`seeding ${spans.toLocaleString('en')} spans`);
    const seeded = await page.evaluate(
      ([n, a]) => (globalThis as unknown as BenchGlobals).analysisBench.seed(n, a),
      [spans, 500] as const,
    );
    const open = (annotator: string | null) =>
      page.evaluate(
        (a) => (globalThis as unknown as BenchGlobals).analysisBench.open(a),
        annotator,
      );
    await open(null); // warm-up
    const all: Awaited<ReturnType<typeof open>>[] = [];
    const one: Awaited<ReturnType<typeof open>>[] = [];
    const memory: number[] = [];
    const paints: AnalysisPaint[] = [];
    const changed: AnalysisPaint[] = [];
    const paint = (mode: 'kept' | 'changed') =>
      page.evaluate((m) => (globalThis as unknown as BenchGlobals).analysisBench.paint(m), mode);
    await paint('changed'); // warm-up
    for (let i = 0; i < runs; i++) {
      changed.push(await paint('changed'));
      paints.push(await paint('kept'));
      all.push(await open(null));
      one.push(await open('A'));
      memory.push(
        await page.evaluate(() =>
          (globalThis as unknown as BenchGlobals).analysisBench.computeInMemory(),
        ),
      );
    }
    await page.evaluate(() => (globalThis as unknown as BenchGlobals).analysisBench.drop());
    const n = `${seeded.spans.toLocaleString('en')} spans, ${seeded.docs.toLocaleString('en')} documents, 500 actors`;
    Object.assign(result.figures, {
      firstPaintMs: figure(
        `in Chromium, the app's Analysis view (${n}, every annotator), opened again with nothing changed since it was last computed: mount to the first frame painted with its table (${paints[0]!.rows} of ${all[0]!.rows} rows: the first page), from the kept summary`,
        'ms',
        paints.map((p) => p.ms),
      ),
      keptEvidenceMs: figure(
        '… and to the first count’s evidence shown (the whole view computed behind the table)',
        'ms',
        paints.map((p) => p.evidenceMs),
      ),
      changedPaintMs: figure(
        `in Chromium, the same view opened after a change (a span written): mount to the first frame painted with the kept table, marked as being updated (${changed.filter((p) => p.stale).length} of ${changed.length} runs marked)`,
        'ms',
        changed.map((p) => p.ms),
      ),
      changedExactMs: figure(
        '… and to the exact figures (read and computed again)',
        'ms',
        changed.map((p) => p.exactMs),
      ),
      changedEvidenceMs: figure(
        '… and to the first count’s evidence shown',
        'ms',
        changed.map((p) => p.evidenceMs),
      ),
      browserOpenMs: figure(
        `in Chromium, opening the view's data (${n}): read from IndexedDB, then compute`,
        'ms',
        all.map((r) => r.total),
      ),
      browserReadMs: figure(
        'of which reading the span facts (one row per document), document rows and actors (one read transaction)',
        'ms',
        all.map((r) => r.read),
      ),
      browserComputeMs: figure(
        'of which computeAnalysis',
        'ms',
        all.map((r) => r.compute),
      ),
      browserComputeInMemoryMs: figure(
        'in Chromium, computeAnalysis on the same data already in memory',
        'ms',
        memory,
      ),
      browserOneAnnotatorMs: figure(
        `in Chromium, one annotator's view (keeps only their ${one[0]!.spans.toLocaleString('en')} spans of the span facts)`,
        'ms',
        one.map((r) => r.total),
      ),
    });
    result.notes.push(
      `Chromium: the profile is seeded through the data layer (${(seeded.ms / 1000).toFixed(0)} s); ${runs} runs after a warm-up, in the same page; the view has ${all[0]!.rows} rows and ${all[0]!.statements.toLocaleString('en')} statements. First paint: the app's AnalysisView mounted in the page (bench/pages/analysis.tsx), after one warm-up mount; each run mounts it once after writing one span (the kept summary is then not current: the view paints it marked as being updated, reads and computes the whole view, shows the exact figures and keeps their summary) and once with nothing changed (it paints the kept summary as it is, then computes the whole view for the evidence). A profile's very first visit has nothing kept: it paints once the whole view is computed (the exact-figures time).`,
    );
    result.seconds += (performance.now() - started) / 1000;
    return result;
  } finally {
    await closeProfile(context, 'actors');
  }
}
