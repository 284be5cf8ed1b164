/**
 * Each label's underline pattern, so that labels stay apart for analysts
 * who cannot tell their colours apart: the n-th label of the set gets the
 * n-th pattern (solid, dashed, dotted, double, wavy, dash-dot, long dash,
 * thick-thin: one for each colour of LABEL_PALETTE, then round again).
 * The underline layer, the label list and the span list all draw it
 * (`.pattern-*` in reading-pane.css).
 */
import type { LabelDef } from '@core/model.ts';

/** The underline patterns, in the order labels receive them. */
export const PATTERNS = [
  'solid',
  'dashed',
  'dotted',
  'double',
  'wavy',
  'dashdot',
  'longdash',
  'thickthin',
] as const;
export type Pattern = (typeof PATTERNS)[number];

/** The pattern of label `key` within `labels` (solid for a label not in the set). */
export function patternOf(labels: readonly LabelDef[], key: string): Pattern {
  const i = labels.findIndex((l) => l.key === key);
  return i < 0 ? 'solid' : PATTERNS[i % PATTERNS.length]!;
}
