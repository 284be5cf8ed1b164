/**
 * Export: 10,000 documents × 20 spans to spans JSONL through the exporter's
 * own writer (recordWriter('spans'), as writeDataset uses it), against a
 * plain JSON.stringify of the same record objects (the floor). Also writes
 * the export to bench/.tmp/export.jsonl for the import benchmark.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { recordWriter } from '../../src/core/formats/index.ts';
import { figure } from '../lib/results.ts';
import { exportRecords } from '../lib/datasets.ts';
import { nodeVocabulary } from './emit.ts';
import { emit, gc, quick } from './emit.ts';

const started = performance.now();
const DOCS = quick ? 1_000 : 10_000;
const PER_DOC = 20;
const RUNS = quick ? 2 : 5;
const records = exportRecords(nodeVocabulary(), DOCS, PER_DOC);

function ours(): { ms: number; bytes: number } {
  const write = recordWriter('spans');
  let bytes = 0;
  const t0 = performance.now();
  for (const r of records) bytes += Buffer.byteLength(write(r));
  return { ms: performance.now() - t0, bytes };
}

function floor(): { ms: number; bytes: number } {
  let bytes = 0;
  const t0 = performance.now();
  for (const r of records) bytes += Buffer.byteLength(`${JSON.stringify(r)}\n`);
  return { ms: performance.now() - t0, bytes };
}

// Warm-up (JIT) on a tenth of the work, then paired runs in alternating order.
const oursMs: number[] = [];
const floorMs: number[] = [];
let oursBytes = 0;
let floorBytes = 0;
ours();
floor();
for (let i = 0; i < RUNS; i++) {
  gc();
  const pair = i % 2 === 0 ? [ours, floor] : [floor, ours];
  for (const f of pair) {
    const r = f();
    if (f === ours) {
      oursMs.push(r.ms);
      oursBytes = r.bytes;
    } else {
      floorMs.push(r.ms);
      floorBytes = r.bytes;
    }
  }
}

// The file the import benchmark reads back.
mkdirSync('bench/.tmp', { recursive: true });
const out = createWriteStream('bench/.tmp/export.jsonl');
const write = recordWriter('spans');
for (const r of records) out.write(write(r));
await new Promise<void>((resolve) => out.end(resolve));

const MB = 1e6;
emit({
  measured: true,
  seconds: (performance.now() - started) / 1000,
  figures: {
    exportMBps: figure(
      `spans JSONL writer (recordWriter('spans')): ${DOCS.toLocaleString('en')} docs × ${PER_DOC} spans, ${(oursBytes / MB).toFixed(1)} MB out`,
      'MB/s',
      oursMs.map((ms) => oursBytes / MB / (ms / 1000)),
    ),
    exportMs: figure('spans JSONL writer, total time', 'ms', oursMs),
    floorMs: figure(
      `floor: JSON.stringify of the same record objects (${(floorBytes / MB).toFixed(1)} MB out)`,
      'ms',
      floorMs,
    ),
    floorMBps: figure(
      'floor throughput',
      'MB/s',
      floorMs.map((ms) => floorBytes / MB / (ms / 1000)),
    ),
    ratio: figure(
      'writer time / floor time (paired runs)',
      '×',
      oursMs.map((ms, i) => ms / floorMs[i]!),
    ),
  },
  notes: [
    `Documents of 200–800 words from the seed vocabulary (seed 11), ${PER_DOC} spans each at token boundaries; ${RUNS} paired runs after a warm-up, alternating which goes first; each line is measured with Buffer.byteLength (as a sink would take it), not written to disk while timed.`,
    'The writer does more than the floor by design: it tokenizes every text (Intl.Segmenter) to write `tokens` and `token_start`/`token_end`, checks each span against its quote, and fixes key order; so its output is also larger than the floor’s.',
  ],
});
