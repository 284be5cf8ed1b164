/**
 * The first steps every dataset line parser shares: valid JSON, an object,
 * a `text`, then the format's zod shape, with the first problem reported
 * at its physical line and field path (`spans[2].start: …`).
 */
import type { z } from 'zod';
import { parseJsonLine, type JsonlLine, type LineError } from '../jsonl.ts';
import { issuePath } from './record.ts';

/** Parses `l` into an object of `shape`, or a located error. */
export function parseObjectLine<T>(
  l: JsonlLine,
  shape: z.ZodType<T>,
): { ok: true; data: T } | { ok: false; error: LineError } {
  const json = parseJsonLine(l);
  if (!json.ok) return json;
  const v = json.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { ok: false, error: { line: l.line, message: 'not a JSON object' } };
  if (!('text' in v)) return { ok: false, error: { line: l.line, message: 'no text' } };
  const parsed = shape.safeParse(v);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issuePath(issue.path);
    return {
      ok: false,
      error: { line: l.line, message: where ? `${where}: ${issue.message}` : issue.message },
    };
  }
  return { ok: true, data: parsed.data };
}
