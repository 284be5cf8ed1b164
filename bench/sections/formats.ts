/**
 * Export and agreement in the renderer, where the app runs them (the
 * export dialog and the agreement dashboard): the Node figures come from
 * bench/node/*.ts; these add the same work timed in Chromium.
 */
import type { Page } from 'playwright';
import { closeProfile, echoErrors, launchProfile } from '../lib/browser.ts';
import type { BenchContext } from '../lib/context.ts';
import type { BenchGlobals } from '../lib/page-api.ts';
import { EXPORT_VARIANTS, type ExportVariant } from '../lib/export-work.ts';
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
  const { ms, bytes, tokenize, unpack } = await withPage(ctx, async (page) => {
    await page.evaluate(
      ([d, p]) => (globalThis as unknown as BenchGlobals).formatsBench.prepareExport(d, p),
      [docs, 20] as const,
    );
    const run = (w: ExportVariant, count = false) =>
      page.evaluate(
        ([x, c]) => (globalThis as unknown as BenchGlobals).formatsBench.exportRun(x, c),
        [w, count] as const,
      );
    // Warm-up runs, which also count the output's UTF-8 bytes.
    const b = {} as Record<ExportVariant, number>;
    for (const w of EXPORT_VARIANTS) b[w] = (await run(w, true)).bytes;
    const m: Record<ExportVariant, number[]> = {
      stored: [],
      tokenizing: [],
      floor: [],
      recordFloor: [],
    };
    // Paired runs: every variant once per round, the order rotating.
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < EXPORT_VARIANTS.length; k++) {
        const w = EXPORT_VARIANTS[(i + k) % EXPORT_VARIANTS.length]!;
        m[w].push((await run(w)).ms);
      }
    }
    const t: number[] = [];
    const u: number[] = [];
    for (let i = 0; i < runs; i++) {
      t.push(
        (
          await page.evaluate(() =>
            (globalThis as unknown as BenchGlobals).formatsBench.tokenizeRun(),
          )
        ).ms,
      );
      u.push(
        (
          await page.evaluate(() =>
            (globalThis as unknown as BenchGlobals).formatsBench.unpackRun(),
          )
        ).ms,
      );
    }
    return { ms: m, bytes: b, tokenize: t, unpack: u };
  });
  const MB = 1e6;
  const ratio = (a: number[], b: number[]) => a.map((x, i) => x / b[i]!);
  Object.assign(result.figures, {
    browserExportMBps: figure(
      `in Chromium (where the app exports): spans JSONL writer with the tokens stored with each document, ${docs.toLocaleString('en')} docs × 20 spans, ${(bytes.stored / MB).toFixed(1)} MB out`,
      'MB/s',
      ms.stored.map((t) => bytes.stored / MB / (t / 1000)),
    ),
    browserExportMs: figure('in Chromium: writer with stored tokens, total time', 'ms', ms.stored),
    browserFloorMs: figure(
      `in Chromium: floor, JSON.stringify of the writer's own line objects (text, spans, tokens, meta, …; built before the run), ${(bytes.floor / MB).toFixed(1)} MB out`,
      'ms',
      ms.floor,
    ),
    browserRatio: figure(
      'in Chromium: writer with stored tokens / floor (paired runs)',
      '×',
      ratio(ms.stored, ms.floor),
    ),
    browserUnpackMs: figure(
      "in Chromium: of the stored writer's work, unpacking the stored tokens alone",
      'ms',
      unpack,
    ),
    browserTokenizingMs: figure(
      'in Chromium: writer tokenizing every text instead (no stored tokens), total time',
      'ms',
      ms.tokenizing,
    ),
    browserTokenizingRatio: figure(
      'in Chromium: writer tokenizing every text / floor (paired runs)',
      '×',
      ratio(ms.tokenizing, ms.floor),
    ),
    browserTokenizeMs: figure(
      "in Chromium: of the tokenizing writer's work, tokenizing the same texts alone",
      'ms',
      tokenize,
    ),
    browserRecordFloorMs: figure(
      `in Chromium, for information: JSON.stringify of the input records (the earlier floor: no tokens, ${(bytes.recordFloor / MB).toFixed(1)} MB out)`,
      'ms',
      ms.recordFloor,
    ),
    browserRecordFloorRatio: figure(
      'in Chromium, for information: writer with stored tokens / that earlier floor',
      '×',
      ratio(ms.stored, ms.recordFloor),
    ),
  });
  if (bytes.stored !== bytes.floor || bytes.stored !== bytes.tokenizing)
    throw new Error(
      `the export variants wrote different sizes: ${JSON.stringify(bytes)} (they must write the same lines)`,
    );
  result.notes.push(
    `Chromium runs: the same records built in the page from the same seed, each document's tokens packed beforehand as the app stores them (reading them from IndexedDB is not timed, as reading the documents is not); ${runs} rounds after a warm-up, each timing every variant once in rotating order; output size counted in UTF-8 bytes outside the timed loop.`,
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
