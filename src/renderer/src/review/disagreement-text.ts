/** The words review uses for disagreements, shared by the views. */
import type { DisagreementKind, DocDisagreement } from '@core/agreement/disagreements.ts';
import type { MessageId } from '../i18n/catalogs.ts';
import type { Translate } from '../i18n/T.tsx';

/** The message naming each kind of disagreement. */
export const KIND_TEXT: Record<DisagreementKind, MessageId> = {
  missing: 'kind.missing',
  label: 'kind.label',
  extent: 'kind.extent',
};

export const KINDS = Object.keys(KIND_TEXT) as DisagreementKind[];

/**
 * "5 disagreeing passages; kinds: 3 only some annotators, 1 …" — a region
 * can be of several kinds, so the kinds are counted apart and said to be
 * kinds (they need not add up to the regions).
 */
export function disagreementSummary(d: DocDisagreement, t: Translate): string {
  if (d.score === 0) return t('review.noDisagreements');
  const kinds = KINDS.filter((k) => d.counts[k] > 0).map((k) =>
    t('review.kindCount', { count: d.counts[k], kind: t(KIND_TEXT[k]) }),
  );
  const several = KINDS.reduce((n, k) => n + d.counts[k], 0) > d.score;
  return (
    t('review.summary', { count: d.score, kinds: kinds.join(t('list.sep')) }) +
    (several ? t('review.severalKinds') : '')
  );
}
