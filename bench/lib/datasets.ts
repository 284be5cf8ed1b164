/**
 * Fixed-seed datasets for the export, import and agreement benchmarks:
 * documents of 200–800 words from the seed vocabulary, each with spans at
 * token boundaries, as the exporter's records; and three annotators'
 * versions for agreement. Pure, so Node and a bench page build the same.
 */
import type { DatasetRecord } from '../../src/core/formats/record.ts';
import { tokenize, type Token } from '../../src/core/tokenize.ts';
import type { AnnotatedLine } from '../../src/core/agreement/from-lines.ts';
import {
  benchDocId,
  generateArticle,
  generateSpans,
  BENCH_LABELS,
  type Vocabulary,
} from './corpus.ts';
import { mulberry32, type Rng } from './prng.ts';

export type ExportRecord = DatasetRecord & { docId: string; annotatorId: string };

/** `docs` documents' texts and tokens (200–800 words each). */
export function documents(
  vocabulary: Vocabulary,
  docs: number,
  seed: number,
): { text: string; tokens: Token[] }[] {
  const rng = mulberry32(seed);
  return Array.from({ length: docs }, () => {
    const text = generateArticle(vocabulary, rng, rng.int(200, 800));
    return { text, tokens: tokenize(text) };
  });
}

/** Export records: one per document, `perDoc` spans each, one annotator. */
export function exportRecords(
  vocabulary: Vocabulary,
  docs: number,
  perDoc: number,
  seed = 11,
): ExportRecord[] {
  const rng = mulberry32(seed + 1);
  return documents(vocabulary, docs, seed).map(({ text, tokens }, i) => ({
    docId: benchDocId(i),
    text,
    title: text.slice(0, 40),
    date: '2021-07-26',
    source: 'bench',
    status: 'done',
    docStance: null,
    annotatorId: 'bench-analyst',
    spans: generateSpans(
      text,
      rng,
      perDoc,
      { docId: benchDocId(i), annotatorId: 'bench-analyst', idPrefix: `${i}` },
      tokens,
    ).map((s) => ({
      start: s.start,
      end: s.end,
      label: s.label,
      quote: s.quote,
      holder: s.holder,
      note: s.note,
      agreedBy: null,
    })),
  }));
}

/** A colleague's version of `spans`: most kept, some moved, relabelled, dropped or added. */
function colleague(
  spans: readonly { start: number; end: number; label: string }[],
  tokens: readonly Token[],
  rng: Rng,
): { start: number; end: number; label: string }[] {
  const out: { start: number; end: number; label: string }[] = [];
  for (const s of spans) {
    const r = rng.next();
    if (r < 0.6) out.push({ ...s });
    else if (r < 0.75) out.push({ ...s, label: rng.pick(BENCH_LABELS) });
    else if (r < 0.9) {
      const t = tokens[Math.min(tokens.length - 1, Math.max(0, rng.int(0, tokens.length - 1)))]!;
      out.push({ start: Math.min(s.start, t.start), end: Math.max(s.end, t.end), label: s.label });
    }
  }
  for (let k = rng.int(0, 3); k > 0; k--) {
    const t = rng.int(0, tokens.length - 2);
    out.push({ start: tokens[t]!.start, end: tokens[t + 1]!.end, label: rng.pick(BENCH_LABELS) });
  }
  return out;
}

/** `docs` documents × 3 annotators as spans JSONL lines hold them (no tokens). */
export function agreementLines(
  vocabulary: Vocabulary,
  docs: number,
  perDoc: number,
  seed = 21,
): AnnotatedLine[] {
  const rng = mulberry32(seed + 1);
  const lines: AnnotatedLine[] = [];
  documents(vocabulary, docs, seed).forEach(({ text, tokens }, i) => {
    const a = generateSpans(
      text,
      rng,
      perDoc,
      { docId: benchDocId(i), annotatorId: 'A', idPrefix: `${i}` },
      tokens,
    ).map((s) => ({ start: s.start, end: s.end, label: s.label }));
    const docId = benchDocId(i);
    lines.push({ annotatorId: 'A', text, docId, spans: a });
    lines.push({ annotatorId: 'B', text, docId, spans: colleague(a, tokens, rng) });
    lines.push({ annotatorId: 'C', text, docId, spans: colleague(a, tokens, rng) });
  });
  return lines;
}
