/**
 * Spans JSONL, the default dataset format, readable by spaCy/Prodigy-style
 * code and Hugging Face `datasets`: one line per document per annotator.
 * Also reads Prodigy's own `db-out` lines (same span shape, no `schema`).
 * Offsets are code points (Python str indexes); `token_end` is inclusive.
 * See docs/formats.md.
 */
import { z } from 'zod';
import { ACTOR_KINDS, ATTRIBUTION_KINDS } from '../model.ts';
import { OffsetMap } from '../offsets.ts';
import { tokenRange } from '../tokenize.ts';
import { lastTextTokenCache, type TokenCache } from '../token-cache.ts';
import { lineError, type JsonlLine } from '../jsonl.ts';
import { atPath, problem, problemText, type Problem } from '../problems/problem.ts';
import { parseLineTokens } from './line-tokens.ts';
import { parseObjectLine } from './object-line.ts';
import {
  compareSpans,
  ExportRefusal,
  spanRefusal,
  idsProblem,
  type DatasetRecord,
  type DatasetSpan,
  type LineResult,
  type ParsedRecord,
} from './record.ts';
import type { IdKind } from '../ids.ts';

/** The `schema` value our exports carry. */
export const SPANS_SCHEMA = 'stance-workbench/spans@1';

const STATUSES = ['not-started', 'in-progress', 'done'] as const;

const spanShape = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  label: z.string().min(1),
  text: z.string().optional(),
  token_start: z.number().int().optional(),
  token_end: z.number().int().optional(),
  holder: z.string().nullable().optional(),
  holder_id: z.string().min(1, 'must not be empty').nullable().optional(),
  holder_en: z.string().nullable().optional(),
  holder_kind: z
    .enum(ACTOR_KINDS, { error: `must be one of ${ACTOR_KINDS.join(', ')}` })
    .nullable()
    .optional(),
  target: z.string().nullable().optional(),
  attribution: z
    .enum(ATTRIBUTION_KINDS, { error: `must be one of ${ATTRIBUTION_KINDS.join(', ')}` })
    .nullable()
    .optional(),
  note: z.string().nullable().optional(),
  agreed_by: z.array(z.string()).nullable().optional(),
  score: z.number().min(0).max(1).nullable().optional(),
});

const lineShape = z.object({
  text: z.string({ error: 'no text' }).min(1, 'no text (empty)'),
  spans: z.array(spanShape).optional(),
  meta: z
    .object({
      doc_id: z.union([z.string(), z.number()]).nullable().optional(),
      title: z.string().nullable().optional(),
      date: z.string().nullable().optional(),
      source: z.string().nullable().optional(),
      status: z.enum(STATUSES).nullable().optional(),
      doc_stance: z.string().nullable().optional(),
    })
    .loose()
    .optional(),
  _annotator_id: z.string().nullable().optional(),
  answer: z.string().optional(),
  schema: z.string().optional(),
  tokens: z.unknown().optional(),
});

/**
 * Parses one spans JSONL (or Prodigy db-out) line into a record. Lines
 * whose `answer` is `reject` or `ignore` (Prodigy) are skipped, not errors.
 */
export function parseSpansLine(l: JsonlLine): LineResult {
  const parsed = parseObjectLine(l, lineShape);
  if (!parsed.ok) return parsed;
  const d = parsed.data;
  if (d.schema !== undefined && d.schema !== SPANS_SCHEMA)
    return {
      ok: false,
      error: lineError(
        l.line,
        problem('line.unknownSchema', { schema: d.schema, reads: SPANS_SCHEMA }),
      ),
    };
  if (d.answer !== undefined && d.answer !== 'accept')
    return { ok: true, value: null, skipped: true, reason: `answer is '${d.answer}'` };
  const map = new OffsetMap(d.text);
  const spans: DatasetSpan[] = [];
  for (const [i, s] of (d.spans ?? []).entries()) {
    const bad =
      spanProblem(map, s.start, s.end, s.text) ??
      (s.holder_id && !s.holder?.trim()
        ? problem('span.holderNeedsName', { id: JSON.stringify(s.holder_id) })
        : null);
    if (bad) return { ok: false, error: lineError(l.line, atPath(`spans[${i}]`, bad)) };
    const span: DatasetSpan = {
      start: s.start,
      end: s.end,
      label: s.label,
      quote: s.text ?? null,
      holder: s.holder ?? null,
      note: s.note ?? null,
      agreedBy: s.agreed_by ?? null,
    };
    if (s.holder_id)
      span.holderActor = {
        id: s.holder_id,
        nameEn: s.holder_en ?? '',
        kind: s.holder_kind ?? null,
      };
    if (s.score !== undefined && s.score !== null) span.score = s.score;
    if (s.target) span.target = s.target;
    if (s.attribution) span.attribution = s.attribution;
    spans.push(span);
  }
  spans.sort(compareSpans);
  const tokens = parseLineTokens(d.tokens, map.cpLength);
  if ('error' in tokens) return { ok: false, error: lineError(l.line, tokens.error) };
  const meta = d.meta ?? {};
  const docId = meta.doc_id === undefined || meta.doc_id === null ? null : String(meta.doc_id);
  const idProblem = idsProblem([
    ['meta.doc_id', 'doc_id', docId],
    ['_annotator_id', 'annotator id', d._annotator_id ?? null],
    ['meta.doc_stance', 'label', meta.doc_stance ?? null],
    ...(d.spans ?? []).flatMap((s, i): [string, IdKind, string | null][] => [
      [`spans[${i}].label`, 'label', s.label],
      [`spans[${i}].holder_id`, 'holder_id', s.holder_id ?? null],
      ...(s.agreed_by ?? []).map((a, j): [string, 'annotator id', string] => [
        `spans[${i}].agreed_by[${j}]`,
        'annotator id',
        a,
      ]),
    ]),
  ]);
  if (idProblem) return { ok: false, error: lineError(l.line, idProblem) };
  const rec: ParsedRecord = {
    line: l.line,
    docId,
    text: d.text,
    title: meta.title ?? null,
    date: meta.date ?? null,
    source: meta.source ?? null,
    status: meta.status ?? null,
    docStance: meta.doc_stance ?? null,
    annotatorId: d._annotator_id ?? null,
    spans,
    tokens: tokens.tokens,
  };
  return { ok: true, value: rec };
}

