/**
 * The benchmark runner (`npm run bench`): builds the bench pages and the web
 * app, serves both on one origin, runs each section (in Chromium where a page
 * is involved, in Node otherwise), and writes bench/results.json and
 * bench/RESULTS.md. `--only a,b` reruns some sections and keeps the others'
 * last results; `--quick` checks the harness with small sizes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { chromiumVersion, closeProfile, launchProfile } from './lib/browser.ts';
import type { BenchContext } from './lib/context.ts';
import { loadNow, machineInfo } from './lib/machine.ts';
import { renderReport, evaluateTargets, type BenchResults } from './lib/report.ts';
import { notMeasured, type SectionResult } from './lib/results.ts';
import { serveStatic } from './lib/server.ts';
import { benchRender } from './sections/render.ts';
import { benchStart } from './sections/start.ts';
import { benchStore } from './sections/store.ts';
import { benchArticles } from './sections/articles.ts';
import { benchSync } from './sections/sync.ts';
import { nodeSection } from './sections/node.ts';
import { benchAgreement, benchExport } from './sections/formats.ts';
import { benchReview } from './sections/review.ts';
import { benchActors } from './sections/actors.ts';
import { benchSuggest } from './sections/suggest.ts';

type Section = (ctx: BenchContext) => Promise<SectionResult>;

const SECTIONS: Record<string, Section> = {
  render: (ctx) =>
    benchRender(ctx, {
      key: 'ours',
      label: 'ours (ReadingPane)',
      page: 'ours.html',
      variant: 'ours',
    }),
  store: benchStore,
  articles: benchArticles,
  export: benchExport,
  import: nodeSection('import'),
  agreement: benchAgreement,
  start: benchStart,
  suggest: benchSuggest,
  review: benchReview,
  actors: benchActors,
  sync: benchSync,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? (onlyArg.includes('=') ? onlyArg.split('=')[1]! : args[args.indexOf(onlyArg) + 1]!).split(',')
  : Object.keys(SECTIONS);
const port = Number(process.env.BENCH_PORT ?? 5195);

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** `--report-only`: re-renders bench/RESULTS.md from bench/results.json. */
function reportOnly(): void {
  const results = JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResults;
  results.targets = evaluateTargets(results);
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync('bench/RESULTS.md', renderReport(results));
  log('rewrote bench/RESULTS.md from bench/results.json');
}

async function main(): Promise<void> {
  if (args.includes('--report-only')) return reportOnly();
  const unknown = only.filter((s) => !(s in SECTIONS));
  if (unknown.length) throw new Error(`unknown section(s): ${unknown.join(', ')}`);
  const machine = machineInfo();

  log('building the bench pages');
  await build({ configFile: 'bench/vite.bench.config.ts', logLevel: 'warn' });
  if (only.includes('start')) {
    log('building the web app');
    await build({ configFile: 'vite.web.config.ts', logLevel: 'warn' });
  }
  const server = await serveStatic(port, { '/__bench/': 'bench/.tmp/pages', '/': 'dist-web' });
  const probe = await launchProfile('probe');
  machine.chromium = await chromiumVersion(probe);
  await closeProfile(probe, 'probe');

  const previous: BenchResults | null = existsSync('bench/results.json')
    ? (JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResults)
    : null;
  const sections: Record<string, SectionResult> = { ...(previous?.sections ?? {}) };
  const ctx: BenchContext = { origin: server.origin, quick, log };
  try {
    for (const name of only) {
      log(`section ${name}`);
      try {
        sections[name] = await SECTIONS[name]!(ctx);
      } catch (err) {
        const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
        console.error(message);
        sections[name] = notMeasured(`the benchmark failed: ${message.split('\n')[0]}`);
      }
      log(`section ${name} done`);
    }
  } finally {
    await server.close();
  }
  machine.loadEnd = loadNow();
  // A partial rerun keeps the full run's machine facts and notes itself.
  const full = only.length === Object.keys(SECTIONS).length || !previous;
  const results: BenchResults = {
    machine: full
      ? machine
      : {
          ...previous.machine,
          reruns: [
            ...(previous.machine.reruns ?? []),
            {
              sections: only,
              date: machine.date,
              loadStart: machine.loadStart,
              loadEnd: machine.loadEnd,
            },
          ],
        },
    quick,
    sectionsRun: only,
    sections,
    targets: [],
  };
  results.targets = evaluateTargets(results);
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync('bench/RESULTS.md', renderReport(results));
  log('wrote bench/results.json and bench/RESULTS.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
