/**
 * Tables derived from documents and spans, for speed:
 * - `docMeta`: one small row per document (title, outlet, date, import
 *   time), so the document list reads 10,000 rows at start instead of
 *   scanning four indexes or deserializing every article;
 * - `docTokens`: each document's tokens, so export does not run the
 *   tokenizer;
 * - `spanCounts`: spans per label for each (annotator, document), so the
 *   list's counts are 10,000 rows instead of 100,000 span keys;
 * - `spanFacts`: what agreement and Analysis read of each span, one row
 *   per document (span-facts.ts), so they read 10,000 rows, not 100,000.
 *
 * Documents never change (the id is the hash of the text), so their two
 * rows are written once, with the document, by storeDocuments
 * (store-documents.ts). Spans change all the time and through many paths
 * (annotating, undo, dataset import, label rename, gold, restore), so the
 * span counts and facts are kept by a Dexie DBCore middleware inside the same
 * IndexedDB transaction as every span write, whatever API made it. The
 * tables are rebuilt only when the marker in settings says they follow
 * another version (derived-check.ts).
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { DocumentRecord, SpanRecord } from '@core/model.ts';
import { leadExcerpt } from '@core/document.ts';
import { packedTokensOf, type PackedTokens } from '@core/token-pack.ts';
import { FactDeltas, type SpanFactsRecord } from './span-facts.ts';

/** The document list's fields of one document. */
export interface DocMetaRecord {
  id: string;
  /** The document's title; '' when its page or file gave none. */
  title: string;
  /** An untitled document's opening words (core/document.ts leadExcerpt), for the list. */
  lead?: string;
  outlet: string | null;
  date: string | null;
  importedAt: number;
}

/** A document's tokens, packed (see core/token-pack.ts). */
export interface DocTokensRecord extends PackedTokens {
  docId: string;
}

/** How many spans one annotator has in one document, per label key. */
export interface SpanCountRecord {
  annotatorId: string;
  docId: string;
  counts: Record<string, number>;
}

/** The list row of `doc`. */
export function docMetaOf(doc: DocumentRecord): DocMetaRecord {
  const { id, title, outlet, date, importedAt } = doc;
  if (title) return { id, title, outlet, date, importedAt };
  return { id, title, lead: leadExcerpt(doc.text), outlet, date, importedAt };
}

/** The packed tokens of `doc`. */
export function docTokensOf(doc: DocumentRecord): DocTokensRecord {
  return { docId: doc.id, ...packedTokensOf(doc.text) };
}

/** DBCoreRangeType.Any: a key range over every key. */
const ANY_RANGE = 3;

type CountKey = [annotatorId: string, docId: string];

/**
 * A counts object without a prototype: label keys come from files, and a
 * key such as `constructor` or `__proto__` must count like any other.
 */
