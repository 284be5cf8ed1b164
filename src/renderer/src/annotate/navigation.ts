/** Next/previous document in the document list's visible order. */

/**
 * The id `delta` steps from `current` in `order`, or null at either end.
 * With no current document (or one filtered out), +1 gives the first and
 * −1 the last.
 */
export function relativeId(
  order: readonly string[],
  current: string | null,
  delta: 1 | -1,
): string | null {
  const i = current ? order.indexOf(current) : -1;
  if (i < 0) return (delta > 0 ? order[0] : order.at(-1)) ?? null;
  return order[i + delta] ?? null;
}
