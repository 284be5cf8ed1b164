/**
 * Reads the annotated lines `stance agreement` compares from dataset files,
 * through the shared dataset parsers (src/core/formats: spans JSONL, Prodigy
 * db-out, doccano), keeping each spans line's own `tokens` when it has them
 * (checked by core/formats/line-tokens.ts, as the app's import checks them).
 * Every bad line is reported as FILE:LINE.
 */
import { describeError } from '../core/errors.ts';
import { basename, extname } from 'node:path';
import type { AnnotatedLine } from '@core/agreement/from-lines.ts';
import { detectFormat, parseRecordLine } from '@core/formats/index.ts';
import { checkId, escapeUnsafe } from '@core/ids.ts';
import { InputError, readJsonlFile, showPath } from './jsonl-file.ts';

export interface ReadResult {
  lines: AnnotatedLine[];
  errors: string[];
  /** Things worth saying that are not errors. */
  notes: string[];
}

/**
 * Reads one dataset file into `into` (appending, element by element, so
 * any number of lines fits); lines without `_annotator_id` are the file
 * name's. Standard input (`-`) has no name: its lines need an id.
 */
export async function readAnnotatedFile(path: string, into: ReadResult): Promise<void> {
  const shown = showPath(path);
  const fallback = path === '-' ? null : basename(path, extname(path));
  let format: 'spans' | 'doccano' | null = null;
  let unnamed = 0;
  try {
    for await (const l of readJsonlFile(path)) {
      if (format === null) {
        const f = detectFormat(l);
        if (f === 'backup') {
          into.errors.push(`${shown}: this is a full backup, not a dataset of spans`);
          return;
        }
        format = f;
      }
      const r = parseRecordLine(format, l);
      if (!r.ok) {
        into.errors.push(`${shown}:${r.error.line}: ${r.error.message}`);
        continue;
      }
      if (r.skipped) continue;
      const rec = r.value;
      const annotatorId = rec.annotatorId ?? fallback;
      const unusable =
        rec.annotatorId === null && fallback !== null ? checkId('annotator id', fallback) : null;
      if (unusable) {
        into.errors.push(
          `${shown}:${l.line}: no _annotator_id, and the file's name cannot stand in for one: ${unusable}`,
        );
        continue;
      }
      if (annotatorId === null) {
        into.errors.push(
          `${shown}:${l.line}: no _annotator_id (lines read from standard input need one)`,
        );
        continue;
      }
      if (rec.annotatorId === null) unnamed++;
      into.lines.push({
        annotatorId,
        text: rec.text,
        docId: rec.docId,
        spans: rec.spans.map((s) => ({ start: s.start, end: s.end, label: s.label })),
        tokens: rec.tokens ?? null,
        where: `${shown}:${l.line}`,
      });
    }
    // As validate and convert say: an empty (or all blank) file is no dataset.
    if (format === null) into.errors.push(`${shown}: the file has no lines`);
  } catch (err) {
    if (err instanceof InputError) into.errors.push(err.message);
    else {
      const code = (err as NodeJS.ErrnoException).code;
      into.errors.push(`${shown}: cannot read (${code ?? describeError(err)})`);
    }
  }
  if (unnamed > 0)
    into.notes.push(
      `${shown}: ${unnamed} line(s) without _annotator_id are counted as '${escapeUnsafe(fallback ?? '')}'`,
    );
}
