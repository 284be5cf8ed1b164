/**
 * The tokens a dataset brings (spans JSONL `tokens`), as the store keeps
 * them, so that token-level agreement rests on the same tokens in the app
 * as in `stance agreement` on the same files (core/agreement/token-basis.ts).
 * Two rows: each distinct token list of a document once (`tokenSets`,
 * packed boundaries), and which list each imported line (document ×
 * annotator) brought (`lineTokens`): a digest, or null when it brought none
 * or its annotator's lines disagree. An annotation with no `lineTokens` row
 * was made in the workbench. The import plan (plan.ts) decides both.
 */
import type { TokenExtent } from '../agreement/types.ts';
import { tokenDigest } from '../agreement/token-basis.ts';

/** One distinct token list of a document, as a dataset brought it. */
export interface TokenSetRecord {
  docId: string;
  digest: string;
  /** [start0, end0, start1, end1, …] in code points (a plain array after a restore). */
  bounds: Uint32Array | number[];
}

/** Which tokens one annotator's imported line for a document brought. */
export interface LineTokensRecord {
  docId: string;
  annotatorId: string;
  /** The digest of a `tokenSets` row; null: none, or not one and the same. */
  digest: string | null;
}

/** The packed boundaries and digest of a line's tokens; null when it has none. */
export function tokenSetOf(
  docId: string,
  tokens: readonly TokenExtent[] | null | undefined,
): TokenSetRecord | null {
  if (!tokens || tokens.length === 0) return null;
  const bounds = new Uint32Array(tokens.length * 2);
  tokens.forEach((t, i) => {
    bounds[2 * i] = t.start;
    bounds[2 * i + 1] = t.end;
  });
  return { docId, digest: tokenDigest(tokens), bounds };
}

/** True when two packed boundary lists hold the same numbers. */
export function sameBounds(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What an annotator's line brings, merged with what was stored: the same
 * digest stays; a different one, or a first import over an annotation
 * made in the workbench (a status without a row), becomes null (the
 * workbench tokenizer decides, as `stance agreement` would on both files).
 */
export function mergedDigest(
  stored: LineTokensRecord | undefined,
  hadAnnotation: boolean,
  digest: string | null,
): string | null {
  if (stored) return stored.digest === digest ? digest : null;
  return hadAnnotation ? null : digest;
}
