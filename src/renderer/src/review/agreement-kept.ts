/**
 * The agreement dashboard's counts kept between sessions (db/view-cache.ts),
 * so a visit after a change recounts only the documents changed since
 * (agreement-state.ts) instead of reading the whole project. In columns and
 * typed arrays: one record, cloned quickly. Read back, a kept state is
 * checked (it may come from another build or a damaged disk); one that
 * fails is ignored and everything is counted afresh.
 */
import { z } from 'zod';
import type { Tallies } from '@core/agreement/tallies.ts';
import { annotatorPairs } from '@core/agreement/types.ts';
import type { AnnotatorRecord } from '@core/model.ts';
import { db } from '../db/db.ts';
import { keepView } from '../db/view-cache.ts';
import type { AgreementState, StateRow } from './agreement-state.ts';
import { docRowShape } from './dashboard-summary.ts';

/** Bumped when the kept shape or the counts change: older states are counted afresh. */
const FORMAT = 1;

/** The key the state is kept under, for these label keys. */
export function stateKey(labels: readonly string[]): string {
  return `agreement-state:${JSON.stringify(labels)}`;
}

const SEP = '\u0000';

/** The kept form of `s` (annotators are read anew: their names may change). */
function pack(s: AgreementState): unknown {
  return {
    format: FORMAT,
    labels: s.labels,
    whoDocs: [...s.who.keys()],
    whoIds: [...s.who.values()].map((ids) => ids.join(SEP)),
    ordered: s.ordered,
    tallies: s.tallies,
    rows: [...s.rows.values()],
  };
}

const floats = z.instanceof(Float64Array);
const shape = z.object({
  format: z.literal(FORMAT),
  labels: z.array(z.string()),
  whoDocs: z.array(z.string()),
  whoIds: z.array(z.string()),
  ordered: z.array(z.string()),
  tallies: z.object({
    annotators: z.array(z.string()),
    labels: z.array(z.string()),
    pairs: z.array(z.tuple([z.string(), z.string()])),
    docIds: z.array(z.string()),
    basis: z.array(z.enum(['dataset', 'workbench'])),
    tokens: floats,
    present: z.instanceof(Uint8Array),
    n11: floats,
    n10: floats,
    n01: floats,
    spans: floats,
    exact: floats,
    matched: floats,
    o01: floats,
    m0: floats,
    m1: floats,
  }),
  rows: z.array(docRowShape.extend({ title: z.string().nullable() })),
});

/**
 * True when the counts are of `ordered` and `labels` first, in document id
 * order, every column holding its documents' finite, non-negative values
 * (a damaged or foreign record does not).
 */
function consistent(t: Tallies, ordered: readonly string[], labels: readonly string[]): boolean {
  const D = t.docIds.length;
  const A = t.annotators.length;
  const L = t.labels.length;
  const PL = t.pairs.length * L;
  const columns = [t.tokens, t.n11, t.n10, t.n01, t.spans, t.exact, t.matched, t.o01, t.m0, t.m1];
  return (
    t.annotators.join(SEP) === ordered.join(SEP) &&
    JSON.stringify(t.pairs) === JSON.stringify(annotatorPairs(ordered)) &&
    labels.every((l, i) => t.labels[i] === l) &&
    new Set(t.labels).size === L &&
    t.docIds.every((id, d) => d === 0 || t.docIds[d - 1]! < id) &&
    columns.every((c) => c.every((x) => Number.isFinite(x) && x >= 0)) &&
    t.basis.length === D &&
    t.tokens.length === D &&
    t.present.length === D * A &&
    [t.n11, t.n10, t.n01, t.spans, t.exact, t.matched].every((c) => c.length === D * PL) &&
    [t.o01, t.m0, t.m1].every((c) => c.length === D * L) &&
    t.pairs.length === (A * (A - 1)) / 2
  );
}

/** The state kept for `labels`, with the generation it was counted at; null when none fits. */
export async function readKeptState(
  labels: readonly string[],
  annotators: () => Promise<AnnotatorRecord[]>,
): Promise<AgreementState | null> {
  const row = await db.viewCache.get(stateKey(labels));
  const r = shape.safeParse(row?.value);
  if (!row || !r.success) return null;
  const v = r.data;
  if (v.labels.join(SEP) !== labels.join(SEP)) return null;
  if (v.whoDocs.length !== v.whoIds.length) return null;
  if (!consistent(v.tallies as Tallies, v.ordered, [...new Set(labels)])) return null;
  return {
    gen: row.gen,
    labels: v.labels,
    annotators: await annotators(),
    who: new Map(v.whoDocs.map((id, i) => [id, v.whoIds[i]!.split(SEP)])),
    ordered: v.ordered,
    tallies: v.tallies as Tallies,
    rows: new Map(v.rows.map((r) => [r.docId, r as StateRow])),
  };
}

/** Keeps `s` for the next visit (nothing is kept if the project changed since). */
export function keepState(s: AgreementState): void {
  // Only an optimization: if it cannot be kept, the next visit counts afresh.
  keepView(db, stateKey(s.labels), s.gen, pack(s)).catch(() => undefined);
}
