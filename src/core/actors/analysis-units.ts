/**
 * The counting rule of the Analysis view, for one document (docs/actors.md):
 * - a *unit* (a statement) is a maximal run of overlapping spans of one
 *   holder, whoever made them; exact copies (same annotator, extent, label)
 *   count once;
 * - a unit's label is the one its spans carry; with several it is counted
 *   under SEVERAL_LABELS, and it is a label disagreement when its
 *   annotators' label sets differ;
 * - units of different holders that overlap, where no annotator made both,
 *   are a holder disagreement; such a group counts once: for the holder the
 *   most annotators chose, or in the DISPUTED_HOLDER row on a tie.
 * Built for 100,000 spans: one sort per document and a sweep, no per-span
 * strings, and arrays most units have alike (no disagreement, one label)
 * shared between them.
 */
import type { AnalysisSpan, StanceUnit } from './analysis-types.ts';
import { DISPUTED_HOLDER, SEVERAL_LABELS } from './analysis-types.ts';
import type { HolderKey } from './holder.ts';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Shared, never mutated: most units have no disagreement and one label. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Values shared between units, so 100,000 spans do not make 100,000 small arrays. */
export class UnitCache {
  private readonly labels = new Map<string, string[]>();
  /** `[label]`, one frozen array per label. */
  label(l: string): string[] {
    let a = this.labels.get(l);
    if (!a) this.labels.set(l, (a = Object.freeze([l]) as string[]));
    return a;
  }
}

/**
 * Sorts in place; an insertion sort for the short arrays of one document
 * (Array.prototype.sort costs more to set up than to run on 2–30 items).
 */
export function sortSmall<T>(a: T[], compare: (x: T, y: T) => number): T[] {
  if (a.length > 32) return a.sort(compare);
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && compare(a[j]!, x) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
  return a;
}

/** Annotator id → bit, for quick "made by a common annotator" tests. */
export class AnnotatorBits {
  private readonly bits = new Map<string, number>();
  /** The bit of `id`, or 0 once 30 annotators have bits (then sets are compared instead). */
  bit(id: string): number {
    let b = this.bits.get(id);
    if (b === undefined) {
      b = this.bits.size < 30 ? 1 << this.bits.size : 0;
      this.bits.set(id, b);
    }
    return b;
  }
}

/** A unit being built, with its annotators as bits (`exact`: all of them have a bit). */
interface Building {
  u: StanceUnit;
  mask: number;
  exact: boolean;
}

function shareAnnotator(a: Building, b: Building): boolean {
  if (a.exact && b.exact) return (a.mask & b.mask) !== 0;
  return a.u.annotators.some((x) => b.u.annotators.includes(x));
}

/** Closes a unit: its labels, annotators, extent and label disagreement. */
function finish(w: Building, bits: AnnotatorBits, cache: UnitCache): void {
  const u = w.u;
  const spans = u.spans;
  let start = spans[0]!.start;
  let end = spans[0]!.end;
  const first = spans[0]!.label;
  let oneLabel = true;
  for (const s of spans) {
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
    if (s.label !== first) oneLabel = false;
    if (!u.annotators.includes(s.annotatorId)) {
      u.annotators.push(s.annotatorId);
      const b = bits.bit(s.annotatorId);
      if (b === 0) w.exact = false;
      w.mask |= b;
    }
  }
  u.start = start;
  u.end = end;
  sortSmall(u.annotators, cmp);
  if (oneLabel) {
    u.label = first;
    u.labels = cache.label(first);
    return;
  }
  u.label = null;
  u.labels = [...new Set(spans.map((s) => s.label))].sort(cmp);
  if (u.annotators.length > 1) {
    const sets = u.annotators.map((a) =>
      [...new Set(spans.filter((s) => s.annotatorId === a).map((s) => s.label))]
        .sort(cmp)
        .join('\u0000'),
    );
    if (sets.some((x) => x !== sets[0])) u.disagreements = ['label'];
  }
}

/**
 * The units of one document, in text order, each with the cell it is
 * counted in (or null). `holders[i]` is the holder key of `spans[i]`.
 */
