/**
 * Brings a tally up to date without counting every document again: the
 * documents that changed leave it and their new counts join it. A tally's
 * columns are per document (tallies.ts), and every figure is a function of
 * their sums (report.ts), so the merged tally gives exactly the report of
 * counting all documents afresh (property-tested), at a cost that follows
 * the number of documents changed plus one copy of the columns.
 */
import type { Tallies } from './tallies.ts';

/** The per-document columns, with how many values each document holds. */
function columns(t: Tallies): [keyof Tallies, number][] {
  const A = t.annotators.length;
  const L = t.labels.length;
  const PL = t.pairs.length * L;
  return [
    ['tokens', 1],
    ['present', A],
    ['n11', PL],
    ['n10', PL],
    ['n01', PL],
    ['spans', PL],
    ['exact', PL],
    ['matched', PL],
    ['o01', L],
    ['m0', L],
    ['m1', L],
  ];
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * `base` without the documents of `drop`, then `fresh`'s documents (their
 * new counts, for the same annotators and labels in the same order). Null
 * when `fresh` counts other annotators or labels: the caller counts every
 * document instead.
 */
export function mergeTallies(
  base: Tallies,
  drop: ReadonlySet<string>,
  fresh: Tallies,
): Tallies | null {
  if (!same(base.annotators, fresh.annotators) || !same(base.labels, fresh.labels)) return null;
  // Both are in document id order (tally's), and so is the merge: the
  // sums, and the bootstrap's resamples, then add up in the order a fresh
  // count would.
  const fromBase: number[] = [];
  const fromFresh: number[] = [];
  const ids: string[] = [];
  let i = 0;
  const F = fresh.docIds.length;
  base.docIds.forEach((id, d) => {
    while (i < F && fresh.docIds[i]! < id) {
      fromBase.push(-1);
      fromFresh.push(i);
      ids.push(fresh.docIds[i++]!);
    }
    if (drop.has(id) || (i < F && fresh.docIds[i] === id)) return;
    fromBase.push(d);
    fromFresh.push(-1);
    ids.push(id);
  });
  for (; i < F; i++) {
    fromBase.push(-1);
    fromFresh.push(i);
    ids.push(fresh.docIds[i]!);
  }
  const D = ids.length;
  const out = {
    annotators: [...base.annotators],
    labels: [...base.labels],
    pairs: base.pairs.map(([a, b]) => [a, b]),
    docIds: ids,
    basis: ids.map((_, k) =>
      fromBase[k]! >= 0 ? base.basis[fromBase[k]!]! : fresh.basis[fromFresh[k]!]!,
    ),
  } as Partial<Tallies> as Tallies;
  for (const [name, width] of columns(base)) {
    const a = base[name] as Float64Array | Uint8Array;
    const b = fresh[name] as Float64Array | Uint8Array;
    const to = name === 'present' ? new Uint8Array(D * width) : new Float64Array(D * width);
    // Runs of documents kept in a row are copied as one block each (a
    // change touches a few documents: a handful of blocks, not one per document).
    for (let k = 0; k < D;) {
      if (fromBase[k]! < 0) {
        const d = fromFresh[k]!;
        to.set(b.subarray(d * width, (d + 1) * width), k * width);
        k++;
        continue;
      }
      let j = k + 1;
      while (j < D && fromBase[j] === fromBase[j - 1]! + 1) j++;
      to.set(a.subarray(fromBase[k]! * width, (fromBase[j - 1]! + 1) * width), k * width);
      k = j;
    }
    (out as unknown as Record<string, unknown>)[name] = to;
  }
  return out;
}
