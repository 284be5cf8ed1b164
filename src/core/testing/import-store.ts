/**
 * An in-memory model of the store a dataset import reads and writes (the
 * renderer's Dexie tables, as plain maps), for the import plan's tests:
 * snapshotOf reads what the plan needs as db/dataset-import.ts does, and
 * applyPlan writes a plan as its writer does (an add of a stored key
 * fails, as IndexedDB's does).
 */
import type { SnapshotKeys } from '../import-plan/prepare.ts';
import type { LineTokensRecord, TokenSetRecord } from '../import-plan/token-rows.ts';
import { pairKey, type ImportPlan, type ImportSnapshot } from '../import-plan/types.ts';
import type {
  ActorRecord,
  AnnotatorRecord,
  DocumentRecord,
  LabelDef,
  SpanRecord,
  StatusRecord,
} from '../model.ts';

/** The tables an import touches, keyed as the schema keys them. */
export interface MemoryStore {
  documents: Map<string, DocumentRecord>;
  labels: Map<string, LabelDef>;
  annotators: Map<string, AnnotatorRecord>;
  actors: Map<string, ActorRecord>;
  spans: Map<string, SpanRecord>;
  /** By pairKey(docId, annotatorId). */
  statuses: Map<string, StatusRecord>;
  /** By pairKey(docId, annotatorId). */
  lineTokens: Map<string, LineTokensRecord>;
  /** By pairKey(docId, digest). */
  tokenSets: Map<string, TokenSetRecord>;
}

/** An empty store. */
export function emptyStore(): MemoryStore {
  return {
    documents: new Map(),
    labels: new Map(),
    annotators: new Map(),
    actors: new Map(),
    spans: new Map(),
    statuses: new Map(),
    lineTokens: new Map(),
    tokenSets: new Map(),
  };
}

/** A deep copy of a store (to compare before and after). */
export function copyStore(s: MemoryStore): MemoryStore {
  return structuredClone(s);
}

/** The snapshot of `store` at `keys`, as the renderer reads it. */
export function snapshotOf(store: MemoryStore, keys: SnapshotKeys): ImportSnapshot {
  const got = <T>(map: Map<string, T>, ks: string[]): T[] =>
    ks.flatMap((k) => (map.has(k) ? [map.get(k)!] : []));
  const pairKeys = keys.pairs.map(([d, a]) => pairKey(d, a));
  const pairs = new Set(pairKeys);
  return {
    docTexts: new Map(
      keys.docIds.flatMap((id) => {
        const d = store.documents.get(id);
        return d ? [[id, d.text] as const] : [];
      }),
    ),
    storedDocIds: new Set(keys.textIds.filter((id) => store.documents.has(id))),
    labels: [...store.labels.values()],
    annotatorIds: new Set(keys.annotatorIds.filter((id) => store.annotators.has(id))),
    actors: [...store.actors.values()],
    spans: [...store.spans.values()].filter((s) => pairs.has(pairKey(s.docId, s.annotatorId))),
    statuses: got(store.statuses, pairKeys),
    lineTokens: got(store.lineTokens, pairKeys),
    tokenSets: got(
      store.tokenSets,
      keys.tokenSets.map(([d, digest]) => pairKey(d, digest)),
    ),
  };
}

/** Adds rows under their keys; throws when a key is stored (an IndexedDB add fails). */
function add<T>(map: Map<string, T>, rows: readonly T[], key: (r: T) => string): void {
  for (const r of rows) {
    const k = key(r);
    if (map.has(k)) throw new Error(`add of a stored key: ${k}`);
    map.set(k, r);
  }
}

/** Writes `plan` into `store` as db/dataset-import.ts writes it into IndexedDB. */
export function applyPlan(store: MemoryStore, plan: ImportPlan): void {
  if (!plan.report.imported) return;
  add(store.actors, plan.actors, (a) => a.id);
  add(store.labels, plan.labels, (l) => l.key);
  add(store.annotators, plan.annotators, (a) => a.id);
  add(store.documents, plan.documents, (d) => d.id);
  add(store.spans, plan.spansToAdd, (s) => s.id);
  for (const s of plan.spansToUpdate) {
    if (!store.spans.has(s.id)) throw new Error(`update of a span not stored: ${s.id}`);
    store.spans.set(s.id, s);
  }
  for (const l of plan.lineTokens) store.lineTokens.set(pairKey(l.docId, l.annotatorId), l);
  for (const t of plan.tokenSets) store.tokenSets.set(pairKey(t.docId, t.digest), t);
  for (const s of plan.statuses) store.statuses.set(pairKey(s.docId, s.annotatorId), s);
}
