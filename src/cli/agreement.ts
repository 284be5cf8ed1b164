/**
 * `stance agreement A.jsonl B.jsonl [...] [--json]`: the agreement figures
 * of the app (docs/agreement.md) over spans JSONL files, as a table or as
 * JSON for scripts.
 */
import { DEFAULT_RESAMPLES, DEFAULT_SEED } from '@core/agreement/bootstrap.ts';
import { agreementReport } from '@core/agreement/report.ts';
import { groupLines, type AnnotatedLine } from '@core/agreement/from-lines.ts';
import { readAnnotatedFile } from './agreement-reader.ts';
import { formatFullReport } from './agreement-report.ts';
import type { CliCommand } from './io.ts';

const USAGE = `usage: stance agreement A.jsonl B.jsonl [C.jsonl ...] [--json] [--ci [--seed N] [--resamples N]]

Agreement between the annotators of spans JSONL files (one line per document
per annotator, with "_annotator_id"; Prodigy db-out and doccano JSONL are read
too). Lines are grouped into documents by meta.doc_id, else by text; two
lines with one doc_id but different texts are an error. A document's tokens
are its lines' "tokens" (checked: inside the text, in order, not
overlapping) when every annotator's line brings the very same ones, else the
workbench tokenizer's, for everyone; the report says which. A line without
"_annotator_id" counts as the file's name.

Prints, per label and overall (macro): token-level Cohen's kappa and span F1
(exact and overlap) for every pair of annotators, and token-level
Krippendorff's alpha (nominal) over all of them. Definitions: docs/agreement.md.

Each label is flagged by its alpha: reliable (≥ 0.800), tentative
(0.667–0.800), or not reliable for training data (< 0.667).

  --json          print {"annotators","documents","labels","macro","units",
                  "reliability"[,"ci"]} instead of a table
  --ci            add 95 % bootstrap intervals for alpha and kappa, resampling
                  documents (docs/agreement.md, "Confidence intervals")
  --seed N        the bootstrap's seed (default ${DEFAULT_SEED})
  --resamples N   the number of resamples (default ${DEFAULT_RESAMPLES})
`;

/** Reads `--name N` as a positive integer; an error message when it is not one. */
function intOption(args: string[], name: string): number | undefined | string {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = Number(args[i + 1]);
  if (!Number.isSafeInteger(v) || v < 1) return `${name} needs a positive integer`;
  return v;
}

export const agreementCommand: CliCommand = {
  name: 'agreement',
  summary: "agreement between annotators' spans JSONL files (kappa, alpha, span F1)",
  usage: USAGE,
  async run(args, io) {
    const json = args.includes('--json');
    const wantCi = args.includes('--ci');
    const seed = intOption(args, '--seed');
    const resamples = intOption(args, '--resamples');
    const valued = new Set(
      ['--seed', '--resamples'].flatMap((o) => (args.includes(o) ? [args.indexOf(o) + 1] : [])),
    );
    const known = ['--json', '--ci', '--seed', '--resamples'];
    const unknown = args.filter(
      (a, i) => a.startsWith('-') && !known.includes(a) && !valued.has(i),
    );
    const files = args.filter((a, i) => !a.startsWith('-') && !valued.has(i));
    const bad = [seed, resamples].find((v): v is string => typeof v === 'string');
    if (unknown.length > 0 || files.length === 0 || bad) {
      const why = bad ?? (unknown.length > 0 ? `unknown option ${unknown[0]}` : '');
      io.stderr(`${why ? `stance agreement: ${why}\n` : ''}${USAGE}`);
      return 2;
    }
    const lines: AnnotatedLine[] = [];
    const errors: string[] = [];
    for (const file of files) {
      const r = await readAnnotatedFile(file);
      lines.push(...r.lines);
      errors.push(...r.errors);
      for (const n of r.notes) io.stderr(`stance agreement: ${n}\n`);
    }
    const grouped = errors.length > 0 ? null : groupLines(lines);
    if (grouped) errors.push(...grouped.errors);
    if (!grouped || errors.length > 0) {
      io.stderr(
        `stance agreement: ${errors.length} problem(s), nothing computed:\n${errors.map((e) => `  ${e}`).join('\n')}\n`,
      );
      return 1;
    }
    const { annotators, docs } = grouped;
    if (annotators.length < 2)
      io.stderr(
        `stance agreement: only one annotator (${annotators[0] ?? 'none'}): pairwise figures are empty and alpha is undefined.\n`,
      );
    const { report } = agreementReport(docs, {
      annotators,
      ci: wantCi
        ? { seed: seed as number | undefined, resamples: resamples as number | undefined }
        : false,
    });
    io.stdout(json ? `${JSON.stringify(report)}\n` : formatFullReport(report));
    return 0;
  },
};
