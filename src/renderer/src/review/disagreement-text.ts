/** The words review uses for disagreements, shared by the views. */
import type { DisagreementKind, DocDisagreement } from '@core/agreement/disagreements.ts';

export const KIND_TEXT: Record<DisagreementKind, string> = {
  missing: 'only some annotators',
  label: 'same extent, different label',
  extent: 'overlapping, different extent',
};

export const KINDS = Object.keys(KIND_TEXT) as DisagreementKind[];

/**
 * "5 disagreeing passages; kinds: 3 only some annotators, 1 …" — a region
 * can be of several kinds, so the kinds are counted apart and said to be
 * kinds (they need not add up to the regions).
 */
export function disagreementSummary(d: DocDisagreement): string {
  const regions = `${d.score} disagreeing region${d.score === 1 ? '' : 's'}`;
  if (d.score === 0) return 'No disagreements.';
  const kinds = KINDS.filter((k) => d.counts[k] > 0).map((k) => `${d.counts[k]} ${KIND_TEXT[k]}`);
  const several = KINDS.reduce((n, k) => n + d.counts[k], 0) > d.score;
  return `${regions}; by kind: ${kinds.join(', ')}${several ? ' (a region can be of more than one kind)' : ''}`;
}
