/**
 * The `tokens` a spans JSONL line may carry ({"start","end"} in code points,
 * as the workbench, spaCy and Prodigy write them). They are what a dataset
 * brings for token-level agreement (see agreement/token-basis.ts), so the
 * app's import and `stance agreement` read and check them here, the same
 * way: integer extents inside the text, in order, not overlapping.
 */
import type { TokenExtent } from '../agreement/types.ts';
import { problem, type Problem } from '../problems/problem.ts';

/**
 * The tokens of a line from its raw `tokens` value: null when it has none
 * (absent, null or an empty list), else the extents, checked against the
 * text's length in code points; the problem (about `tokens`) otherwise.
 */
export function parseLineTokens(
  value: unknown,
  cpLength: number,
): { tokens: TokenExtent[] | null } | { error: Problem } {
  if (value === undefined || value === null) return { tokens: null };
  if (!Array.isArray(value)) return { error: problem('tokens.notList') };
  if (value.length === 0) return { tokens: null };
  const out: TokenExtent[] = [];
  for (let i = 0; i < value.length; i++) {
    const t: unknown = value[i];
    const start =
      typeof t === 'object' && t !== null ? (t as { start?: unknown }).start : undefined;
    const end = typeof t === 'object' && t !== null ? (t as { end?: unknown }).end : undefined;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end))
      return { error: problem('tokens.notIntegers', undefined, `tokens[${i}]`) };
    const s = start as number;
    const e = end as number;
    if (s < 0 || e > cpLength || s >= e)
      return {
        error: problem('tokens.outside', { start: s, end: e, length: cpLength }, `tokens[${i}]`),
      };
    const prev = out[out.length - 1];
    if (prev && s < prev.end)
      return {
        error: problem(
          'tokens.overlap',
          {
            start: s,
            end: e,
            prev: `tokens[${i - 1}]`,
            prevStart: prev.start,
            prevEnd: prev.end,
          },
          `tokens[${i}]`,
        ),
      };
    out.push({ start: s, end: e });
  }
  return { tokens: out };
}