export function documentUnits(
  docId: string,
  spans: readonly AnalysisSpan[],
  holders: readonly number[],
  keys: readonly HolderKey[],
  bits: AnnotatorBits,
  cache: UnitCache,
): StanceUnit[] {
  const n = spans.length;
  const order: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  sortSmall(order, (i, j) => {
    const a = spans[i]!;
    const b = spans[j]!;
    return (
      holders[i]! - holders[j]! ||
      a.start - b.start ||
      a.end - b.end ||
      cmp(a.annotatorId, b.annotatorId) ||
      cmp(a.label, b.label)
    );
  });
  const units: Building[] = [];
  let cur: Building | null = null;
  let curEnd = 0;
  for (const i of order) {
    const s = spans[i]!;
    const h = keys[holders[i]!]!;
    if (cur && cur.u.holder === h && s.start < curEnd) {
      const list = cur.u.spans;
      const prev = list[list.length - 1]!;
      const copy =
        prev.start === s.start &&
        prev.end === s.end &&
        prev.annotatorId === s.annotatorId &&
        prev.label === s.label;
      if (!copy) list.push(s);
      if (s.end > curEnd) curEnd = s.end;
      continue;
    }
    if (cur) finish(cur, bits, cache);
    cur = {
      u: {
        index: -1,
        docId,
        start: s.start,
        end: s.end,
        holder: h,
        label: null,
        labels: [],
        annotators: [],
        spans: [s],
        disagreements: NONE,
        otherHolders: NONE,
        countedIn: null,
      },
      mask: 0,
      exact: true,
    };
    curEnd = s.end;
    units.push(cur);
  }
  if (cur) finish(cur, bits, cache);
  sortSmall(
    units,
    (a, b) => a.u.start - b.u.start || a.u.end - b.u.end || cmp(a.u.holder, b.u.holder),
  );
  resolveHolders(units);
  return units.map((w) => w.u);
}

/** Groups units in holder disagreement and says where each group is counted. */
function resolveHolders(built: Building[]): void {
  const units = built.map((w) => w.u);
  const column = (u: StanceUnit): string => u.label ?? SEVERAL_LABELS;
  // Union-find over units linked by a holder disagreement (units are sorted by start).
  const parent = units.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  let linked = false;
  const active: number[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    let w = 0;
    for (const j of active) if (units[j]!.end > u.start) active[w++] = j;
    active.length = w;
    for (const j of active) {
      const o = units[j]!;
      if (o.holder !== u.holder && !shareAnnotator(built[j]!, built[i]!)) {
        const a = find(i);
        const b = find(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        linked = true;
      }
    }
    active.push(i);
  }
  if (!linked) {
    for (const u of units) u.countedIn = { row: u.holder, column: column(u) };
    return;
  }
  const groups = new Map<number, StanceUnit[]>();
  units.forEach((u, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(u);
    else groups.set(r, [u]);
  });
  for (const group of groups.values()) {
    if (group.length === 1) {
      const u = group[0]!;
      u.countedIn = { row: u.holder, column: column(u) };
      continue;
    }
    // The annotators behind each holder (a holder may have several units here).
    const votes = new Map<HolderKey, string[]>();
    for (const u of group) {
      const v = votes.get(u.holder);
      if (!v) votes.set(u.holder, [...u.annotators]);
      else for (const a of u.annotators) if (!v.includes(a)) v.push(a);
    }
    const holders = sortSmall([...votes.keys()], cmp);
    for (const u of group) {
      u.disagreements = [...u.disagreements, 'holder'];
      u.otherHolders = holders.filter((h) => h !== u.holder);
    }
    let winner: HolderKey | null = null;
    let most = -1;
    for (const [h, v] of votes)
      if (v.length > most) {
        winner = h;
        most = v.length;
      } else if (v.length === most) winner = null;
    if (winner !== null) {
      const u = group.find((x) => x.holder === winner)!;
      u.countedIn = { row: u.holder, column: column(u) };
    } else {
      const one = group[0]!.label;
      const same = one !== null && group.every((u) => u.label === one);
      group[0]!.countedIn = { row: DISPUTED_HOLDER, column: same ? one : SEVERAL_LABELS };
    }
  }
}
