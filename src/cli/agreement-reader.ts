/**
 * Reads the annotated lines `stance agreement` compares from dataset files,
 * through the shared dataset parsers (src/core/formats: spans JSONL, Prodigy
 * db-out, doccano), keeping each spans line's own `tokens` when it has them.
 * Every bad line is reported as FILE:LINE.
 */
import { basename, extname } from 'node:path';
import type { AnnotatedLine } from '@core/agreement/from-lines.ts';
import type { TokenExtent } from '@core/agreement/types.ts';
import { detectFormat, parseRecordLine } from '@core/formats/index.ts';
import { checkId, escapeUnsafe } from '@core/ids.ts';
import { cpLength } from '@core/offsets.ts';
import { InputError, readJsonlFile, showPath } from './jsonl-file.ts';

export interface ReadResult {
  lines: AnnotatedLine[];
  errors: string[];
  /** Things worth saying that are not errors. */
  notes: string[];
}

/**
 * The `tokens` of a spans JSONL line: null when it has none (absent, null or
 * empty: the workbench tokenizer is used), else the list, checked to be
 * integer extents inside the text (code points), in order and not
 * overlapping; a message saying what is wrong otherwise.
 */
export function lineTokens(
  json: string,
  text: string,
): { tokens: TokenExtent[] | null } | { error: string } {
  let v: { tokens?: unknown };
  try {
    v = JSON.parse(json) as { tokens?: unknown };
  } catch {
    return { tokens: null }; // the record parser has already reported it
  }
  if (v.tokens === undefined || v.tokens === null) return { tokens: null };
  if (!Array.isArray(v.tokens)) return { error: 'tokens must be a list' };
  if (v.tokens.length === 0) return { tokens: null };
  const length = cpLength(text);
  const out: TokenExtent[] = [];
  for (const [i, t] of (v.tokens as { start?: unknown; end?: unknown }[]).entries()) {
    const start = t?.start;
    const end = t?.end;
    if (!Number.isInteger(start) || !Number.isInteger(end))
      return { error: `tokens[${i}]: start and end must be integers` };
    const s = start as number;
    const e = end as number;
    if (s < 0 || e > length || s >= e)
      return {
        error: `tokens[${i}]: ${s}–${e} is not a non-empty range inside the text (${length} code points)`,
      };
    const prev = out[out.length - 1];
    if (prev && s < prev.end)
      return {
        error: `tokens[${i}]: ${s}–${e} starts before tokens[${i - 1}] (${prev.start}–${prev.end}) ends: tokens must be in order and not overlap`,
      };
    out.push({ start: s, end: e });
  }
  return { tokens: out };
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
      let tokens: TokenExtent[] | null = null;
      if (format === 'spans') {
        const t = lineTokens(l.text, rec.text);
        if ('error' in t) {
          into.errors.push(`${shown}:${l.line}: ${t.error}`);
          continue;
        }
        tokens = t.tokens;
      }
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
        tokens,
        where: `${shown}:${l.line}`,
      });
    }
    // As validate and convert say: an empty (or all blank) file is no dataset.
    if (format === null) into.errors.push(`${shown}: the file has no lines`);
  } catch (err) {
    if (err instanceof InputError) into.errors.push(err.message);
    else {
      const code = (err as NodeJS.ErrnoException).code;
      into.errors.push(
        `${shown}: cannot read (${code ?? (err instanceof Error ? err.message : String(err))})`,
      );
    }
  }
  if (unnamed > 0)
    into.notes.push(
      `${shown}: ${unnamed} line(s) without _annotator_id are counted as '${escapeUnsafe(fallback ?? '')}'`,
    );
}
