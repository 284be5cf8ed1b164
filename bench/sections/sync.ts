/**
 * Sync: a first sync of 10,000 articles and 100,000 spans from a project on
 * a pouchdb-server (127.0.0.1, in memory, started and stopped here) into a
 * fresh profile through the app, against the floor (PouchDB replicating the
 * same documents into an empty PouchDB, same browser, same run; each run in
 * a fresh on-disk profile), with the JS heap's peak during each; and A's new
 * span to B's store, p95.
 */
import { existsSync, readFileSync } from 'node:fs';
import { buildDocumentRecord } from '../../src/core/document.ts';
import { spanToBody, documentToBody } from '../../src/core/team/wire.ts';
import { articleDocId, spanDocId } from '../../src/core/team/ids.ts';
import { teamInit } from '../../src/cli/team.ts';
import { addTestUsers } from '../../tests/support/couch-commands.ts';
import { startCouchServer, type CouchServer } from '../../tests/support/couch-server.ts';
import type { Page } from 'playwright';
import { closeProfile, echoErrors, launchProfile } from '../lib/browser.ts';
import type { BenchContext } from '../lib/context.ts';
import { generateArticle, generateSpans, parseVocabulary } from '../lib/corpus.ts';
import type { BenchGlobals } from '../lib/page-api.ts';
import { mulberry32 } from '../lib/prng.ts';
import type { BenchResults } from '../lib/report.ts';
import { figure, type SectionResult } from '../lib/results.ts';

const DOCS = 10_000;

/**
 * The project sizes (articles) to measure, smallest first: BENCH_SYNC_DOCS
 * (comma-separated, e.g. `1000,10000`), else 1,000 with --quick, else
 * 1,000 and the 10,000.
 */
function syncScales(quick: boolean): number[] {
  const env = process.env.BENCH_SYNC_DOCS;
  if (env) {
    const list = env.split(',').map(Number);
    if (list.some((n) => !Number.isInteger(n) || n < 1))
      throw new Error(`BENCH_SYNC_DOCS must list whole numbers of articles, not "${env}"`);
    return list.sort((a, b) => a - b);
  }
  return quick ? [DOCS / 10] : [DOCS / 10, DOCS];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const PER_DOC = 10;
const WORDS = 250;

async function seed(
  server: CouchServer,
  project: string,
  docs: number,
): Promise<{ spans: number; first: { id: string; text: string } }> {
  const vocab = parseVocabulary(readFileSync('bench/vocab.txt', 'utf8'));
  const rng = mulberry32(4242);
  let batch: object[] = [];
  let spans = 0;
  let first = { id: '', text: '' };
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const res = await server.adminFetch(`/${project}/_bulk_docs`, {
      method: 'POST',
      body: JSON.stringify({ docs: batch }),
    });
    if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
    batch = [];
  };
  for (let i = 0; i < docs; i++) {
    const doc = await buildDocumentRecord({
      text: generateArticle(vocab, rng, WORDS),
      title: `مقال ${i + 1}`,
      importedAt: i,
    });
    if (i === 0) first = { id: doc.id, text: doc.text };
    batch.push({ _id: articleDocId(doc.id), ...documentToBody(doc) });
    for (const [k, who] of ['sara', 'omar'].entries()) {
      for (const s of generateSpans(doc.text, rng, PER_DOC / 2, {
        docId: doc.id,
        annotatorId: who,
        idPrefix: `${i}-${k}`,
      })) {
        batch.push({ _id: spanDocId(who, s.id), ...spanToBody(s) });
        spans++;
      }
    }
    if (batch.length >= 1100) await flush();
  }
  await flush();
  return { spans, first };
}

/**
 * The figures of scales not measured this time, from bench/results.json,
 * labelled with their run's date: a rerun of the small scale keeps the
 * issue's scale visible, marked as earlier.
 */
