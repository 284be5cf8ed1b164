/**
 * Which tokens token-level kappa and alpha rest on, decided once here for
 * the app and `stance agreement` alike (docs/agreement.md, "Tokens"):
 *
 * for each document, the tokens its dataset lines bring, when every
 * annotator's line for it (gold's aside) brings the very same tokens; else
 * the workbench tokenizer's, for every annotator of that document.
 *
 * An annotation made in the workbench brings the workbench's tokens (its
 * spans were snapped to them, and the app exports them); a line without
 * `tokens` (doccano, a hand-made file) brings none, so the workbench decides.
 * Gold never decides: its spans are copies of the annotators'.
 */
import { GOLD_ANNOTATOR_ID } from '../model.ts';
import type { TokenExtent } from './types.ts';

/** Where one document's tokens come from. */
export type TokenBasis = 'dataset' | 'workbench';

/** What an annotation made in the workbench brings (not a digest). */
export const WORKBENCH_TOKENS = 'workbench';

/** Why a document fell back to the workbench tokenizer. */
export type WorkbenchReason =
  /** Some annotation was made in the workbench. */
  | 'annotated-here'
  /** Some line carries no tokens. */
  | 'no-tokens'
  /** The lines carry different tokens. */
  | 'tokens-differ'
  /** Nobody but gold annotated it. */
  | 'no-annotator';

export type TokenDecision =
  { basis: 'dataset'; digest: string } | { basis: 'workbench'; reason: WorkbenchReason };

/**
 * A digest of a token list (count and a 53-bit hash of the boundaries):
 * two lines bring "the same tokens" when their digests are equal. The app
 * stores it with an imported line; the CLI computes it from the line.
 */
export function tokenDigest(tokens: readonly TokenExtent[] | ArrayLike<number>): string {
  // cyrb53 over the boundaries (start0, end0, start1, …).
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (v: number): void => {
    h1 = Math.imul(h1 ^ v, 2654435761);
    h2 = Math.imul(h2 ^ v, 1597334677);
  };
  let n: number;
  if (isExtents(tokens)) {
    n = tokens.length;
    for (const t of tokens) {
      mix(t.start);
      mix(t.end);
    }
  } else {
    n = tokens.length >> 1;
    for (let i = 0; i < tokens.length; i++) mix(tokens[i]!);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${n}:${hash.toString(36)}`;
}

function isExtents(t: readonly TokenExtent[] | ArrayLike<number>): t is readonly TokenExtent[] {
  return t.length > 0 && typeof t[0] === 'object';
}

/**
 * Decides one document's tokens from what each of its annotators brought:
 * a token digest, WORKBENCH_TOKENS for an annotation made in the
 * workbench, or null for a line without tokens.
 */
export function decideTokens(
  brought: Iterable<readonly [annotatorId: string, digest: string | null]>,
): TokenDecision {
  let digest: string | undefined;
  let here = false;
  let none = false;
  let differ = false;
  for (const [annotatorId, d] of brought) {
    if (annotatorId === GOLD_ANNOTATOR_ID) continue;
    if (d === WORKBENCH_TOKENS) here = true;
    else if (d === null) none = true;
    else if (digest === undefined) digest = d;
    else if (d !== digest) differ = true;
  }
  if (here) return { basis: 'workbench', reason: 'annotated-here' };
  if (none) return { basis: 'workbench', reason: 'no-tokens' };
  if (digest === undefined) return { basis: 'workbench', reason: 'no-annotator' };
  if (differ) return { basis: 'workbench', reason: 'tokens-differ' };
  return { basis: 'dataset', digest };
}
