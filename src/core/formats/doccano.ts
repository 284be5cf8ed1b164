/**
 * doccano JSONL, both ways: `{"id","text","label":[[start,end,label],...]}`.
 * doccano's web client counts offsets in UTF-16 code units (JavaScript
 * string indexes), so an emoji counts 2 there and 1 in Python. Every
 * conversion goes through OffsetMap (src/core/offsets.ts). Also reads
 * doccano's `labels` key and its `entities` ({start_offset,end_offset}) form.
 */
import { z } from 'zod';
import { OffsetMap } from '../offsets.ts';
import type { JsonlLine } from '../jsonl.ts';
import { parseObjectLine } from './object-line.ts';
import { spanProblem } from './spans-jsonl.ts';
import { lineError } from '../jsonl.ts';
import { atPath, problem } from '../problems/problem.ts';
import {
  compareSpans,
  spanRefusal,
  idsProblem,
  type DatasetRecord,
  type DatasetSpan,
  type LineResult,
} from './record.ts';

const triple = z.tuple([z.number().int(), z.number().int(), z.string().min(1)]);
const entity = z.object({
  start_offset: z.number().int(),
  end_offset: z.number().int(),
  label: z.string().min(1),
});

const lineShape = z.object({
  id: z.union([z.string(), z.number()]).nullable().optional(),
  text: z.string({ error: 'no text' }).min(1, 'no text (empty)'),
  label: z.array(triple).optional(),
  labels: z.array(triple).optional(),
  entities: z.array(entity).optional(),
  _annotator_id: z.string().nullable().optional(),
});

/** Parses one doccano JSONL line, converting UTF-16 offsets to code points. */
export function parseDoccanoLine(l: JsonlLine): LineResult {
  const parsed = parseObjectLine(l, lineShape);
  if (!parsed.ok) return parsed;
  const d = parsed.data;
  const map = new OffsetMap(d.text);
  const raw: [number, number, string][] = [
    ...(d.label ?? []),
    ...(d.labels ?? []),
    ...(d.entities ?? []).map((e): [number, number, string] => [
      e.start_offset,
      e.end_offset,
      e.label,
    ]),
  ];
  const spans: DatasetSpan[] = [];
  for (const [i, [us, ue, label]] of raw.entries()) {
    if (us < 0 || ue > map.utf16Length || ue <= us) {
      const bad =
        ue <= us
          ? problem('span.endBeforeStart', { start: us, end: ue })
          : problem('span.utf16OutOfRange', { start: us, end: ue, length: map.utf16Length });
      return { ok: false, error: lineError(l.line, atPath(`label[${i}]`, bad)) };
    }
    const start = map.toCodePoint(us);
    const end = map.toCodePoint(ue);
    if (map.toUtf16(start) !== us || map.toUtf16(end) !== ue)
      return {
        ok: false,
        error: lineError(
          l.line,
          problem('span.splitsAstral', { start: us, end: ue }, `label[${i}]`),
        ),
      };
    const bad = spanProblem(map, start, end, undefined);
    if (bad) return { ok: false, error: lineError(l.line, atPath(`label[${i}]`, bad)) };
    spans.push({ start, end, label, quote: null, holder: null, note: null, agreedBy: null });
  }
  spans.sort(compareSpans);
  const docId = d.id === undefined || d.id === null ? null : String(d.id);
  const idProblem = idsProblem([
    ['id', 'doc_id', docId],
    ['_annotator_id', 'annotator id', d._annotator_id ?? null],
    ...raw.map(([, , label], i): [string, 'label', string] => [`label[${i}]`, 'label', label]),
  ]);
  if (idProblem) return { ok: false, error: lineError(l.line, idProblem) };
  return {
    ok: true,
    value: {
      line: l.line,
      docId,
      text: d.text,
      title: null,
      date: null,
      source: null,
      status: null,
      docStance: null,
      annotatorId: d._annotator_id ?? null,
      spans,
    },
  };
}

/** Writes one record as a doccano JSONL line (UTF-16 offsets), with `\n`. */
export function writeDoccanoLine(
  rec: DatasetRecord & { docId: string; annotatorId: string },
): string {
  const map = new OffsetMap(rec.text);
  const label = [...rec.spans].sort(compareSpans).map((s) => {
    const bad = spanProblem(map, s.start, s.end, s.quote ?? undefined);
    if (bad) throw spanRefusal(rec.docId, s, bad);
    return [map.toUtf16(s.start), map.toUtf16(s.end), s.label];
  });
  return `${JSON.stringify({ id: rec.docId, text: rec.text, label, _annotator_id: rec.annotatorId })}\n`;
}
