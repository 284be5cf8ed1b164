/**
 * Start: a profile holding 10,000 documents (seeded through the data layer
 * on the app's own origin and database), then the web build opened on it:
 * time from navigation start to a document list whose first row is
 * visible and clickable.
 */
import type { Page } from 'playwright';
import { closeProfile, echoErrors, launchProfile } from '../lib/browser.ts';
import type { BenchContext } from '../lib/context.ts';
import type { BenchGlobals, SeedBench } from '../lib/page-api.ts';
import { figure, type SectionResult } from '../lib/results.ts';

/**
 * Runs in the app's page before its scripts (plain JavaScript, as Playwright
 * injects it): notes when the first row of the document list is in the DOM,
 * then when that frame is painted and the main thread is free again (a task
 * after the next frame).
 */
const WATCH_FIRST_ROW = `
(() => {
  const check = () => {
    const row = document.querySelector('[role="listbox"][aria-label="Documents"] [role="option"]');
    if (!row) return false;
    window.__firstRow = performance.now();
    requestAnimationFrame(() => setTimeout(() => (window.__listReady = performance.now()), 0));
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  document.addEventListener('DOMContentLoaded', () => {
    if (!check()) observer.observe(document.body, { childList: true, subtree: true });
  });
})();
`;

export async function benchStart(ctx: BenchContext): Promise<SectionResult> {
  const started = performance.now();
  const docs = ctx.quick ? 1_000 : 10_000;
  const runs = ctx.quick ? 2 : 5;
  const context = await launchProfile('start');
  try {
    const seeder = await context.newPage();
    echoErrors(seeder, 'seed');
    await seeder.goto(`${ctx.origin}/__bench/seed.html`);
    await seeder.waitForFunction(() => 'seedBench' in globalThis);
    const seeded = await seeder.evaluate(
      (n) => (globalThis as unknown as BenchGlobals).seedBench.seed(n, 10),
      docs,
    );
    // Where the list's time goes: its reads, timed on their own.
    const probes: Awaited<ReturnType<SeedBench['probe']>>[] = [];
    for (let i = 0; i < 3; i++)
      probes.push(
        await seeder.evaluate(() => (globalThis as unknown as BenchGlobals).seedBench.probe()),
      );
    const rebuildMs = await seeder.evaluate(() =>
      (globalThis as unknown as BenchGlobals).seedBench.rebuild(),
    );
    await seeder.close();
    ctx.log(
      `start: seeded ${seeded.docs} documents, ${seeded.spans} spans in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    await context.addInitScript({ content: WATCH_FIRST_ROW });

    // A first start on the profile: nothing kept, the list read from its
    // tables; the tab stays open until the list is kept (at the first quiet
    // moment), as at the end of an analyst's session.
    const first = await context.newPage();
    echoErrors(first, 'app');
    await first.goto(`${ctx.origin}/`);
    await first.waitForFunction(() => '__listReady' in globalThis, undefined, { timeout: 120_000 });
    const unkept = await first.evaluate(
      () => (globalThis as unknown as { __listReady: number }).__listReady,
    );
    await first.waitForFunction(
      () => performance.getEntriesByName('stance:list-kept-stored').length > 0,
      undefined,
      { timeout: 120_000 },
    );
    ctx.log(
      `start: first start (nothing kept) list interactive at ${unkept.toFixed(0)} ms; ${await marksOf(first)}`,
    );
    await first.close();

    const ready: number[] = [];
    const firstRow: number[] = [];
    // Where the time goes: the app's own performance marks.
    const phases = { scripts: [] as number[], dbOpen: [] as number[], listData: [] as number[] };
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      echoErrors(page, 'app');
      await page.goto(`${ctx.origin}/`);
      const row = page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first();
      await row.click({ trial: true, timeout: 60_000 });
      await page.waitForFunction(() => '__listReady' in globalThis);
      const marks = await marksOf(page);
      const t = await page.evaluate(() => {
        const w = globalThis as unknown as { __firstRow: number; __listReady: number };
        // (This file is typechecked without the DOM library.)
        const perf = performance as unknown as {
          getEntriesByType(type: string): { domContentLoadedEventEnd: number }[];
        };
        const nav = perf.getEntriesByType('navigation')[0]!;
        return {
          ready: w.__listReady,
          firstRow: w.__firstRow,
          scripts: nav.domContentLoadedEventEnd,
          dbOpen: performance.getEntriesByName('stance:db-open')[0]?.startTime ?? NaN,
          listData: performance.getEntriesByName('stance:list-data')[0]?.startTime ?? NaN,
          backupStart: performance.getEntriesByName('stance:backup-start')[0]?.startTime ?? NaN,
          suggestFeed: performance.getEntriesByName('stance:suggest-feed')[0]?.startTime ?? NaN,
        };
      });
      ready.push(t.ready);
      firstRow.push(t.firstRow);
      for (const k of ['scripts', 'dbOpen', 'listData'] as const) phases[k].push(t[k]);
      ctx.log(
        `start: list interactive at ${t.ready.toFixed(0)} ms (scripts ${t.scripts.toFixed(0)}, db open ${t.dbOpen.toFixed(0)}, rows read ${t.listData.toFixed(0)}; automatic backup ${Number.isNaN(t.backupStart) ? 'not started' : `started at ${t.backupStart.toFixed(0)}`}, suggestion feed ${Number.isNaN(t.suggestFeed) ? 'not started' : `started at ${t.suggestFeed.toFixed(0)}`} when the tab closed; marks: ${marks})`,
      );
      if (i === runs - 1) await page.screenshot({ path: 'bench/.tmp/start.png' });
      await page.close();
    }
    return {
      measured: true,
      seconds: (performance.now() - started) / 1000,
      figures: {
        startMs: figure(
          `${seeded.docs.toLocaleString('en')} documents: navigation start to the first list row painted and the main thread free`,
          'ms',
          ready,
        ),
        firstRowMs: figure('… to the first row in the DOM', 'ms', firstRow),
        unkeptMs: figure(
          "a profile's first start (no document list kept yet: the list read from docMeta, statuses and spanCounts): to the first row painted and the main thread free",
          'ms',
          [unkept],
        ),
        scriptsMs: figure('… to the app script run (DOMContentLoaded end)', 'ms', phases.scripts),
        dbOpenMs: figure('… to the database open (mark stance:db-open)', 'ms', phases.dbOpen),
        listDataMs: figure(
          "… to the list's rows read (mark stance:list-data; from the list kept at the last session, mark stance:list-kept)",
          'ms',
          phases.listData,
        ),
        docMeta: figure(
          "the list's document read on its own: every docMeta row",
          'ms',
          probes.map((p) => p.docMeta),
        ),
        spanCounts: figure(
          "the list's span count read on its own: the analyst's spanCounts rows",
          'ms',
          probes.map((p) => p.spanCounts),
        ),
        derivedCheck: figure(
          'the start-up check of the derived tables, run once idle: one settings read (nothing to rebuild)',
          'ms',
          probes.map((p) => p.check),
        ),
        derivedRebuild: figure(
          'rebuilding every derived table (once, after an upgrade or a new tokenizer; in the background)',
          'ms',
          [rebuildMs],
        ),
        documentsEach: figure(
          'for comparison: every full document record (db.documents.each)',
          'ms',
          probes.map((p) => p.documentsEach),
        ),
      },
      notes: [
        `The profile: ${seeded.docs.toLocaleString('en')} documents of 200–800 words (seed 31) with ${seeded.spans.toLocaleString('en')} spans of the analyst, written through the data layer on the app's origin; seeding took ${(seeded.ms / 1000).toFixed(1)} s.`,
        'A start reads the document list kept at the end of the last session (src/renderer/src/db/document-list.ts: one viewCache record, in columns) when nothing it comes from has changed since, and reads the three tables only when it is missing or stale (the first start, or after writes the closing session did not keep: the list is kept at the first quiet moment after a change). The first start above is such a start; the runs after it find the list kept.',
        `Each of ${runs} runs opens the web build (npm run build:web) in a new tab of the same on-disk profile; times are the page's performance.now() (from navigation start). Playwright also checks that the row is actionable (a trial click).`,
      ],
    };
  } finally {
    await closeProfile(context, 'start');
  }
}

/** The app's performance marks so far, for the log: where a start's time goes. */
function marksOf(page: Page): Promise<string> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('stance:'))
      .map((m) => `${m.name.slice(7)} ${m.startTime.toFixed(0)}`)
      .join(', '),
  );
}
