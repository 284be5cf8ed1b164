/**
 * The first steps every dataset line parser shares: valid JSON, an object,
 * a `text`, then the format's zod shape, with the first problem reported
 * at its physical line and field path (`spans[2].start: …`).
 */
import type { z } from 'zod';
import { lineError, parseJsonLine, type JsonlLine, type LineError } from '../jsonl.ts';
import { problem } from '../problems/problem.ts';
import { zodProblem } from '../problems/zod-problem.ts';

/** Parses `l` into an object of `shape`, or a located error. */
export function parseObjectLine<T>(
  l: JsonlLine,
  shape: z.ZodType<T>,
): { ok: true; data: T } | { ok: false; error: LineError } {
  const json = parseJsonLine(l);
  if (!json.ok) return json;
  const v = json.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { ok: false, error: lineError(l.line, problem('line.notObject')) };
  if (!('text' in v)) return { ok: false, error: lineError(l.line, problem('line.noText')) };
  const parsed = shape.safeParse(v);
  if (!parsed.success) {
    return { ok: false, error: lineError(l.line, zodProblem(parsed.error.issues[0]!)) };
  }
  return { ok: true, data: parsed.data };
}
