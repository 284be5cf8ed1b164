/**
 * `stance validate FILE.jsonl`: checks a spans JSONL, Prodigy db-out,
 * doccano JSONL or backup file line by line with the app's own parsers,
 * printing `FILE:LINE: message` per problem (physical line numbers) to
 * standard error, like `convert` and `agreement`.
 */
import { DatasetLines } from '../core/formats/dataset-lines.ts';
import type { InputFormat } from '../core/formats/index.ts';
import type { LineError } from '../core/jsonl.ts';
import type { CliCommand } from './io.ts';
import { InputError, parseArgs, readJsonlFile, showPath } from './jsonl-file.ts';

const USAGE = `usage: stance validate FILE.jsonl [--from spans|doccano|backup]

Checks every line of a dataset file (- reads standard input): UTF-8, valid
JSON, a text, offsets in range (code points; UTF-16 for doccano), end >
start, span text equal to text[start:end], ids without control, bidi or
invisible characters, and a known schema. Prints FILE:LINE: message for every
problem to standard error and exits 1 (an empty or all-blank file is a
problem: "the file has no lines"), or prints a summary and exits 0.
`;

const FORMATS: InputFormat[] = ['spans', 'doccano', 'backup'];

/**
 * Validates a file; returns its format, record count and problems. Bytes
 * that are not UTF-8 (or a line over the limit) end the read: that is the
 * last problem reported.
 */
export async function validateFile(
  path: string,
  forced?: InputFormat,
): Promise<{ format: InputFormat; records: number; skipped: number; errors: LineError[] }> {
  let records = 0;
  let lines = 0;
  const reader = new DatasetLines(() => records++, forced);
  let unreadable: LineError | null = null;
  try {
    for await (const l of readJsonlFile(path)) {
      lines++;
      reader.push(l);
    }
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    unreadable = { line: err.line, message: err.reason };
  }
  if (unreadable) {
    const errors = reader.errors.slice();
    errors.push(unreadable);
    return { format: reader.format ?? forced ?? 'spans', records, skipped: reader.skipped, errors };
  }
  // As the app says on import: an empty (or all blank) file is no dataset.
  if (lines === 0)
    return {
      format: forced ?? 'spans',
      records: 0,
      skipped: 0,
      errors: [{ line: 0, message: 'the file has no lines' }],
    };
  const errors = reader.errors.slice();
  const backup = reader.finishBackup();
  if (backup) {
    for (const e of backup.errors) errors.push(e);
    records = Object.values(backup.tables).reduce((n, rows) => n + rows.length, 0);
  }
  return { format: reader.format ?? 'spans', records, skipped: reader.skipped, errors };
}

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a spans/doccano/backup JSONL file; FILE:LINE: message per problem',
  usage: USAGE,
  run: async (args, io) => {
    const { positional, options, error } = parseArgs(args, ['--from']);
    if (error || positional.length !== 1) {
      io.stderr(`stance validate: ${error ?? 'give exactly one FILE'}\n\n${USAGE}`);
      return 2;
    }
    const from = options.get('--from');
    if (from !== undefined && !FORMATS.includes(from as InputFormat)) {
      io.stderr(`stance validate: --from must be one of ${FORMATS.join(', ')}\n`);
      return 2;
    }
    const file = positional[0]!;
    const shown = showPath(file);
    const result = await validateFile(file, from as InputFormat | undefined);
    if (result.errors.length > 0) {
      for (const e of result.errors)
        io.stderr(e.line > 0 ? `${shown}:${e.line}: ${e.message}\n` : `${shown}: ${e.message}\n`);
      return 1;
    }
    const skipped = result.skipped > 0 ? `, ${result.skipped} skipped (not accepted)` : '';
    await io.stdout(`${shown}: valid ${result.format} file, ${result.records} records${skipped}\n`);
    return 0;
  },
};