function noProto(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

/** Accumulates per-(annotator, document, label) changes of span counts. */
export class CountDeltas {
  private readonly byPair = new Map<string, SpanCountRecord>();

  /** Adds `by` (±1) for `span`'s annotator, document and label. */
  add(span: Pick<SpanRecord, 'annotatorId' | 'docId' | 'label'>, by: number): void {
    const k = `${span.annotatorId}\u0000${span.docId}`;
    let rec = this.byPair.get(k);
    if (!rec) {
      rec = { annotatorId: span.annotatorId, docId: span.docId, counts: noProto() };
      this.byPair.set(k, rec);
    }
    rec.counts[span.label] = (rec.counts[span.label] ?? 0) + by;
  }

  /** The rows `existing` becomes (null: delete it), in the order of `keys()`. */
  merged(existing: readonly (SpanCountRecord | undefined)[]): (SpanCountRecord | null)[] {
    return [...this.byPair.values()].map((delta, i) => {
      const counts = Object.assign(noProto(), existing[i]?.counts);
      for (const [label, by] of Object.entries(delta.counts))
        counts[label] = (counts[label] ?? 0) + by;
      for (const label of Object.keys(counts)) if (counts[label]! <= 0) delete counts[label];
      return Object.keys(counts).length > 0
        ? { annotatorId: delta.annotatorId, docId: delta.docId, counts }
        : null;
    });
  }

  /** The (annotator, document) keys touched. */
  keys(): CountKey[] {
    return [...this.byPair.values()].map((r) => [r.annotatorId, r.docId]);
  }

  get size(): number {
    return this.byPair.size;
  }
}

// The middleware chains the promises DBCore returns with `.then` and never
// uses async/await: Dexie's promises carry the current transaction (its
// "zone") into their callbacks, which the hooks middleware below us reads;
// a native await would lose it.

/** Resolves when `p` wrote everything, else rejects naming `what`. */
function checked(p: Promise<DBCoreMutateResponse>, what: string): Promise<void> {
  return p.then((res) => {
    if (res.numFailures > 0) {
      const first = Object.values(res.failures)[0];
      throw new Error(`updating ${what} failed: ${first?.message ?? 'unknown error'}`);
    }
  });
}

/** Writes `deltas` into the spanCounts table within `trans`. */
function applyCounts(
  counts: DBCoreTable,
  trans: DBCoreTransaction,
  deltas: CountDeltas,
): Promise<void> | void {
  if (deltas.size === 0) return;
  const keys = deltas.keys();
  return counts.getMany({ trans, keys }).then((found) => {
    const existing = found as (SpanCountRecord | undefined)[];
    const rows = deltas.merged(existing);
    const puts = rows.filter((r): r is SpanCountRecord => r !== null);
    const gone = keys.filter((_, i) => rows[i] === null && existing[i] !== undefined);
    const del = (): Promise<void> | void =>
      gone.length > 0
        ? checked(counts.mutate({ trans, type: 'delete', keys: gone }), 'span counts')
        : undefined;
    return puts.length > 0
      ? checked(counts.mutate({ trans, type: 'put', values: puts }), 'span counts').then(del)
      : del();
  });
}

/** Writes `deltas` into the spanFacts table within `trans`. */
function applyFacts(
  facts: DBCoreTable,
  trans: DBCoreTransaction,
  deltas: FactDeltas,
): Promise<void> | void {
  if (deltas.size === 0) return;
  const keys = deltas.keys();
  return facts.getMany({ trans, keys }).then((found) => {
    const existing = found as (SpanFactsRecord | undefined)[];
    const rows = deltas.merged(existing);
    const puts = rows.filter((r): r is SpanFactsRecord => r !== null);
    const gone = keys.filter((_, i) => rows[i] === null && existing[i] !== undefined);
    const del = (): Promise<void> | void =>
      gone.length > 0
        ? checked(facts.mutate({ trans, type: 'delete', keys: gone }), 'span facts')
        : undefined;
    return puts.length > 0
      ? checked(facts.mutate({ trans, type: 'put', values: puts }), 'span facts').then(del)
      : del();
  });
}

/** The records a delete or put is about to replace (not for adds). */
function previous(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    const q = { index: table.schema.primaryKey, range: req.range };
    return table.query({ trans, values: true, query: q }).then((r) => r.result);
  }
  const keys =
    req.keys ??
    (req.type === 'put' || req.type === 'add'
      ? req.values.map((v) => table.schema.primaryKey.extractKey!(v) as unknown)
      : []);
  return table.getMany({ trans, keys }).then((vs) => vs.filter((v) => v !== undefined));
}

/** Indexes of the requests' values that were written. */
function succeeded(req: DBCoreMutateRequest, res: DBCoreMutateResponse): number[] {
  if (req.type !== 'add' && req.type !== 'put') return [];
  return req.values.map((_, i) => i).filter((i) => !(i in res.failures));
}

/** The primary keys of the request's operations that failed. */
function failedKeys(req: DBCoreMutateRequest, res: DBCoreMutateResponse): Set<unknown> {
  const r = req as { keys?: unknown[]; values?: readonly SpanRecord[] };
  return new Set(
    Object.keys(res.failures).map((i) => r.keys?.[Number(i)] ?? r.values?.[Number(i)]?.id),
  );
}

/**
 * Runs the derived work after a source write; if it fails, the transaction
 * is aborted so the source write does not commit without it.
 */
function afterWrite<T>(
  trans: DBCoreTransaction,
  res: T,
  work: () => Promise<unknown> | void,
): Promise<T> | T {
  const fail = (err: unknown): never => {
    try {
      trans.abort();
    } catch {
      // Already finished or aborted: nothing more to undo.
    }
    throw err;
  };
  let pending: Promise<unknown> | void;
  try {
    pending = work();
  } catch (err) {
    return fail(err);
  }
  return pending ? pending.then(() => res, fail) : res;
}

