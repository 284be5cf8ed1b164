/**
 * Articles: importing 1,000, 5,000, 10,000 and 20,000 articles through the
 * data layer (storeDocuments: the document, its list row and its tokens)
 * and through raw IndexedDB side by side, each into a fresh on-disk
 * database, batch by batch. Says whether the time per document grows with
 * the table, and how the data layer compares with the floor at each size.
 */
import { closeProfile, echoErrors, launchProfile } from '../lib/browser.ts';
import type { BenchContext } from '../lib/context.ts';
import type { ArticleRun, BenchGlobals } from '../lib/page-api.ts';
import { figure, type Figure, type SectionResult } from '../lib/results.ts';
import { median } from '../lib/stats.ts';

/** Articles per transaction, for every writer (the app's STORE_BATCH). */
export const ARTICLE_BATCH = 250;
const SIZES = [1_000, 5_000, 10_000, 20_000];
const QUICK_SIZES = [250, 500, 1_000, 2_000];

type Writer = 'dataLayer' | 'raw' | 'rawDocsOnly';
const WRITERS: Writer[] = ['dataLayer', 'raw', 'rawDocsOnly'];
const LABELS: Record<Writer, string> = {
  dataLayer: 'data layer (storeDocuments: document, list row, tokens)',
  raw: 'raw IndexedDB, the same three rows (tokenizing too)',
  rawDocsOnly: 'raw IndexedDB, the document records alone',
};

/** Milliseconds per document over batches [from, to) of a run. */
function perDoc(run: ArticleRun, from: number, to: number): number {
  const ms = run.batchMs.slice(from, to).reduce((a, b) => a + b, 0);
  return ms / ((to - from) * ARTICLE_BATCH);
}

export async function benchArticles(ctx: BenchContext): Promise<SectionResult> {
  const started = performance.now();
  // BENCH_ARTICLE_SIZES=20000 (and BENCH_ARTICLE_RUNS=3) remeasure some
  // sizes only, e.g. at a quieter moment; the report says when each ran.
  const only = process.env.BENCH_ARTICLE_SIZES?.split(',')
    .map(Number)
    .filter((n) => n > 0);
  const sizes = only?.length ? only : ctx.quick ? QUICK_SIZES : SIZES;
  const fixedRuns = Number(process.env.BENCH_ARTICLE_RUNS) || 0;
  const context = await launchProfile('articles');
  const figures: Record<string, Figure> = {};
  const table: string[] = [];
  try {
    const page = await context.newPage();
    echoErrors(page, 'articles');
    await page.goto(`${ctx.origin}/__bench/articles.html`);
    await page.waitForFunction(() => 'articlesBench' in globalThis);
    const run = (w: Writer, n: number): Promise<ArticleRun> =>
      page.evaluate(([w, n, b]) => (globalThis as unknown as BenchGlobals).articlesBench[w](n, b), [
        w,
        n,
        ARTICLE_BATCH,
      ] as const);
    // Warm every path once (JIT, LevelDB files), untimed.
    for (const w of WRITERS) await run(w, ARTICLE_BATCH * 2);

    for (const n of sizes) {
      const runs = fixedRuns || (ctx.quick ? 1 : n <= 5_000 ? 3 : 2);
      const got: Record<Writer, ArticleRun[]> = { dataLayer: [], raw: [], rawDocsOnly: [] };
      for (let i = 0; i < runs; i++) {
        // Rotate the order so drift in machine load hits every writer.
        for (let k = 0; k < WRITERS.length; k++) {
          const w = WRITERS[(i + k) % WRITERS.length]!;
          const r = await run(w, n);
          got[w].push(r);
          ctx.log(`articles: ${w} ${n} in ${(r.ms / 1000).toFixed(1)} s`);
        }
      }
      const size = n.toLocaleString('en');
      for (const w of WRITERS)
        figures[`msPerDoc.${w}.${n}`] = figure(
          `${size} articles, ms per document: ${LABELS[w]}`,
          'ms',
          got[w].map((r) => r.ms / n),
        );
      const ratio = got.dataLayer.map((r, i) => r.ms / got.raw[i]!.ms);
      const ratioDocs = got.dataLayer.map((r, i) => r.ms / got.rawDocsOnly[i]!.ms);
      figures[`ratio.${n}`] = figure(
        `${size} articles: data layer time / raw time, the same rows (paired runs)`,
        '×',
        ratio,
      );
      figures[`ratioDocsOnly.${n}`] = figure(
        `${size} articles: data layer time / raw time, documents alone (paired runs)`,
        '×',
        ratioDocs,
      );
      // Growth: the last 1,000 articles against the first 1,000 of the same run.
      const k = Math.max(1, Math.round(1_000 / ARTICLE_BATCH));
      const batches = n / ARTICLE_BATCH;
      if (batches >= 2 * k) {
        for (const w of WRITERS)
          figures[`growth.${w}.${n}`] = figure(
            `${size} articles, ms per document of the last 1,000 / of the first 1,000: ${LABELS[w]}`,
            '×',
            got[w].map((r) => perDoc(r, batches - k, batches) / perDoc(r, 0, k)),
          );
      }
      table.push(
        `${size}: data layer ${median(got.dataLayer.map((r) => r.ms / n)).toFixed(3)} ms/doc, raw ${median(got.raw.map((r) => r.ms / n)).toFixed(3)}, raw documents alone ${median(got.rawDocsOnly.map((r) => r.ms / n)).toFixed(3)}; ratio ${median(ratio).toFixed(2)}× (${median(ratioDocs).toFixed(2)}× documents alone)`,
      );
    }
    return {
      measured: true,
      seconds: (performance.now() - started) / 1000,
      figures,
      notes: [
        `Each run stores N generated articles (150–450 words from the seed vocabulary, seed 41,000 + i, hashed and built before timing) into a fresh database in a persistent on-disk profile, ${ARTICLE_BATCH} per transaction, strict durability; writers in rotating order; 3 runs at 1,000 and 5,000, 2 at 10,000 and 20,000.`,
        'The data layer writes each article with storeDocuments (the one path of every import: the document, its list row and its packed tokens, added once). The raw floor adds the same three rows with plain IndexedDB into identically indexed stores, tokenizing each text in its timed loop as the data layer does; the second floor adds the document records alone (no list row, no tokens).',
        `Per-document time by size: ${table.join('; ')}.`,
      ],
    };
  } finally {
    await closeProfile(context, 'articles');
  }
}