function earlierScales(scales: number[]): {
  figures: Record<string, ReturnType<typeof figure>>;
  notes: string[];
} {
  const figures: Record<string, ReturnType<typeof figure>> = {};
  if (!existsSync('bench/results.json')) return { figures, notes: [] };
  const previous = JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResults;
  const section = previous.sections.sync;
  if (!section?.measured) return { figures, notes: [] };
  const run = [...(previous.machine.reruns ?? [])]
    .reverse()
    .find((r) => r.sections.includes('sync'));
  const date = (run?.date ?? previous.machine.date).slice(0, 10);
  const dropped: string[] = [];
  for (const [key, f] of Object.entries(section.figures)) {
    const at = /At(\d+)$/.exec(key);
    const docs = at ? Number(at[1]) : key === 'latencyMs' ? null : DOCS;
    if (docs === null || scales.includes(docs)) continue;
    figures[key] = f.label.startsWith('earlier run')
      ? f
      : { ...f, label: `earlier run (${date}): ${f.label}` };
    dropped.push(docs.toLocaleString('en'));
  }
  const notes =
    dropped.length > 0
      ? [
          `Figures marked "earlier run" (${[...new Set(dropped)].join(', ')} articles) were not measured again in this run; they come from the run of that date, with the code of then.`,
        ]
      : [];
  return { figures, notes };
}

