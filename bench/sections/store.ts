/**
 * Store: 100,000 spans into IndexedDB through the data layer against raw
 * batched puts (the floor), and one document's spans from a 500,000-span
 * database. Runs in Chromium on an on-disk profile (bench/pages/store.ts).
 */
import { closeProfile, echoErrors, launchProfile } from '../lib/browser.ts';
import { figure, type SectionResult } from '../lib/results.ts';
import type { BenchContext } from '../lib/context.ts';
import type { BenchGlobals } from '../lib/page-api.ts';

const COUNT = 100_000;
/** Spans per transaction, for both writers. */
export const STORE_CHUNK = 2_000;
const BIG = { docs: 1_000, annotators: 2, perDoc: 250 };

export async function benchStore(ctx: BenchContext): Promise<SectionResult> {
  const started = performance.now();
  const runs = ctx.quick ? 2 : 5;
  const context = await launchProfile('store');
  try {
    const page = await context.newPage();
    echoErrors(page, 'store');
    await page.goto(`${ctx.origin}/__bench/store.html`);
    await page.waitForFunction(() => 'storeBench' in globalThis);
    const count = ctx.quick ? COUNT / 10 : COUNT;
    await page.evaluate(
      (n) => (globalThis as unknown as BenchGlobals).storeBench.prepare(n),
      count,
    );
    // Warm both paths once (JIT, LevelDB files), untimed.
    await page.evaluate(
      (n) => (globalThis as unknown as BenchGlobals).storeBench.dexieWrite(n / 10, 1000),
      count,
    );
    await page.evaluate(
      (n) => (globalThis as unknown as BenchGlobals).storeBench.rawWrite(n / 10, 1000),
      count,
    );

    const dexie: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first so drift in machine load hits both.
      const order = i % 2 === 0 ? ['dexie', 'raw'] : ['raw', 'dexie'];
      for (const which of order) {
        const ms = await page.evaluate(
          ([w, n, c]) =>
            w === 'dexie'
              ? (globalThis as unknown as BenchGlobals).storeBench.dexieWrite(n, c)
              : (globalThis as unknown as BenchGlobals).storeBench.rawWrite(n, c),
          [which, count, STORE_CHUNK] as const,
        );
        (which === 'dexie' ? dexie : raw).push(ms);
        ctx.log(`store: ${which} ${count} spans in ${ms.toFixed(0)} ms`);
      }
    }
    const ratios = dexie.map((d, i) => d / raw[i]!);
    // The ceiling: the same spans into a store with no index, relaxed durability.
    const bare: number[] = [];
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const ms = await page.evaluate(
        ([n, c]) => (globalThis as unknown as BenchGlobals).storeBench.rawWrite(n, c, true),
        [count, STORE_CHUNK] as const,
      );
      bare.push(ms);
      ctx.log(`store: bare raw ${count} spans in ${ms.toFixed(0)} ms`);
    }

    const big = ctx.quick ? { ...BIG, docs: 100 } : BIG;
    const fillMs = await page.evaluate(
      ({ docs, annotators, perDoc }) =>
        (globalThis as unknown as BenchGlobals).storeBench.fillBig(docs, annotators, perDoc),
      big,
    );
    const total = big.docs * big.annotators * big.perDoc;
    ctx.log(`store: filled ${total} spans in ${(fillMs / 1000).toFixed(1)} s`);
    // A new page: the load starts from a fresh connection and a cold page.
    await page.reload();
    await page.waitForFunction(() => 'storeBench' in globalThis);
    const load = await page.evaluate(
      (docs) => (globalThis as unknown as BenchGlobals).storeBench.loadOne(docs, 9),
      big.docs,
    );
    await page.evaluate(() => (globalThis as unknown as BenchGlobals).storeBench.dropBig());

    return {
      measured: true,
      seconds: (performance.now() - started) / 1000,
      figures: {
        dexieSpansPerSec: figure(
          `data layer: ${count.toLocaleString('en')} new spans, bulkAdd in transactions of ${STORE_CHUNK}`,
          'spans/s',
          dexie.map((ms) => (count / ms) * 1000),
        ),
        rawSpansPerSec: figure(
          `raw IndexedDB: the same spans, put() in transactions of ${STORE_CHUNK}`,
          'spans/s',
          raw.map((ms) => (count / ms) * 1000),
        ),
        ratio: figure('data layer time / raw time (paired runs)', '×', ratios),
        bareSpansPerSec: figure(
          'ceiling: raw IndexedDB into a store with no index at all, relaxed durability',
          'spans/s',
          bare.map((ms) => (count / ms) * 1000),
        ),
        fillSpansPerSec: figure(
          `filling the ${total.toLocaleString('en')}-span database through the data layer`,
          'spans/s',
          [(total / fillMs) * 1000],
        ),
        loadOneDoc: figure(
          `one document's spans of one annotator (${load.spans}) via [docId+annotatorId] from ${total.toLocaleString('en')} spans`,
          'ms',
          load.ms,
        ),
      },
      notes: [
        `Both writers store identical records (${count.toLocaleString('en')} spans over ${count / 100} documents, quotes from the seed vocabulary) into a spans store with the same key path and the same three indexes (schema version 4: docId, [docId+annotatorId], label), with strict durability; the data layer adds them (bulkAdd, as the dataset import adds new spans: nothing is read first) and keeps the per-document span counts (spanCounts, read and written in the same transaction), in transactions of ${STORE_CHUNK}; ${runs} paired runs, alternating which goes first.`,
        'The profile is on disk (a persistent Chromium profile): an incognito context would keep IndexedDB in memory.',
        `Load: ${big.docs.toLocaleString('en')} documents × ${big.annotators} annotators × ${big.perDoc} spans; 9 loads of random documents from a fresh connection after a page reload; the first load includes opening the index.`,
      ],
    };
  } finally {
    await closeProfile(context, 'store');
  }
}
