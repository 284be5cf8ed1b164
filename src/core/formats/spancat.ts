/**
 * Span-classification JSONL: one line per span, for training a classifier
 * on the span text alone or with its sentence as context:
 * `{"text","label","context","doc_id","start","end","_annotator_id"}`.
 * `start`/`end` are code-point offsets into the whole document.
 */
import { OffsetMap } from '../offsets.ts';
import { sentences, type Sentence } from '../tokenize.ts';
import { spanProblem } from './spans-jsonl.ts';
import { compareSpans, spanRefusal, type DatasetRecord } from './record.ts';

/** The sentence (or sentences) around a code-point span. */
export function contextOf(
  map: OffsetMap,
  sents: readonly Sentence[],
  start: number,
  end: number,
): string {
  const inside = sents.filter((s) => s.end > start && s.start < end);
  if (inside.length === 0) return map.slice(start, end);
  return map.slice(Math.min(inside[0]!.start, start), Math.max(inside.at(-1)!.end, end));
}

/** Writes every span of a record as span-classification lines. */
export function writeSpancatLines(
  rec: DatasetRecord & { docId: string; annotatorId: string },
): string {
  const map = new OffsetMap(rec.text);
  const sents = rec.spans.length > 0 ? sentences(rec.text) : [];
  let out = '';
  for (const s of [...rec.spans].sort(compareSpans)) {
    const bad = spanProblem(map, s.start, s.end, s.quote ?? undefined);
    if (bad) throw spanRefusal(rec.docId, s, bad);
    out += `${JSON.stringify({
      text: map.slice(s.start, s.end),
      label: s.label,
      context: contextOf(map, sents, s.start, s.end),
      doc_id: rec.docId,
      start: s.start,
      end: s.end,
      _annotator_id: rec.annotatorId,
    })}\n`;
  }
  return out;
}
