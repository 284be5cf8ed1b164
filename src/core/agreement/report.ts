/**
 * The whole agreement report the dashboard shows and `stance agreement
 * --json` prints: every figure of compute.ts, plus the units each figure
 * rests on (and which tokens), each label's reliability band, and, when
 * asked, 95 % bootstrap intervals. One function, so the app and the CLI
 * cannot differ. Every figure is computed from the per-document tallies
 * (tallies.ts), so a report can be brought up to date by replacing the
 * tallies of the documents that changed (tally-merge.ts) instead of
 * counting every document again.
 */
import { bootstrapIntervals, type AgreementIntervals, type BootstrapOptions } from './bootstrap.ts';
import { reportLabels, type AgreementOptions } from './compute.ts';
import { reliabilityOf, type Reliability } from './reliability.ts';
import { figuresFrom, tally, unitsOf, weightedSums, type Tallies, type Units } from './tallies.ts';
import {
  dict,
  pairMap,
  type AgreementDoc,
  type AgreementReport,
  type LabelFigures,
  type PairMap,
} from './types.ts';

export interface ReportUnits {
  /** Alpha's units: every token of the documents at least two annotators annotated. */
  alpha: Units;
  /** Each pair's kappa units: every token of the documents both annotated. */
  pairs: PairMap<Units>;
  /** Each label's span F1 units per pair: both annotators' spans of it, |A| + |B|. */
  spans: Record<string, PairMap<number>>;
}

export interface FullReport extends AgreementReport {
  units: ReportUnits;
  /** Each label's band by its alpha (reliability.ts); a null-prototype object. */
  reliability: Record<string, Reliability | null>;
  /** Present when intervals were asked for. */
  ci?: AgreementIntervals;
}

/** Documents at least one of `annotators` annotated (the report's `documents`). */
export function annotatedDocuments(
  docs: readonly AgreementDoc[],
  annotators: readonly string[],
): number {
  return docs.filter((d) => annotators.some((a) => d.annotations.has(a))).length;
}

/** The mean of the defined, finite values; null when there are none. */
function mean(xs: readonly (number | null)[]): number | null {
  const d = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return d.length === 0 ? null : d.reduce((a, b) => a + b, 0) / d.length;
}

/**
 * Every figure, units and bands from a tally of the documents (`documents`:
 * how many the annotators annotated, including those only one did, which
 * the tally leaves out). Equal to compute.ts's figures (tested).
 */
export function reportFromTallies(t: Tallies, documents: number): FullReport {
  const s = weightedSums(t);
  const f = figuresFrom(t, s);
  const L = t.labels.length;
  const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);
  const labels = dict<LabelFigures>();
  t.labels.forEach((label, l) => {
    labels[label] = {
      kappa: f.kappa[label]!,
      alpha: f.alpha[label]!,
      f1_exact: pairMap(t.pairs, (_a, _b, p) =>
        ratio(2 * s.exact[p * L + l]!, s.spans[p * L + l]!),
      ),
      f1_overlap: pairMap(t.pairs, (_a, _b, p) =>
        ratio(s.matched[p * L + l]!, s.spans[p * L + l]!),
      ),
    };
  });
  // Macro over the labels either annotator of the pair used on shared documents.
  const used = (p: number): LabelFigures[] =>
    t.labels.filter((_, l) => s.spans[p * L + l]! > 0).map((l) => labels[l]!);
  const macro: LabelFigures = {
    kappa: pairMap(t.pairs, (a, b, p) => mean(used(p).map((x) => x.kappa[a]![b]!))),
    alpha: mean(t.labels.map((l) => labels[l]!.alpha)),
    f1_exact: pairMap(t.pairs, (a, b, p) => mean(used(p).map((x) => x.f1_exact[a]![b]!))),
    f1_overlap: pairMap(t.pairs, (a, b, p) => mean(used(p).map((x) => x.f1_overlap[a]![b]!))),
  };
  const u = unitsOf(t);
  const spans = dict<PairMap<number>>();
  t.labels.forEach((label, l) => {
    spans[label] = pairMap(t.pairs, (_a, _b, p) => s.spans[p * L + l]!);
  });
  const reliability = dict<Reliability | null>();
  for (const label of t.labels) reliability[label] = reliabilityOf(labels[label]!.alpha);
  return {
    annotators: [...t.annotators],
    documents,
    labels,
    macro,
    units: { alpha: u.alpha, pairs: u.pairs, spans },
    reliability,
  };
}

/** Every figure, units and bands; with `ci`, bootstrap intervals too. */
export function agreementReport(
  docs: readonly AgreementDoc[],
  options: AgreementOptions & { ci?: BootstrapOptions | false },
): { report: FullReport; tallies: Tallies } {
  const annotators = [...options.annotators];
  const t = tally(docs, annotators, reportLabels(docs, annotators, options.labels));
  const report = reportFromTallies(t, annotatedDocuments(docs, annotators));
  if (options.ci) report.ci = bootstrapIntervals(t, options.ci);
  return { report, tallies: t };
}
