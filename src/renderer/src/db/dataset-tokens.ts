/**
 * The tokens a dataset brings, as schema version 7 stores them: `tokenSets`
 * (each distinct token list of a document once) and `lineTokens` (which
 * list each imported line brought). Their rows and the merge rule are
 * core's (src/core/import-plan/token-rows.ts), which the import plan uses;
 * this file reads the packed boundaries back.
 */
import type { TokenExtent } from '@core/agreement/types.ts';

export type { LineTokensRecord, TokenSetRecord } from '@core/import-plan/token-rows.ts';

/** Token extents from packed boundaries. */
export function extentsOf(bounds: ArrayLike<number>): TokenExtent[] {
  const out = new Array<TokenExtent>(bounds.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = { start: bounds[2 * i]!, end: bounds[2 * i + 1]! };
  return out;
}
