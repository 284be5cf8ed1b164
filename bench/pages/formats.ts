/**
 * Export and agreement where the app runs them: in the renderer. The same
 * core code and the same fixed-seed data as bench/node/export.ts and
 * bench/node/agreement.ts, timed in Chromium.
 */
import { recordWriter } from '@core/formats/index.ts';
import { computeAgreement } from '@core/agreement/compute.ts';
import { groupLines } from '@core/agreement/from-lines.ts';
import { tokenize } from '@core/tokenize.ts';
import { agreementLines, exportRecords, type ExportRecord } from '../lib/datasets.ts';
import type { BenchGlobals } from '../lib/page-api.ts';
import { vocabulary } from './bench-vocab.ts';

let records: ExportRecord[] = [];
const encoder = new TextEncoder();

(window as unknown as BenchGlobals).formatsBench = {
  prepareExport(docs, perDoc) {
    records = exportRecords(vocabulary, docs, perDoc);
    return records.length;
  },
  exportRun(which, countBytes) {
    const write =
      which === 'ours' ? recordWriter('spans') : (r: ExportRecord) => `${JSON.stringify(r)}\n`;
    // Timed runs only touch each line's length (a sink would take it); the
    // UTF-8 size is counted in an untimed run, since it never changes.
    let chars = 0;
    let bytes = 0;
    const t0 = performance.now();
    if (countBytes) for (const r of records) bytes += encoder.encode(write(r)).length;
    else for (const r of records) chars += write(r).length;
    return { ms: performance.now() - t0, bytes, chars };
  },
  tokenizeRun() {
    const t0 = performance.now();
    let n = 0;
    for (const r of records) n += tokenize(r.text).length;
    return { ms: performance.now() - t0, tokens: n };
  },
  agreementRun(docs, perDoc) {
    const lines = agreementLines(vocabulary, docs, perDoc);
    const t0 = performance.now();
    const { annotators, docs: grouped } = groupLines(lines);
    const t1 = performance.now();
    computeAgreement(grouped, { annotators });
    const t2 = performance.now();
    return { total: t2 - t0, compute: t2 - t1 };
  },
};
