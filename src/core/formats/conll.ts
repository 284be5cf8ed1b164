/**
 * CoNLL/BIO: `token<TAB>tag`, a blank line between sentences, and comment
 * lines `# doc_id = ...` and `# annotator = ...` before each document. When
 * a document has overlapping spans, one tag column per label is written
 * instead, named by a `# tag_columns = ...` comment; spans of one label that
 * share a token (nested quotes) get further columns `label#2`, `label#3`, so
 * no span's tags overwrite another's. Tokens come from src/core/tokenize.ts.
 *
 * CoNLL has no quoting: a tab or line break in a field makes new columns,
 * rows or comments. So a document id, annotator id or label holding a
 * control, bidi or invisible character (src/core/ids.ts) is refused, and
 * in token text every space, control character and line or paragraph
 * separator is written as `_`.
 */
import { escapeUnsafe, idProblem as unsafeId } from '../ids.ts';
import { problem } from '../problems/problem.ts';
import { OffsetMap } from '../offsets.ts';
import { sentences, tokenRange, tokenize, type Token } from '../tokenize.ts';
import type { TokenCache } from '../token-cache.ts';
import { spanProblem } from './spans-jsonl.ts';
import {
  compareSpans,
  ExportRefusal,
  spanRefusal,
  type DatasetRecord,
  type DatasetSpan,
} from './record.ts';

/** Characters that would break a CoNLL row: spaces, controls, line and paragraph separators. */
const UNSAFE_IN_TOKEN = /[\s\p{Cc}\p{Zl}\p{Zp}]/gu;

/** A token's text as one CoNLL field. */
function tokenField(text: string): string {
  return text.replace(UNSAFE_IN_TOKEN, '_');
}

function overlaps(spans: readonly DatasetSpan[], tokens: readonly Token[]): boolean {
  const used = new Set<number>();
  for (const s of spans) {
    const r = tokenRange(tokens, s.start, s.end);
    if (!r) continue;
    for (let i = r.tokenStart; i <= r.tokenEnd; i++) {
      if (used.has(i)) return true;
      used.add(i);
    }
  }
  return false;
}

function tagColumn(spans: readonly DatasetSpan[], tokens: readonly Token[]): string[] {
  const tags = tokens.map(() => 'O');
  for (const s of spans) {
    const r = tokenRange(tokens, s.start, s.end);
    if (!r) continue;
    for (let i = r.tokenStart; i <= r.tokenEnd; i++)
      tags[i] = `${i === r.tokenStart ? 'B' : 'I'}-${s.label}`;
  }
  return tags;
}

/**
 * Splits one label's spans (sorted by start) into groups whose token ranges
 * do not share a token, first fit: nested or overlapping spans of one label
 * land in different groups, so no span overwrites another's tags.
 */
function layers(spans: readonly DatasetSpan[], tokens: readonly Token[]): DatasetSpan[][] {
  const groups: { spans: DatasetSpan[]; lastToken: number }[] = [];
  for (const s of spans) {
    const r = tokenRange(tokens, s.start, s.end);
    if (!r) continue;
    let g = groups.find((x) => x.lastToken < r.tokenStart);
    if (!g) groups.push((g = { spans: [], lastToken: -1 }));
    g.spans.push(s);
    g.lastToken = r.tokenEnd;
  }
  return groups.length > 0 ? groups.map((g) => g.spans) : [[]];
}

/**
 * Writes one record as a CoNLL block, ending with a blank line. `tokensOf`
 * gives the text's tokens (see token-cache.ts).
 */
export function writeConllBlock(
  rec: DatasetRecord & { docId: string; annotatorId: string },
  tokensOf: TokenCache = tokenize,
): string {
  const map = new OffsetMap(rec.text);
  const spans = [...rec.spans].sort(compareSpans);
  for (const s of spans) {
    const bad = spanProblem(map, s.start, s.end, s.quote ?? undefined);
    if (bad) throw spanRefusal(rec.docId, s, bad);
  }
  const idProblem =
    unsafeId('doc_id', rec.docId) ??
    unsafeId('annotator id', rec.annotatorId) ??
    spans.map((s) => unsafeId('label', s.label)).find((p) => p !== null) ??
    null;
  if (idProblem)
    throw new ExportRefusal(
      problem('export.documentRefused', { doc: escapeUnsafe(rec.docId), reason: idProblem }),
      rec.docId,
      null,
    );
  const tokens = tokensOf(rec.text, rec.docId);
  const lines = [`# doc_id = ${rec.docId}`, `# annotator = ${rec.annotatorId}`];
  let columns: string[][];
  if (overlaps(spans, tokens)) {
    const labels = [...new Set(spans.map((s) => s.label))].sort();
    const names: string[] = [];
    columns = [];
    for (const label of labels) {
      const groups = layers(
        spans.filter((s) => s.label === label),
        tokens,
      );
      groups.forEach((g, i) => {
        names.push(i === 0 ? label : `${label}#${i + 1}`);
        columns.push(tagColumn(g, tokens));
      });
    }
    lines.push(`# tag_columns = ${names.join('\t')}`);
  } else {
    columns = [tagColumn(spans, tokens)];
  }
  let ti = 0;
  for (const sent of sentences(rec.text)) {
    const before = lines.length;
    while (ti < tokens.length && tokens[ti]!.start < sent.end) {
      const t = tokens[ti]!;
      lines.push([tokenField(t.text), ...columns.map((c) => c[ti]!)].join('\t'));
      ti++;
    }
    if (lines.length > before) lines.push('');
  }
  while (ti < tokens.length) {
    const t = tokens[ti]!;
    lines.push([tokenField(t.text), ...columns.map((c) => c[ti]!)].join('\t'));
    ti++;
  }
  if (lines.at(-1) !== '') lines.push('');
  return `${lines.join('\n')}\n`;
}