export async function benchSync(ctx: BenchContext): Promise<SectionResult> {
  const started = performance.now();
  const scales = syncScales(ctx.quick);
  const runs = Number(process.env.BENCH_SYNC_RUNS) || (ctx.quick ? 1 : 2);
  const server = await startCouchServer();
  // Every run in a browser profile of its own, fresh on disk: a run after
  // another one in the same profile pays for IndexedDB's compaction of
  // what the earlier one deleted (up to 45 s over a 220 s sync).
  const inFreshProfile = async <T>(run: (page: Page) => Promise<T>): Promise<T> => {
    const context = await launchProfile('sync');
    try {
      const page = await context.newPage();
      echoErrors(page, 'sync');
      await page.goto(`${ctx.origin}/__bench/sync.html`);
      await page.waitForFunction(() => 'syncBench' in globalThis);
      return await run(page);
    } finally {
      await closeProfile(context, 'sync');
    }
  };
  try {
    await addTestUsers(server);
    const admin = { url: server.url, username: server.admin.name, password: server.admin.password };

    // Smallest scale first; the largest gives the headline figures.
    const figures: Record<string, ReturnType<typeof figure>> = {};
    const growth: string[] = [];
    for (const docs of scales) {
      const project = `bench-${docs}`;
      await teamInit(admin, project);
      const t = performance.now();
      const { spans } = await seed(server, project, docs);
      ctx.log(
        `sync: seeded ${docs} articles and ${spans} spans in ${((performance.now() - t) / 1000).toFixed(0)} s`,
      );
      const floor: number[] = [];
      const ours: number[] = [];
      const floorHeap: number[] = [];
      const oursHeap: number[] = [];
      const oursTokens: number[] = [];
      for (let i = 0; i < runs; i++) {
        for (const which of i % 2 === 0 ? ['floor', 'ours'] : ['ours', 'floor']) {
          if (which === 'floor') {
            const r = await inFreshProfile((page) =>
              page.evaluate(
                ([u, p]) => (globalThis as unknown as BenchGlobals).syncBench.floor(u, p),
                [server.url, project] as const,
              ),
            );
            floor.push(r.ms);
            floorHeap.push(r.peakMB);
            ctx.log(
              `sync: floor ${r.docs} documents in ${(r.ms / 1000).toFixed(1)} s, heap peak ${r.peakMB.toFixed(0)} MB`,
            );
          } else {
            const r = await inFreshProfile((page) =>
              page.evaluate(
                ([u, p, n]) => (globalThis as unknown as BenchGlobals).syncBench.ours(u, p, n),
                [server.url, project, spans] as const,
              ),
            );
            ours.push(r.ms);
            oursTokens.push(r.tokensMs);
            oursHeap.push(r.peakMB);
            ctx.log(
              `sync: ours ${r.docs} articles, ${r.spans} spans in ${(r.ms / 1000).toFixed(1)} s (tokens stored at ${(r.tokensMs / 1000).toFixed(1)} s), heap peak ${r.peakMB.toFixed(0)} MB`,
            );
          }
        }
      }
      // The scale keeps the plain keys (the target reads them).
      const key = (name: string): string => (docs === DOCS ? name : `${name}At${docs}`);
      const size = `${docs.toLocaleString('en')} articles, ${spans.toLocaleString('en')} spans`;
      const ratios = ours.map((o, i) => o / floor[i]!);
      figures[key('oursMs')] = figure(
        `first sync into a fresh profile through the app (${size}, until all are in Dexie)`,
        'ms',
        ours,
      );
      figures[key('floorMs')] = figure(
        `floor: PouchDB replicating the same documents into an empty PouchDB (${size})`,
        'ms',
        floor,
      );
      figures[key('ratio')] = figure(`ours / floor, paired runs (${size})`, '×', ratios);
      figures[key('oursTokensMs')] = figure(
        `the same first sync, until the articles' tokens are stored too (filled once the sync is idle; readers tokenize meanwhile) (${size})`,
        'ms',
        oursTokens,
      );
      figures[key('oursHeapMB')] = figure(
        `JS heap peak during our first sync (${size})`,
        'MB',
        oursHeap,
      );
      figures[key('floorHeapMB')] = figure(
        `JS heap peak during the floor (${size})`,
        'MB',
        floorHeap,
      );
      const docsTotal = docs + spans;
      growth.push(
        `${size}: ours ${(docsTotal / (median(ours) / 1000)).toFixed(0)} documents/s, the floor ${(docsTotal / (median(floor) / 1000)).toFixed(0)} documents/s`,
      );
    }
    // Latency on a small project of its own (a first sync of 110,000
    // documents is not what the analysts wait on while they work).
    await teamInit(admin, 'latency');
    const small = await seed(server, 'latency', 20);
    const latency = await inFreshProfile((page) =>
      page.evaluate(
        ([u, id, text, n]) =>
          (globalThis as unknown as BenchGlobals).syncBench.latency(u, 'latency', id, text, n),
        [server.url, small.first.id, small.first.text, ctx.quick ? 10 : 40] as const,
      ),
    );
    ctx.log(`sync: latency ${latency.map((x) => x.toFixed(0)).join(', ')} ms`);
    const kept = earlierScales(scales);
    return {
      measured: true,
      seconds: (performance.now() - started) / 1000,
      figures: {
        ...kept.figures,
        ...figures,
        latencyMs: figure(
          "A's new span (stored) to B's store, seen by a live query (what Review renders from)",
          'ms',
          latency,
        ),
      },
      notes: [
        `Server: pouchdb-server (in memory) on 127.0.0.1, seeded as admin, one project per scale (${scales.map((d) => d.toLocaleString('en')).join(' and ')} articles): articles of ${WORDS} words and ${PER_DOC} spans each (two analysts), every document its own CouchDB document as the app stores them.`,
        'Both runs replicate with batches of 100 documents into PouchDB’s IndexedDB adapter in the same Chromium, each run in a fresh on-disk browser profile of its own; ours adds connecting (sign-in, project check), the puller into Dexie (every document checked with zod, articles hashed before the transaction, the derived tables: span counts and facts, list rows; 1,000 changes per batch, held while the replicator brings in full batches), and ends when the header would say synced. The articles’ tokens are stored after that, once the bridge is idle (a cache readers compute without): measured on until they are all stored.',
        ...kept.notes,
        `Runs per scale: ${runs} paired${runs > 1 ? ' (floor then ours, then the other way round)' : ' (floor, then ours)'}. Growth with size: ${growth.join('; ')}.`,
        'Heap: performance.memory.usedJSHeapSize sampled every 200 ms (Chromium rounds it).',
        'Latency: two profiles in one page, each with its own engine, through the server; the time from A’s applyChanges resolving to B’s liveQuery seeing the span, p95 over the samples.',
      ],
    };
  } finally {
    await server.stop();
  }
}
