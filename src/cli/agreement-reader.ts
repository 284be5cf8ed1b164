/**
 * Reads the annotated lines `stance agreement` compares from dataset files,
 * through the shared dataset parsers (src/core/formats: spans JSONL, Prodigy
 * db-out, doccano), keeping each spans line's own `tokens` when it has them.
 * Every bad line is reported as FILE:LINE.
 */
import { describeError } from '../core/errors.ts';
import { basename, extname } from 'node:path';
import type { AnnotatedLine } from '@core/agreement/from-lines.ts';
import type { TokenExtent } from '@core/agreement/types.ts';
import { detectFormat, parseRecordLine } from '@core/formats/index.ts';
import { cpLength } from '@core/offsets.ts';
import { readJsonlFile } from './jsonl-file.ts';

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

/** Reads one dataset file; lines without `_annotator_id` are the file name's. */
export async function readAnnotatedFile(path: string): Promise<ReadResult> {
  const result: ReadResult = { lines: [], errors: [], notes: [] };
  const fallback = basename(path, extname(path));
  let format: 'spans' | 'doccano' | null = null;
  let unnamed = 0;
  try {
    for await (const l of readJsonlFile(path)) {
      if (format === null) {
        const f = detectFormat(l);
        if (f === 'backup') {
          result.errors.push(`${path}: this is a full backup, not a dataset of spans`);
          return result;
        }
        format = f;
      }
      const r = parseRecordLine(format, l);
      if (!r.ok) {
        result.errors.push(`${path}:${r.error.line}: ${r.error.message}`);
        continue;
      }
      if (r.skipped) continue;
      const rec = r.value;
      let tokens: TokenExtent[] | null = null;
      if (format === 'spans') {
        const t = lineTokens(l.text, rec.text);
        if ('error' in t) {
          result.errors.push(`${path}:${l.line}: ${t.error}`);
          continue;
        }
        tokens = t.tokens;
      }
      if (rec.annotatorId === null) unnamed++;
      result.lines.push({
        annotatorId: rec.annotatorId ?? fallback,
        text: rec.text,
        docId: rec.docId,
        spans: rec.spans.map((s) => ({ start: s.start, end: s.end, label: s.label })),
        tokens,
        where: `${path}:${l.line}`,
      });
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    result.errors.push(`${path}: cannot read (${code ?? describeError(err)})`);
  }
  if (unnamed > 0)
    result.notes.push(
      `${path}: ${unnamed} line(s) without _annotator_id are counted as '${fallback}'`,
    );
  return result;
}
