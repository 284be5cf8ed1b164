/**
 * `stance convert FILE.jsonl --to spans|doccano|spancat|conll [-o OUT]`:
 * reads spans JSONL, Prodigy db-out or doccano JSONL and writes another
 * format with the app's own writers, streaming line by line. The input is
 * read once, so it may be a pipe, a FIFO or standard input (`-`). Nothing
 * is ever half-written: `-o` is written atomically (temporary file, fsync,
 * rename, the old file's permissions kept), and standard output gets the
 * conversion only once all of it succeeded (it is spooled to a temporary
 * file first). Temporary files are removed however the command ends,
 * Ctrl+C and `kill` included.
 */
import { createReadStream, rmSync } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { sha256Hex } from '../core/document.ts';
import {
  detectFormat,
  OUTPUT_FORMATS,
  parseRecordLine,
  recordWriter,
  type OutputFormat,
} from '../core/formats/index.ts';
import { ExportRefusal } from '../core/formats/record.ts';
import { checkId, escapeUnsafe } from '../core/ids.ts';
import { AtomicFileWriter } from '../main/services/atomic-file.ts';
import { atExit } from './exit-tasks.ts';
import type { CliCommand, CliIo } from './io.ts';
import { InputError, parseArgs, readJsonlFile, showPath } from './jsonl-file.ts';

const USAGE = `usage: stance convert FILE.jsonl --to spans|doccano|spancat|conll [-o OUT]
                     [--annotator ID] [--skip-invalid]

Converts a spans JSONL, Prodigy db-out or doccano JSONL file (- reads
standard input; pipes and FIFOs work). Output goes to OUT (written
atomically, keeping an existing OUT's permissions) or to standard output
(spooled to a temporary file first, so nothing is printed when a line is
bad).
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
    const badAnnotator = checkId('annotator id', annotator);
    if (badAnnotator) {
      io.stderr(`stance convert: --annotator: ${badAnnotator}\n`);
      return 2;
    }
    const write = recordWriter(to as OutputFormat);

    const shown = showPath(file);
    const target = outPath ? await checkOutput(outPath) : null;
    if (target?.problem) {
      io.stderr(`stance convert: ${target.problem}\n`);
      return 1;
    }

    /**
     * The one pass over the file: every record goes through the writer
     * (which may refuse it) and its text is emitted in chunks of about
     * FLUSH_AT. Problems go to stderr. Returns the counts, or a message
     * when the file is a backup or has no lines.
     */
    const pass = async (
      emit: (s: string) => Promise<void>,
    ): Promise<{ problems: number; records: number } | { refusal: string }> => {
      let buffer = '';
      let problems = 0;
      let records = 0;
      let format: 'spans' | 'doccano' | null = null;
      for await (const l of readJsonlFile(file)) {
        if (format === null) {
          const detected = detectFormat(l);
          if (detected === 'backup')
            return {
              refusal: `${shown}:${l.line}: a backup file cannot be converted; restore it in the app`,
            };
          format = detected;
        }
        const r = parseRecordLine(format, l);
        if (!r.ok) {
          problems++;
          io.stderr(`${shown}:${r.error.line}: ${r.error.message}\n`);
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
          io.stderr(`${shown}:${l.line}: ${err.message}\n`);
        }
        if (buffer.length >= FLUSH_AT) {
          await emit(buffer);
          buffer = '';
        }
      }
      // As validate says, and the app on import: no lines is no dataset.
      if (format === null) return { refusal: `${shown}: the file has no lines` };
      if (buffer.length > 0) await emit(buffer);
      return { problems, records };
    };

    /** Runs the pass into `sink`: the exit code, whether the output may be kept, the records written. */
    const convertInto = async (
      sink: (s: string) => Promise<void>,
    ): Promise<{ code: number; keep: boolean; records: number }> => {
      let done: Awaited<ReturnType<typeof pass>>;
      try {
        done = await pass(sink);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        io.stderr(`${err.message}\nstance convert: nothing written\n`);
        return { code: 1, keep: false, records: 0 };
      }
      if ('refusal' in done) {
        io.stderr(`${done.refusal}\nstance convert: nothing written\n`);
        return { code: 1, keep: false, records: 0 };
      }
      if (done.problems > 0 && !skipInvalid) {
        io.stderr(
          `stance convert: ${done.problems} bad line(s); nothing written (use --skip-invalid to convert the rest)\n`,
        );
        return { code: 1, keep: false, records: 0 };
      }
      return { code: done.problems > 0 ? 1 : 0, keep: true, records: done.records };
    };

    if (!target) return toStdout(io, convertInto);

    const out = await AtomicFileWriter.open(target.path);
    const forget = atExit(() => rmSync(out.partialPath, { force: true }));
    try {
      const r = await convertInto(async (s) => out.write(s));
      if (!r.keep) {
        await out.abort();
        return r.code;
      }
      await out.commit();
      io.stderr(`wrote ${r.records} record(s) to ${escapeUnsafe(target.path)}\n`);
      return r.code;
    } catch (err) {
      await out.abort();
      throw err;
    } finally {
      forget();
    }
  },
};

/**
 * Checks where `-o` points before anything is read: its folder must exist
 * and be a folder, and the path itself must not be a folder.
 */
async function checkOutput(path: string): Promise<{ path: string; problem: string | null }> {
  const folder = dirname(resolve(path));
  const shown = escapeUnsafe(path);
  const dir = await stat(folder).catch(() => null);
  if (!dir)
    return {
      path,
      problem: `cannot write ${shown}: the folder ${escapeUnsafe(folder)} does not exist`,
    };
  if (!dir.isDirectory())
    return { path, problem: `cannot write ${shown}: ${escapeUnsafe(folder)} is not a folder` };
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) return { path, problem: `cannot write ${shown}: it is a folder` };
  return { path, problem: null };
}

/**
 * Converts into a spool file in the system's temporary folder, then copies
 * it to standard output when the conversion may be kept; the spool is
 * removed in every case (exit tasks cover Ctrl+C and a closed pipe).
 */
async function toStdout(
  io: CliIo,
  convertInto: (
    sink: (s: string) => Promise<void>,
  ) => Promise<{ code: number; keep: boolean; records: number }>,
): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'stance-convert-'));
  const forget = atExit(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'out');
  try {
    const spool = await open(path, 'wx', 0o600);
    let r: Awaited<ReturnType<typeof convertInto>>;
    try {
      r = await convertInto(async (s) => {
        await spool.write(s);
      });
    } finally {
      await spool.close();
    }
    if (!r.keep) return r.code;
    const decoder = new TextDecoder();
    for await (const chunk of createReadStream(path, { highWaterMark: FLUSH_AT }))
      await io.stdout(decoder.decode(chunk as Buffer, { stream: true }));
    const rest = decoder.decode();
    if (rest) await io.stdout(rest);
    return r.code;
  } finally {
    await rm(dir, { recursive: true, force: true });
    forget();
  }
}
