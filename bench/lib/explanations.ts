/**
 * Why a target is missed, keyed by the target's `what`: written after
 * investigating the measurements, shown in RESULTS.md only when missed.
 */
export const WHY: Record<string, string> = {};
