/**
 * Export and agreement in the renderer, where the app runs them (the
 * export dialog and the agreement dashboard): the Node figures come from
 * bench/node/*.ts; these add the same work timed in Chromium.
 */
import type { Page } from 'playwright';
import { closeProfile, echoErrors, launchProfile } from '../lib/browser.ts';
import type { BenchContext } from '../lib/context.ts';
import type { BenchGlobals } from '../lib/page-api.ts';
import { figure, type SectionResult } from '../lib/results.ts';
import { nodeSection } from './node.ts';

async function withPage<T>(ctx: BenchContext, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await launchProfile('formats');
  try {
    const page = await context.newPage();
    echoErrors(page, 'formats');
    await page.goto(`${ctx.origin}/__bench/formats.html`);
    await page.waitForFunction(() => 'formatsBench' in globalThis);
    return await run(page);
  } finally {
    await closeProfile(context, 'formats');
  }
}

/** Export: Node figures plus the same export timed in Chromium. */
export async function benchExport(ctx: BenchContext): Promise<SectionResult> {
  const result = await nodeSection('export')(ctx);
  const docs = ctx.quick ? 1_000 : 10_000;
  const runs = ctx.quick ? 2 : 5;
  const started = performance.now();
  const { ours, floor, bytes, tokenize } = await withPage(ctx, async (page) => {
    await page.evaluate(
      ([d, p]) => (globalThis as unknown as BenchGlobals).formatsBench.prepareExport(d, p),
      [docs, 20] as const,
    );
    const run = (w: 'ours' | 'floor', count = false) =>
      page.evaluate(
        ([x, c]) => (globalThis as unknown as BenchGlobals).formatsBench.exportRun(x, c),
        [w, count] as const,
      );
    // Warm-up runs, which also count the output's UTF-8 bytes.
    const b = { ours: (await run('ours', true)).bytes, floor: (await run('floor', true)).bytes };
    const o: number[] = [];
    const f: number[] = [];
    for (let i = 0; i < runs; i++) {
      for (const w of i % 2 === 0 ? (['ours', 'floor'] as const) : (['floor', 'ours'] as const)) {
        (w === 'ours' ? o : f).push((await run(w)).ms);
      }
    }
    const t: number[] = [];
    for (let i = 0; i < runs; i++)
      t.push(
        (
          await page.evaluate(() =>
            (globalThis as unknown as BenchGlobals).formatsBench.tokenizeRun(),
          )
        ).ms,
      );
    return { ours: o, floor: f, bytes: b, tokenize: t };
  });
  const MB = 1e6;
  result.figures.browserExportMBps = figure(
    `in Chromium (where the app exports): spans JSONL writer, ${docs.toLocaleString('en')} docs × 20 spans, ${(bytes.ours / MB).toFixed(1)} MB out`,
    'MB/s',
    ours.map((ms) => bytes.ours / MB / (ms / 1000)),
  );
  result.figures.browserFloorMs = figure(
    'in Chromium: floor, JSON.stringify of the same record objects',
    'ms',
    floor,
  );
  result.figures.browserExportMs = figure('in Chromium: writer, total time', 'ms', ours);
  result.figures.browserTokenizeMs = figure(
    "in Chromium: of the writer's work, tokenizing the same texts alone",
    'ms',
    tokenize,
  );
  result.figures.browserRatio = figure(
    'in Chromium: writer time / floor time (paired runs)',
    '×',
    ours.map((ms, i) => ms / floor[i]!),
  );
  result.notes.push(
    `Chromium runs: the same records built in the page from the same seed, ${runs} paired runs after a warm-up, output size counted in UTF-8 bytes outside the timed loop.`,
  );
  result.seconds += (performance.now() - started) / 1000;
  return result;
}

/** Agreement: Node figures plus the same computation timed in Chromium. */
export async function benchAgreement(ctx: BenchContext): Promise<SectionResult> {
  const result = await nodeSection('agreement')(ctx);
  const runs = ctx.quick ? 3 : 7;
  const started = performance.now();
  const samples = await withPage(ctx, async (page) => {
    const out: { total: number; compute: number }[] = [];
    for (let i = 0; i <= runs; i++) {
      const r = await page.evaluate(() =>
        (globalThis as unknown as BenchGlobals).formatsBench.agreementRun(1000, 20),
      );
      if (i > 0) out.push(r); // the first is a warm-up
    }
    return out;
  });
  result.figures.browserAgreementMs = figure(
    'in Chromium (where the dashboard computes it): tokenize and group, then every figure',
    'ms',
    samples.map((s) => s.total),
  );
  result.figures.browserComputeMs = figure(
    'in Chromium: computeAgreement alone',
    'ms',
    samples.map((s) => s.compute),
  );
  result.seconds += (performance.now() - started) / 1000;
  return result;
}
