/**
 * A minimal reader of spans JSONL for `stance agreement`, used until the
 * shared spans JSONL parser (src/core/formats/) is merged: it validates each
 * line with zod and reports every bad line by file and line number.
 */
import { z } from 'zod';
import type { AnnotatedLine } from '@core/agreement/from-lines.ts';

const Line = z.object({
  text: z.string(),
  spans: z
    .array(
      z
        .object({ start: z.number().int().min(0), end: z.number().int().min(0), label: z.string() })
        .loose(),
    )
    .default([]),
  tokens: z.array(z.object({ start: z.number().int(), end: z.number().int() }).loose()).optional(),
  meta: z
    .object({ doc_id: z.union([z.string(), z.number()]).optional() })
    .loose()
    .optional(),
  _annotator_id: z.string().min(1),
});

/** Parses one file's text; returns the lines or errors naming file and line. */
export function readSpansJsonl(
  file: string,
  content: string,
): { lines: AnnotatedLine[]; errors: string[] } {
  const lines: AnnotatedLine[] = [];
  const errors: string[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      errors.push(`${where}: not JSON (${err instanceof Error ? err.message : String(err)})`);
      return;
    }
    const parsed = Line.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      errors.push(`${where}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
      return;
    }
    const l = parsed.data;
    const bad = l.spans.find((s) => s.end <= s.start);
    if (bad) {
      errors.push(`${where}: span ${bad.start}–${bad.end} (${bad.label}) ends before it starts`);
      return;
    }
    lines.push({
      annotatorId: l._annotator_id,
      text: l.text,
      docId: l.meta?.doc_id === undefined ? null : String(l.meta.doc_id),
      spans: l.spans.map((s) => ({ start: s.start, end: s.end, label: s.label })),
      tokens: l.tokens ?? null,
    });
  });
  return { lines, errors };
}