/**
 * Checks a code-point span against its text: in range, non-empty, and, when
 * a quote is given, `text[start:end] == quote`. Returns a message or null.
 */
export function checkSpan(
  map: OffsetMap,
  start: number,
  end: number,
  quote: string | undefined,
): string | null {
  const p = spanProblem(map, start, end, quote);
  return p && problemText(p);
}

/** As checkSpan, the problem as data (the interface words it). */
export function spanProblem(
  map: OffsetMap,
  start: number,
  end: number,
  quote: string | undefined,
): Problem | null {
  if (end <= start) return problem('span.endBeforeStart', { start, end });
  if (end > map.cpLength) return problem('span.outOfRange', { start, end, length: map.cpLength });
  if (quote !== undefined) {
    const actual = map.slice(start, end);
    if (actual !== quote)
      return problem('span.quoteMismatch', {
        start,
        end,
        actual: JSON.stringify(actual),
        quote: JSON.stringify(quote),
      });
  }
  return null;
}

/**
 * The object a spans JSONL line is the JSON of, keys and spans in a fixed
 * order, so the same data always gives the same bytes. Throws ExportRefusal
 * naming the document and span when a span does not quote its text.
 * `tokensOf` gives the text's tokens (see token-cache.ts).
 */
export function spansLineObject(
  rec: DatasetRecord & { docId: string; annotatorId: string },
  tokensOf: TokenCache = lastTextTokenCache(),
): Record<string, unknown> {
  const map = new OffsetMap(rec.text);
  const tokens = tokensOf(rec.text, rec.docId);
  const spans = [...rec.spans].sort(compareSpans).map((s) => {
    const bad = spanProblem(map, s.start, s.end, s.quote ?? undefined);
    if (bad) throw spanRefusal(rec.docId, s, bad);
    const out: Record<string, unknown> = {
      start: s.start,
      end: s.end,
      label: s.label,
      text: map.slice(s.start, s.end),
    };
    const tr = tokenRange(tokens, s.start, s.end);
    if (tr) {
      out.token_start = tr.tokenStart;
      out.token_end = tr.tokenEnd;
    }
    if (s.score !== undefined && s.score !== null) {
      if (!(s.score >= 0 && s.score <= 1))
        throw new ExportRefusal(
          problem('export.badScore', {
            doc: rec.docId,
            label: s.label,
            start: s.start,
            end: s.end,
            score: String(s.score),
          }),
          rec.docId,
          s,
        );
      out.score = s.score;
    }
    if (s.holder !== null) out.holder = s.holder;
    else if (s.holderActor) out.holder = s.holderActor.nameEn || s.holderActor.id;
    if (s.holderActor) {
      out.holder_id = s.holderActor.id;
      if (s.holderActor.nameEn) out.holder_en = s.holderActor.nameEn;
      if (s.holderActor.kind) out.holder_kind = s.holderActor.kind;
    }
    if (s.target) out.target = s.target;
    if (s.attribution) out.attribution = s.attribution;
    if (s.note !== null) out.note = s.note;
    if (s.agreedBy !== null) out.agreed_by = [...s.agreedBy].sort();
    return out;
  });
  const meta: Record<string, unknown> = {
    doc_id: rec.docId,
    title: rec.title,
    date: rec.date,
    source: rec.source,
    status: rec.status ?? 'not-started',
  };
  if (rec.docStance !== null) meta.doc_stance = rec.docStance;
  return {
    text: rec.text,
    spans,
    // The tokens are written as they come: plain { text, start, end, id }
    // objects (see TokenCache), so no copy of every token is made.
    tokens,
    meta,
    _annotator_id: rec.annotatorId,
    answer: 'accept',
    schema: SPANS_SCHEMA,
  };
}

/**
 * Writes one record as a spans JSONL line (with its `\n`): the JSON of
 * `spansLineObject`, which see.
 */
export function writeSpansLine(
  rec: DatasetRecord & { docId: string; annotatorId: string },
  tokensOf: TokenCache = lastTextTokenCache(),
): string {
  return `${JSON.stringify(spansLineObject(rec, tokensOf))}\n`;
}
