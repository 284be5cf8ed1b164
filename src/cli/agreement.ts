/**
 * `stance agreement A.jsonl B.jsonl [...] [--json]`: the agreement figures
 * of the app (docs/agreement.md) over spans JSONL files, as a table or as
 * JSON for scripts.
 */
import { computeAgreement } from '@core/agreement/compute.ts';
import { groupLines, type AnnotatedLine } from '@core/agreement/from-lines.ts';
import {
  annotatorPairs,
  pairFigure,
  type AgreementReport,
  type LabelFigures,
} from '@core/agreement/types.ts';
import { escapeUnsafe } from '@core/ids.ts';
import { readAnnotatedFile, type ReadResult } from './agreement-reader.ts';
import type { CliCommand } from './io.ts';

const USAGE = `usage: stance agreement A.jsonl B.jsonl [C.jsonl ...] [--json]

Agreement between the annotators of spans JSONL files (one line per document
per annotator, with "_annotator_id"; Prodigy db-out and doccano JSONL are read
too). Lines are grouped into documents by meta.doc_id, else by text; two
lines with one doc_id but different texts are an error. Tokens come from
each line's "tokens" when present (checked: inside the text, in order, not
overlapping), else from the workbench tokenizer. A line without
"_annotator_id" counts as the file's name.

Prints, per label and overall (macro): token-level Cohen's kappa and span F1
(exact and overlap) for every pair of annotators, and token-level
Krippendorff's alpha (nominal) over all of them. Definitions: docs/agreement.md.
A file may be - (standard input). An empty file is an error.

  --json   print {"annotators","documents","labels","macro"} instead of a table;
           pairwise figures are nested: kappa[A][B], A before B
`;

function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  const s = x.toFixed(3);
  return s === '-0.000' ? '0.000' : s;
}

/**
 * The report as a readable table: one row per pair of annotators, each
 * annotator in a column of its own (ids may hold any printable character,
 * `|` included, so they are never joined into one cell).
 */
export function formatReport(r: AgreementReport): string {
  const pairs = annotatorPairs(r.annotators);
  const show = (id: string): string => escapeUnsafe(id);
  let wa = 'annotator'.length;
  let wb = 'annotator'.length;
  for (const [a, b] of pairs) {
    wa = Math.max(wa, show(a).length);
    wb = Math.max(wb, show(b).length);
  }
  const block = (title: string, f: LabelFigures): string[] => [
    title,
    `  alpha (all annotators): ${fmt(f.alpha)}`,
    `  ${'annotator'.padEnd(wa)}  ${'annotator'.padEnd(wb)}  ${'kappa'.padStart(6)}  ${'F1 exact'.padStart(8)}  ${'F1 overlap'.padStart(10)}`,
    ...pairs.map(
      ([a, b]) =>
        `  ${show(a).padEnd(wa)}  ${show(b).padEnd(wb)}  ${fmt(pairFigure(f.kappa, a, b)).padStart(6)}  ${fmt(pairFigure(f.f1_exact, a, b)).padStart(8)}  ${fmt(pairFigure(f.f1_overlap, a, b)).padStart(10)}`,
    ),
    '',
  ];
  return [
    `${r.annotators.length} annotators (${r.annotators.map(show).join(', ')}), ${r.documents} documents`,
    '',
    ...Object.keys(r.labels).flatMap((label) => block(`label ${show(label)}`, r.labels[label]!)),
    ...block('overall (macro average over labels)', r.macro),
    '— : undefined (see docs/agreement.md)',
    '',
  ].join('\n');
}

export const agreementCommand: CliCommand = {
  name: 'agreement',
  summary: "agreement between annotators' spans JSONL files (kappa, alpha, span F1)",
  usage: USAGE,
  async run(args, io) {
    const json = args.includes('--json');
    const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
    const files = args.filter((a) => !a.startsWith('-'));
    if (unknown.length > 0 || files.length === 0) {
      io.stderr(
        `${unknown.length > 0 ? `stance agreement: unknown option ${unknown[0]}\n` : ''}${USAGE}`,
      );
      return 2;
    }
    // Every file's lines go into one list, element by element: spreading
    // 120,000 lines into push(...) overflowed the stack.
    const read: ReadResult = { lines: [] as AnnotatedLine[], errors: [], notes: [] };
    for (const file of files) await readAnnotatedFile(file, read);
    for (const n of read.notes) io.stderr(`stance agreement: ${n}\n`);
    const errors = read.errors;
    const grouped = errors.length > 0 ? null : groupLines(read.lines);
    if (grouped) for (const e of grouped.errors) errors.push(e);
    if (!grouped || errors.length > 0) {
      io.stderr(
        `stance agreement: ${errors.length} problem(s), nothing computed:\n${errors.map((e) => `  ${e}`).join('\n')}\n`,
      );
      return 1;
    }
    const { annotators, docs } = grouped;
    if (annotators.length < 2)
      io.stderr(
        `stance agreement: only one annotator (${escapeUnsafe(annotators[0] ?? 'none')}): pairwise figures are empty and alpha is undefined.\n`,
      );
    const report = computeAgreement(docs, { annotators });
    await io.stdout(json ? `${JSON.stringify(report)}\n` : formatReport(report));
    return 0;
  },
};
