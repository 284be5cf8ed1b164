/**
 * Krippendorff's thresholds for alpha (Content Analysis, 2004/2019): data
 * are reliable from α ≥ 0.800; 0.667 ≤ α < 0.800 allows only tentative
 * conclusions; below 0.667 a label's annotations should not be used as
 * training data. The dashboard and `stance agreement` flag each label so.
 */

export type Reliability = 'reliable' | 'tentative' | 'unreliable';

/** The lower bounds of the two upper bands. */
export const RELIABLE_ALPHA = 0.8;
export const TENTATIVE_ALPHA = 0.667;

/** The band of an alpha; null when alpha is undefined. */
export function reliabilityOf(alpha: number | null | undefined): Reliability | null {
  if (alpha === null || alpha === undefined || !Number.isFinite(alpha)) return null;
  if (alpha >= RELIABLE_ALPHA) return 'reliable';
  if (alpha >= TENTATIVE_ALPHA) return 'tentative';
  return 'unreliable';
}

/** The words the app and the CLI use for each band. */
export const RELIABILITY_TEXT: Record<Reliability, string> = {
  reliable: 'reliable (α ≥ 0.800)',
  tentative: 'tentative (0.667 ≤ α < 0.800)',
  unreliable: 'not reliable for training data (α < 0.667)',
};
