/**
 * Import: the export file read back, streaming, with lines/s and peak heap
 * growth; and a 100 MB file, both through the streaming core path (fs
 * stream → JsonlLineReader → detectFormat → parseRecordLine, as the CLI's
 * validate does) and through the app's own analyzeFile (what the dataset
 * import dialog runs before its one write transaction), which is given the
 * whole file's bytes as the host hands them over. Heap is sampled every
 * 5 ms and after every chunk; the baseline is taken after a full GC.
 */
import { createReadStream, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { JsonlLineReader, type JsonlLine } from '../../src/core/jsonl.ts';
import { detectFormat, parseRecordLine } from '../../src/core/formats/index.ts';
import { figure, type Figure } from '../lib/results.ts';
import { emit, gc, quick } from './emit.ts';

/** The slice of src/renderer/src/db/dataset-import.ts this benchmark calls. */
interface AppImport {
  analyzeFile(
    db: unknown,
    file: { name: string; bytes: Uint8Array },
  ): Promise<
    { kind: 'dataset'; analysis: { records: unknown[]; errors: unknown[] } } | { kind: 'backup' }
  >;
}
// Renderer code, loaded by path: the Node type-check does not see the DOM
// types it is written against (it runs fine: it touches no DOM).
const appModule = '../../src/renderer/src/db/dataset-import.ts';
const { analyzeFile } = (await import(appModule)) as AppImport;

const started = performance.now();
const EXPORT = 'bench/.tmp/export.jsonl';
const BIG = 'bench/.tmp/import-100mb.jsonl';
const TARGET_BYTES = quick ? 20e6 : 100e6;
const RUNS = quick ? 1 : 3;
const MB = 1e6;

if (!existsSync(EXPORT)) throw new Error(`${EXPORT} is missing: the export benchmark writes it`);

/** A file of at least TARGET_BYTES made of whole lines of the export, repeated as needed. */
function makeBig(): void {
  const lines = readFileSync(EXPORT, 'utf8').split('\n').filter(Boolean);
  const out: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const l = lines[i % lines.length]!;
    out.push(l);
    bytes += Buffer.byteLength(l) + 1;
  }
  writeFileSync(BIG, `${out.join('\n')}\n`);
}

/** Tracks the peak of heapUsed (and of array buffers) above a GC'd baseline. */
function heapTracker(): { sample(): void; stop(): { heapMB: number; buffersMB: number } } {
  gc();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakBuf = base.arrayBuffers;
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.arrayBuffers > peakBuf) peakBuf = m.arrayBuffers;
  };
  const timer = setInterval(sample, 5);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return {
        heapMB: (peakHeap - base.heapUsed) / MB,
        buffersMB: (peakBuf - base.arrayBuffers) / MB,
      };
    },
  };
}

/** The streaming core path; records are parsed, checked and dropped. */
async function streaming(path: string): Promise<{ ms: number; lines: number; heapMB: number }> {
  const track = heapTracker();
  const t0 = performance.now();
  const reader = new JsonlLineReader();
  let format: ReturnType<typeof detectFormat> | null = null;
  let lines = 0;
  let bad = 0;
  const take = (ls: JsonlLine[]): void => {
    for (const l of ls) {
      format ??= detectFormat(l);
      const r = parseRecordLine(format === 'doccano' ? 'doccano' : 'spans', l);
      if (!r.ok) bad++;
      lines++;
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    take(reader.push(chunk as Buffer));
    track.sample();
  }
  take(reader.end());
  const ms = performance.now() - t0;
  const { heapMB } = track.stop();
  if (bad > 0) throw new Error(`${bad} lines of ${path} failed to parse`);
  return { ms, lines, heapMB };
}

/** The app's analyzeFile on the whole file, as the import dialog runs it. */
async function appAnalyze(
  path: string,
): Promise<{ ms: number; lines: number; heapMB: number; buffersMB: number }> {
  const track = heapTracker();
  const t0 = performance.now();
  // A Buffer is a Uint8Array: the file's bytes once, as the host hands them over.
  const bytes = readFileSync(path);
  const stub = { labels: { toArray: async () => [] } };
  const result = await analyzeFile(stub, { name: 'bench.jsonl', bytes });
  const ms = performance.now() - t0;
  track.sample();
  const lines = result.kind === 'dataset' ? result.analysis.records.length : 0;
  const peak = track.stop();
  if (result.kind !== 'dataset' || result.analysis.errors.length > 0)
    throw new Error('analyzeFile reported errors');
  return { ms, lines, ...peak };
}

makeBig();
const exportMB = statSync(EXPORT).size / MB;
const bigMB = statSync(BIG).size / MB;
const same: Awaited<ReturnType<typeof streaming>>[] = [];
const big: Awaited<ReturnType<typeof streaming>>[] = [];
const app: Awaited<ReturnType<typeof appAnalyze>>[] = [];
for (let i = 0; i < RUNS; i++) {
  same.push(await streaming(EXPORT));
  big.push(await streaming(BIG));
  app.push(await appAnalyze(BIG));
}
const f = (label: string, unit: string, xs: number[]): Figure => figure(label, unit, xs);
emit({
  measured: true,
  seconds: (performance.now() - started) / 1000,
  figures: {
    linesPerSec: f(
      `the export file back (${exportMB.toFixed(0)} MB, ${same[0]!.lines.toLocaleString('en')} lines), streaming core parse`,
      'lines/s',
      same.map((r) => (r.lines / r.ms) * 1000),
    ),
    heapGrowthExport: f(
      '… its peak heap growth',
      'MB',
      same.map((r) => r.heapMB),
    ),
    linesPerSec100MB: f(
      `a ${bigMB.toFixed(0)} MB file (${big[0]!.lines.toLocaleString('en')} lines), streaming core parse`,
      'lines/s',
      big.map((r) => (r.lines / r.ms) * 1000),
    ),
    heapGrowth100MB: f(
      '… its peak heap growth',
      'MB',
      big.map((r) => r.heapMB),
    ),
    appLinesPerSec100MB: f(
      `the same ${bigMB.toFixed(0)} MB file through the app's analyzeFile (records kept for one transaction)`,
      'lines/s',
      app.map((r) => (r.lines / r.ms) * 1000),
    ),
    appHeapGrowth100MB: f(
      "… analyzeFile's peak heap growth",
      'MB',
      app.map((r) => r.heapMB),
    ),
    appBuffers100MB: f(
      "… plus the file's bytes held outside the heap",
      'MB',
      app.map((r) => r.buffersMB),
    ),
  },
  notes: [
    `Heap growth is the peak of process.memoryUsage().heapUsed above a baseline taken after two forced GCs (--expose-gc), sampled every 5 ms and after every 1 MB chunk; it includes garbage not yet collected, so it is an upper bound. ${RUNS} runs each.`,
    `The ${bigMB.toFixed(0)} MB file is whole lines of the export file, repeated as needed.`,
    "analyzeFile runs in Node here with a stub for its one database read (the label set); its parsing is the app's code unchanged. Writing the records to IndexedDB is not part of this figure.",
  ],
});
