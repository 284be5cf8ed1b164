/**
 * `stance agreement`'s table: every figure of the full report
 * (core/agreement/report.ts) with the units it rests on, which tokens those
 * are, each label's reliability band and, with `--ci`, its 95 % interval.
 */
import type { Interval } from '@core/agreement/bootstrap.ts';
import { RELIABILITY_TEXT } from '@core/agreement/reliability.ts';
import type { FullReport } from '@core/agreement/report.ts';
import type { Units } from '@core/agreement/tallies.ts';
import { annotatorPairs, pairKey, type LabelFigures } from '@core/agreement/types.ts';

/** Three decimals, or an em dash for an undefined figure. */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  const s = x.toFixed(3);
  return s === '-0.000' ? '0.000' : s;
}

function fmtCi(ci: Interval | undefined): string {
  if (ci === undefined) return '';
  return ci === null ? ' [—]' : ` [${fmt(ci[0])}, ${fmt(ci[1])}]`;
}

/** "312 tokens in 12 documents (the files' tokens in 12)". */
export function describeUnits(u: Units): string {
  const { dataset, workbench } = u.token_source;
  const source =
    u.documents === 0
      ? ''
      : workbench === 0
        ? ` (the files' own tokens in all ${dataset})`
        : dataset === 0
          ? ` (the workbench tokenizer in all ${workbench})`
          : ` (the files' own tokens in ${dataset}, the workbench tokenizer in ${workbench})`;
  return `${u.tokens} tokens in ${u.documents} document${u.documents === 1 ? '' : 's'}${source}`;
}

/** The report as a readable table. */
export function formatFullReport(r: FullReport): string {
  const pairs = annotatorPairs(r.annotators).map(([a, b]) => pairKey(a, b));
  const width = Math.max(8, ...pairs.map((p) => p.length));
  const ci = r.ci;
  const kw = ci ? 24 : 6;
  const block = (title: string, f: LabelFigures, label: string | null): string[] => {
    const cis = ci ? (label === null ? ci.macro : ci.labels[label]) : undefined;
    const band = label === null ? null : r.reliability[label];
    return [
      title,
      `  alpha (all annotators): ${fmt(f.alpha)}${fmtCi(cis?.alpha)}${band ? ` — ${RELIABILITY_TEXT[band]}` : ''}`,
      `  ${'pair'.padEnd(width)}  ${'kappa'.padStart(kw)}  ${'F1 exact'.padStart(8)}  ${'F1 overlap'.padStart(10)}${label === null ? '' : '  spans'}`,
      ...pairs.map(
        (p) =>
          `  ${p.padEnd(width)}  ${(fmt(f.kappa[p]) + fmtCi(cis?.kappa[p])).padStart(kw)}  ${fmt(f.f1_exact[p]).padStart(8)}  ${fmt(f.f1_overlap[p]).padStart(10)}${label === null ? '' : `  ${String(r.units.spans[label]?.[p] ?? 0).padStart(5)}`}`,
      ),
      '',
    ];
  };
  return [
    `${r.annotators.length} annotators (${r.annotators.join(', ')}), ${r.documents} documents`,
    `alpha rests on ${describeUnits(r.units.alpha)}`,
    ...pairs.map((p) => `kappa ${p} rests on ${describeUnits(r.units.pairs[p]!)}`),
    ...(ci
      ? [
          `[low, high]: 95 % bootstrap interval, ${ci.resamples} resamples of the ${ci.documents} documents, seed ${ci.seed}`,
        ]
      : []),
    '',
    ...Object.entries(r.labels).flatMap(([label, f]) => block(`label ${label}`, f, label)),
    ...block('overall (macro average over labels)', r.macro, null),
    '— : undefined (see docs/agreement.md)',
    '',
  ].join('\n');
}