/**
 * The last span mutation of each transaction: mutations that were not
 * awaited one after another (Promise.all inside a transaction) run in turn,
 * so each reads the counts the previous one wrote.
 */
const lastSpanWrite = new WeakMap<DBCoreTransaction, Promise<unknown>>();

function spansTable(down: DBCore, table: DBCoreTable): Partial<DBCoreTable> {
  const counts = down.table('spanCounts');
  const facts = down.schema.tables.some((t) => t.name === 'spanFacts')
    ? down.table('spanFacts')
    : null;
  const run = (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> =>
    mutateSpans(table, counts, facts, req);
  return {
    mutate(req) {
      const prev = lastSpanWrite.get(req.trans);
      const next = prev ? prev.then(() => run(req)) : run(req);
      lastSpanWrite.set(
        req.trans,
        next.then(
          () => undefined,
          () => undefined,
        ),
      );
      return next;
    },
  };
}

/** One span mutation, then the span counts and facts it changes, in its transaction. */
function mutateSpans(
  table: DBCoreTable,
  counts: DBCoreTable,
  facts: DBCoreTable | null,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
    // Every span goes (a clear or a restore): so do all counts and facts.
    return table
      .mutate(req)
      .then((res) =>
        afterWrite(req.trans, res, () =>
          checked(
            counts.mutate({ trans: req.trans, type: 'deleteRange', range: req.range }),
            'span counts',
          ).then(() =>
            facts
              ? checked(
                  facts.mutate({ trans: req.trans, type: 'deleteRange', range: req.range }),
                  'span facts',
                )
              : undefined,
          ),
        ),
      );
  }
  // An add replaces nothing; an add of a stored key fails and so counts for nothing.
  const before = req.type === 'add' ? null : (previous(table, req) as Promise<SpanRecord[]>);
  const write = (old: SpanRecord[]): Promise<DBCoreMutateResponse> =>
    table.mutate(req).then((res) =>
      afterWrite(req.trans, res, () => {
        const failed = failedKeys(req, res);
        // Per key: the record it had, and the last one written to it (a
        // batch may write one key twice). A failed operation changes nothing.
        const after = new Map<string, SpanRecord>();
        const values = (req as { values?: readonly SpanRecord[] }).values ?? [];
        for (const i of succeeded(req, res)) after.set(values[i]!.id, values[i]!);
        const deltas = new CountDeltas();
        const factDeltas = new FactDeltas();
        for (const s of new Map(old.map((o) => [o.id, o])).values())
          if (!failed.has(s.id)) {
            deltas.add(s, -1);
            factDeltas.remove(s);
          }
        for (const s of after.values()) {
          deltas.add(s, +1);
          factDeltas.add(s);
        }
        const c = applyCounts(counts, req.trans, deltas);
        const f = (): Promise<void> | void =>
          facts ? applyFacts(facts, req.trans, factDeltas) : undefined;
        return c ? c.then(f) : f();
      }),
    );
  return before ? before.then(write) : write([]);
}

/** The derived tables: never backed up or restored, always recomputed. */
export const DERIVED_TABLES: readonly string[] = [
  'docMeta',
  'docTokens',
  'spanCounts',
  'spanFacts',
  'viewCache',
  'viewChanges',
];

/**
 * Bumped whenever the derived rows are computed differently: profiles whose
 * marker names another version rebuild them once (derived-check.ts).
 */
export const DERIVED_VERSION = 1;

/**
 * The middleware: read-write transactions over spans also take in
 * spanCounts and spanFacts, and every mutation of spans updates both before
 * it resolves. Adds read no spans; a put, update or delete reads the
 * records it replaces (their labels leave the counts, their facts the
 * rows). Each write reads and rewrites the facts rows of the documents it
 * touches (one row per document).
 */
export const spanCountsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SpanCounts',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === 'spanCounts')) return {};
    const hasFacts = down.schema.tables.some((t) => t.name === 'spanFacts');
    const derived = hasFacts ? ['spanCounts', 'spanFacts'] : ['spanCounts'];
    return {
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.includes('spans')
            ? [...stores, ...derived.filter((t) => !stores.includes(t))]
            : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === 'spans' ? { ...table, ...spansTable(down, table) } : table;
      },
    };
  },
};
