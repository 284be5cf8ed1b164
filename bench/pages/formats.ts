/**
 * Export and agreement where the app runs them: in the renderer. The same
 * core code and the same fixed-seed data as bench/node/export.ts and
 * bench/node/agreement.ts, timed in Chromium.
 */
import { computeAgreement } from '@core/agreement/compute.ts';
import { groupLines } from '@core/agreement/from-lines.ts';
import { agreementLines, exportRecords } from '../lib/datasets.ts';
import {
  exportWriter,
  prepareExportWork,
  tokenizeAll,
  unpackAll,
  type ExportWork,
} from '../lib/export-work.ts';
import type { BenchGlobals } from '../lib/page-api.ts';
import { vocabulary } from './bench-vocab.ts';

let work: ExportWork = { records: [], stored: new Map() };
const encoder = new TextEncoder();

(window as unknown as BenchGlobals).formatsBench = {
  prepareExport(docs, perDoc) {
    work = prepareExportWork(exportRecords(vocabulary, docs, perDoc));
    return work.records.length;
  },
  exportRun(which, countBytes) {
    const write = exportWriter(work, which);
    const { records } = work;
    // Timed runs only touch each line's length (a sink would take it); the
    // UTF-8 size is counted in an untimed run, since it never changes.
    let chars = 0;
    let bytes = 0;
    const t0 = performance.now();
    if (countBytes)
      for (let i = 0; i < records.length; i++)
        bytes += encoder.encode(write(records[i]!, i)).length;
    else for (let i = 0; i < records.length; i++) chars += write(records[i]!, i).length;
    return { ms: performance.now() - t0, bytes, chars };
  },
  tokenizeRun() {
    const t0 = performance.now();
    const tokens = tokenizeAll(work);
    return { ms: performance.now() - t0, tokens };
  },
  unpackRun() {
    const t0 = performance.now();
    const tokens = unpackAll(work);
    return { ms: performance.now() - t0, tokens };
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
