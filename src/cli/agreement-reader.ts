/**
 * Reads the annotated lines `stance agreement` compares from dataset files,
 * through the shared dataset parsers (src/core/formats: spans JSONL, Prodigy
 * db-out, doccano), keeping each spans line's own `tokens` when it has them
 * (checked by core/formats/line-tokens.ts, as the app's import checks them).
 * Every bad line is reported as FILE:LINE.
 */
import { basename, extname } from 'node:path';
import type { AnnotatedLine } from '@core/agreement/from-lines.ts';
import { detectFormat, parseRecordLine } from '@core/formats/index.ts';
import { readJsonlFile } from './jsonl-file.ts';

export interface ReadResult {
  lines: AnnotatedLine[];
  errors: string[];
  /** Things worth saying that are not errors. */
  notes: string[];
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
      if (rec.annotatorId === null) unnamed++;
      result.lines.push({
        annotatorId: rec.annotatorId ?? fallback,
        text: rec.text,
        docId: rec.docId,
        spans: rec.spans.map((s) => ({ start: s.start, end: s.end, label: s.label })),
        tokens: rec.tokens ?? null,
        where: `${path}:${l.line}`,
      });
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    result.errors.push(
      `${path}: cannot read (${code ?? (err instanceof Error ? err.message : String(err))})`,
    );
  }
  if (unnamed > 0)
    result.notes.push(
      `${path}: ${unnamed} line(s) without _annotator_id are counted as '${fallback}'`,
    );
  return result;
}
