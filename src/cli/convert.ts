/**
 * `stance convert FILE.jsonl --to spans|doccano|spancat|conll [-o OUT]`:
 * reads spans JSONL, Prodigy db-out or doccano JSONL and writes another
 * format with the app's own writers, streaming line by line. `-o` is
 * written atomically (temporary file, fsync, rename): a failed conversion
 * leaves no output file. Standard output cannot be taken back, so there the
 * file is checked whole in a first pass before anything is printed.
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
OUT (written atomically) or to standard output (the file is then read twice:
checked whole first, so nothing is printed when a line is bad).
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

    /**
     * One pass over the file: every record goes through the writer (which
     * may refuse it) and, when `emit` is given, its text is emitted in
     * chunks of about FLUSH_AT. Problems go to stderr when `report`.
     * Returns the counts, or null when the file is a backup.
     */
    const pass = async (
      emit: ((s: string) => Promise<void>) | null,
      report: boolean,
    ): Promise<{ problems: number; records: number } | null> => {
      let buffer = '';
      let problems = 0;
      let records = 0;
      let format: 'spans' | 'doccano' | null = null;
      for await (const l of readJsonlFile(file)) {
        if (format === null) {
          const detected = detectFormat(l);
          if (detected === 'backup') {
            io.stderr(
              `${file}:${l.line}: a backup file cannot be converted; restore it in the app\n`,
            );
            return null;
          }
          format = detected;
        }
        const r = parseRecordLine(format, l);
        if (!r.ok) {
          problems++;
          if (report) io.stderr(`${file}:${r.error.line}: ${r.error.message}\n`);
          continue;
        }
        if (r.skipped) continue;
        const rec = r.value;
        try {
          const text = write({
            ...rec,
            docId: rec.docId ?? (await sha256Hex(rec.text)),
            annotatorId: rec.annotatorId ?? annotator,
          });
          if (emit) buffer += text;
          records++;
        } catch (err) {
          if (!(err instanceof ExportRefusal)) throw err;
          problems++;
          if (report) io.stderr(`${file}:${l.line}: ${err.message}\n`);
        }
        if (emit && buffer.length >= FLUSH_AT) {
          await emit(buffer);
          buffer = '';
        }
      }
      if (emit && buffer.length > 0) await emit(buffer);
      return { problems, records };
    };
    const nothingWritten = (problems: number): number => {
      io.stderr(
        `stance convert: ${problems} bad line(s); nothing written (use --skip-invalid to convert the rest)\n`,
      );
      return 1;
    };

    if (!outPath) {
      // Standard output cannot be taken back: unless bad lines are to be
      // skipped, read the whole file once to check it before printing anything.
      if (!skipInvalid) {
        const checked = await pass(null, true);
        if (checked === null) return 1;
        if (checked.problems > 0) return nothingWritten(checked.problems);
      }
      const done = await pass(async (s) => io.stdout(s), skipInvalid);
      if (done === null) return 1;
      if (done.problems > 0 && !skipInvalid) {
        // Only when the file changed between the check and the conversion.
        io.stderr(
          `stance convert: ${done.problems} bad line(s) appeared while converting (did the file change?); the output printed is incomplete\n`,
        );
        return 1;
      }
      return done.problems > 0 ? 1 : 0;
    }

    const out = await AtomicFileWriter.open(outPath);
    try {
      const done = await pass(async (s) => out.write(s), true);
      if (done === null || (done.problems > 0 && !skipInvalid)) {
        await out.abort();
        return done === null ? 1 : nothingWritten(done.problems);
      }
      await out.commit();
      io.stderr(`wrote ${done.records} record(s) to ${outPath}\n`);
      return done.problems > 0 ? 1 : 0;
    } catch (err) {
      await out.abort();
      throw err;
    }
  },
};
