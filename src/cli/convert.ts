/**
 * `stance convert FILE.jsonl --to spans|doccano|spancat|conll [-o OUT]`:
 * reads spans JSONL, Prodigy db-out or doccano JSONL and writes another
 * format with the app's own writers, streaming line by line. `-o` is
 * written atomically (temporary file, fsync, rename): a failed conversion
 * leaves no output file.
 */
import { sha256Hex } from '../core/document.ts';
import {
  detectFormat,
  OUTPUT_FORMATS,
  parseRecordLine,
  recordWriter,
  type OutputFormat,
} from '../core/formats/index.ts';
import { ExportRefusal } from '../core/formats/record.ts';
import { AtomicFileWriter } from '../main/services/atomic-file.ts';
import type { CliCommand } from './io.ts';
import { parseArgs, readJsonlFile } from './jsonl-file.ts';

const USAGE = `usage: stance convert FILE.jsonl --to spans|doccano|spancat|conll [-o OUT]
                     [--annotator ID] [--skip-invalid]

Converts a spans JSONL, Prodigy db-out or doccano JSONL file. Output goes to
OUT (written atomically) or to standard output.
  --annotator ID    annotator for lines without _annotator_id (default: unknown)
  --skip-invalid    convert the valid lines even when some are bad
Bad lines are reported as FILE:LINE: message; without --skip-invalid nothing
is written and the exit code is 1.
`;

const FLUSH_AT = 1 << 20;

export const convertCommand: CliCommand = {
  name: 'convert',
  summary: 'convert a dataset: --to spans|doccano|spancat|conll [-o OUT]',
  usage: USAGE,
  run: async (args, io) => {
    const { positional, options, error } = parseArgs(
      args,
      ['--to', '-o', '--output', '--annotator'],
      ['--skip-invalid'],
    );
    const to = options.get('--to');
    if (error || positional.length !== 1 || !to) {
      io.stderr(
        `stance convert: ${error ?? (to ? 'give exactly one FILE' : '--to is required')}\n\n${USAGE}`,
      );
      return 2;
    }
    if (!OUTPUT_FORMATS.includes(to as OutputFormat)) {
      io.stderr(`stance convert: --to must be one of ${OUTPUT_FORMATS.join(', ')}\n`);
      return 2;
    }
    const file = positional[0]!;
    const outPath = options.get('-o') ?? options.get('--output');
    const annotator = options.get('--annotator') ?? 'unknown';
    const skipInvalid = options.has('--skip-invalid');
    const write = recordWriter(to as OutputFormat);

    const out = outPath ? await AtomicFileWriter.open(outPath) : null;
    let buffer = '';
    const flush = async (): Promise<void> => {
      if (buffer.length === 0) return;
      if (out) await out.write(buffer);
      else io.stdout(buffer);
      buffer = '';
    };
    let problems = 0;
    let records = 0;
    try {
      let format: 'spans' | 'doccano' | null = null;
      for await (const l of readJsonlFile(file)) {
        if (format === null) {
          const detected = detectFormat(l);
          if (detected === 'backup') {
            io.stderr(
              `${file}:${l.line}: a backup file cannot be converted; restore it in the app\n`,
            );
            await out?.abort();
            return 1;
          }
          format = detected;
        }
        const r = parseRecordLine(format, l);
        if (!r.ok) {
          problems++;
          io.stderr(`${file}:${r.error.line}: ${r.error.message}\n`);
          continue;
        }
        if (r.skipped) continue;
        const rec = r.value;
        try {
          buffer += write({
            ...rec,
            docId: rec.docId ?? (await sha256Hex(rec.text)),
            annotatorId: rec.annotatorId ?? annotator,
          });
          records++;
        } catch (err) {
          if (!(err instanceof ExportRefusal)) throw err;
          problems++;
          io.stderr(`${file}:${l.line}: ${err.message}\n`);
        }
        if (buffer.length >= FLUSH_AT) await flush();
      }
      if (problems > 0 && !skipInvalid) {
        await out?.abort();
        io.stderr(
          `stance convert: ${problems} bad line(s); nothing written (use --skip-invalid to convert the rest)\n`,
        );
        return 1;
      }
      await flush();
      if (out) {
        await out.commit();
        io.stderr(`wrote ${records} record(s) to ${outPath}\n`);
      }
      return problems > 0 ? 1 : 0;
    } catch (err) {
      await out?.abort();
      throw err;
    }
  },
};
