/**
 * Export: 10,000 documents × 20 spans to spans JSONL through the exporter's
 * own writer (recordWriter('spans')), as the `stance` CLI runs it in Node:
 * the CLI has no stored tokens, so it tokenizes every text. Against the
 * floor, JSON.stringify of the writer's own line objects (built beforehand);
 * the app's path (tokens stored with each document) and the earlier floor
 * (the input records, without tokens) are timed beside, for information.
 * Also writes the export to bench/.tmp/export.jsonl for the import benchmark.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { recordWriter } from '../../src/core/formats/index.ts';
import { figure } from '../lib/results.ts';
import { exportRecords } from '../lib/datasets.ts';
import {
  EXPORT_VARIANTS,
  exportWriter,
  prepareExportWork,
  tokenizeAll,
  unpackAll,
  type ExportVariant,
} from '../lib/export-work.ts';
import { nodeVocabulary } from './emit.ts';
import { emit, gc, quick } from './emit.ts';

const started = performance.now();
const DOCS = quick ? 1_000 : 10_000;
const PER_DOC = 20;
const RUNS = quick ? 2 : 5;
const work = prepareExportWork(exportRecords(nodeVocabulary(), DOCS, PER_DOC));

function run(which: ExportVariant): { ms: number; bytes: number } {
  const write = exportWriter(work, which);
  const { records } = work;
  let bytes = 0;
  const t0 = performance.now();
  for (let i = 0; i < records.length; i++) bytes += Buffer.byteLength(write(records[i]!, i));
  return { ms: performance.now() - t0, bytes };
}

// Warm-up (JIT), then rounds timing every variant once, in rotating order,
// each after a full garbage collection.
const ms: Record<ExportVariant, number[]> = {
  stored: [],
  tokenizing: [],
  floor: [],
  recordFloor: [],
};
const bytes = {} as Record<ExportVariant, number>;
for (const w of EXPORT_VARIANTS) bytes[w] = run(w).bytes;
const tokenizeMs: number[] = [];
const unpackMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  for (let k = 0; k < EXPORT_VARIANTS.length; k++) {
    const w = EXPORT_VARIANTS[(i + k) % EXPORT_VARIANTS.length]!;
    gc();
    ms[w].push(run(w).ms);
  }
  gc();
  let t0 = performance.now();
  tokenizeAll(work);
  tokenizeMs.push(performance.now() - t0);
  t0 = performance.now();
  unpackAll(work);
  unpackMs.push(performance.now() - t0);
}
if (bytes.stored !== bytes.floor || bytes.stored !== bytes.tokenizing)
  throw new Error(`the export variants wrote different sizes: ${JSON.stringify(bytes)}`);

// The file the import benchmark reads back.
mkdirSync('bench/.tmp', { recursive: true });
const out = createWriteStream('bench/.tmp/export.jsonl');
const write = recordWriter('spans');
for (const r of work.records) out.write(write(r));
await new Promise<void>((resolve) => out.end(resolve));

const MB = 1e6;
const ratio = (a: number[], b: number[]): number[] => a.map((x, i) => x / b[i]!);
emit({
  measured: true,
  seconds: (performance.now() - started) / 1000,
  figures: {
    exportMBps: figure(
      `in Node (the \`stance\` CLI, which has no stored tokens and tokenizes every text): spans JSONL writer, ${DOCS.toLocaleString('en')} docs × ${PER_DOC} spans, ${(bytes.tokenizing / MB).toFixed(1)} MB out`,
      'MB/s',
      ms.tokenizing.map((t) => bytes.tokenizing / MB / (t / 1000)),
    ),
    exportMs: figure('in Node: writer tokenizing every text, total time', 'ms', ms.tokenizing),
    floorMs: figure(
      `in Node: floor, JSON.stringify of the writer's own line objects (built before the run, ${(bytes.floor / MB).toFixed(1)} MB out)`,
      'ms',
      ms.floor,
    ),
    floorMBps: figure(
      'in Node: floor throughput',
      'MB/s',
      ms.floor.map((t) => bytes.floor / MB / (t / 1000)),
    ),
    ratio: figure(
      'in Node: writer tokenizing every text / floor (paired runs)',
      '×',
      ratio(ms.tokenizing, ms.floor),
    ),
    tokenizeMs: figure(
      "in Node: of the tokenizing writer's work, tokenizing the same texts alone",
      'ms',
      tokenizeMs,
    ),
    storedMs: figure(
      "in Node, for information: writer with stored tokens (the app's path; the CLI has none), total time",
      'ms',
      ms.stored,
    ),
    storedRatio: figure(
      'in Node, for information: writer with stored tokens / floor (paired runs)',
      '×',
      ratio(ms.stored, ms.floor),
    ),
    unpackMs: figure('in Node, for information: unpacking the stored tokens alone', 'ms', unpackMs),
    recordFloorMs: figure(
      `in Node, for information: JSON.stringify of the input records (the earlier floor: no tokens, ${(bytes.recordFloor / MB).toFixed(1)} MB out)`,
      'ms',
      ms.recordFloor,
    ),
    recordFloorRatio: figure(
      'in Node, for information: writer tokenizing every text / that earlier floor',
      '×',
      ratio(ms.tokenizing, ms.recordFloor),
    ),
  },
  notes: [
    `Documents of 200–800 words from the seed vocabulary (seed 11), ${PER_DOC} spans each at token boundaries; ${RUNS} rounds after a warm-up, each timing every variant once in rotating order, each run after a full garbage collection; each line is measured with Buffer.byteLength (as a sink would take it), not written to disk while timed.`,
    "The floor is JSON.stringify of the very line objects the writer emits (text, spans with token_start/token_end, tokens, meta, …), so it writes the same bytes. The writer's extra work over it: getting the tokens (tokenizing with Intl.Segmenter, or unpacking the stored boundaries), checking each span against its quote, and building the line objects. The floor's objects are built before each floor run, untimed, and dropped after it: kept alive beside the other variants, their millions of token objects made those variants' allocations several times slower (in Node, unpacking 4,000 documents' tokens took 337 ms instead of 66).",
    "Stored tokens: when a document is stored, the app keeps its tokens as flat code-point boundaries (src/core/token-pack.ts) and the export unpacks them (src/core/token-cache.ts) instead of tokenizing; the benchmarks pack them beforehand, untimed. The CLI (stance convert) reads dataset files, which carry no stored tokens, so it tokenizes: its figure is the tokenizing writer's.",
  ],
});
