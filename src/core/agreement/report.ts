/**
 * The whole agreement report the dashboard shows and `stance agreement
 * --json` prints: compute.ts's figures, plus the units each figure rests on
 * (and which tokens), each label's reliability band, and, when asked, 95 %
 * bootstrap intervals. One function, so the app and the CLI cannot differ.
 */
import { bootstrapIntervals, type AgreementIntervals, type BootstrapOptions } from './bootstrap.ts';
import { computeAgreement, type AgreementOptions } from './compute.ts';
import { reliabilityOf, type Reliability } from './reliability.ts';
import { figuresFrom, tally, unitsOf, weightedSums, type Tallies, type Units } from './tallies.ts';
import { pairKey, type AgreementDoc, type AgreementReport, type PairKey } from './types.ts';

export interface ReportUnits {
  /** Alpha's units: every token of the documents at least two annotators annotated. */
  alpha: Units;
  /** Each pair's kappa units: every token of the documents both annotated. */
  pairs: Record<PairKey, Units>;
  /** Each label's span F1 units per pair: both annotators' spans of it, |A| + |B|. */
  spans: Record<string, Record<PairKey, number>>;
}

export interface FullReport extends AgreementReport {
  units: ReportUnits;
  /** Each label's band by its alpha (reliability.ts); `macro` for the mean alpha. */
  reliability: Record<string, Reliability | null>;
  /** Present when intervals were asked for. */
  ci?: AgreementIntervals;
}

/** Every figure, units and bands; with `ci`, bootstrap intervals too. */
export function agreementReport(
  docs: readonly AgreementDoc[],
  options: AgreementOptions & { ci?: BootstrapOptions | false },
): { report: FullReport; tallies: Tallies } {
  // Span F1 from compute.ts (it needs no tokens); kappa and alpha from the
  // per-document tallies, equal to compute.ts's (tested) and resampled by
  // the bootstrap, so the figures and their intervals rest on one count.
  const base = computeAgreement(
    docs.map((d) => ({ ...d, tokens: [], bounds: undefined })),
    options,
  );
  const labels = Object.keys(base.labels);
  const t = tally(docs, base.annotators, labels);
  const f = figuresFrom(t, weightedSums(t));
  for (const label of labels) {
    base.labels[label]!.alpha = f.alpha[label]!;
    base.labels[label]!.kappa = f.kappa[label]!;
  }
  base.macro.alpha = f.macroAlpha;
  base.macro.kappa = f.macroKappa;
  const u = unitsOf(t);
  const spans: Record<string, Record<PairKey, number>> = {};
  const L = labels.length;
  const P = t.pairs.length;
  labels.forEach((label, l) => {
    spans[label] = {};
    t.pairs.forEach(([a, b], p) => {
      let n = 0;
      for (let d = 0; d < t.docIds.length; d++) n += t.spans[(d * P + p) * L + l]!;
      spans[label]![pairKey(a, b)] = n;
    });
  });
  const reliability: Record<string, Reliability | null> = {};
  for (const label of labels) reliability[label] = reliabilityOf(base.labels[label]!.alpha);
  const report: FullReport = {
    ...base,
    units: { alpha: u.alpha, pairs: u.pairs, spans },
    reliability,
  };
  if (options.ci) report.ci = bootstrapIntervals(t, options.ci);
  return { report, tallies: t };
}
