/**
 * The outbox: every local change of something a team project shares is
 * recorded, in the same IndexedDB transaction as the change itself, as a
 * row naming the project document it touches. A Dexie DBCore middleware
 * does it, whatever API made the change (annotating, undo, gold, a label
 * edit, a dataset import), so no write path can forget it and a crash can
 * never keep a change without its row (or a row without its change).
 *
 * Rows are written while a project is connected (a `config` row in
 * syncMeta), and after disconnecting, for deletions of the analyst's own
 * spans and statuses only, while an `away` row names the project left
 * (sync/connection.ts keeps them for the next connection to it); and only
 * for documents this analyst could send: their own
 * spans, statuses, name and cue phrases (gazetteer), articles, actors, and the shared documents (gold,
 * labels, settings, assignments); the pusher checks roles. Writes the sync
 * bridge makes from the server's documents are marked incoming and leave
 * no row. Like derived.ts, this chains DBCore promises with `.then` and
 * never awaits, so Dexie's transaction zone is kept.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction,
} from 'dexie';
import { GOLD_ANNOTATOR_ID, type SpanRecord } from '@core/model.ts';
import {
  actorDocId,
  annotatorDocId,
  articleDocId,
  assignDocId,
  gazetteerDocId,
  goldDocId,
  LABELS_ID,
  SETTINGS_ID,
  spanDocId,
  statusDocId,
} from '@core/team/ids.ts';
import { AWAY_KEY, CONFIG_KEY, ownWork, type AwayFrom, type TeamConfig } from './meta.ts';
import { OUTBOX, type OutboxRow } from './tables.ts';

/** The settings key of the project settings (blind mode). */
export const PROJECT_SETTINGS_KEY = 'projectSettings';
/** The settings key prefix of a document's rejected gold proposals (db/gold.ts). */
const REJECTED_PREFIX = 'goldRejected:';

/** Tables whose changes a project shares. */
const SOURCES = new Set([
  'spans',
  'statuses',
  'documents',
  'annotators',
  'labels',
  'settings',
  'assignments',
  'gazetteers',
  'actors',
]);

const incoming = new WeakSet<object>();

/** Marks `tx` as applying the server's documents: its writes leave no outbox row. */
export function markIncoming(tx: Transaction): void {
  incoming.add((tx as unknown as { idbtrans: object }).idbtrans);
}

/** A fresh stamp for a changed document. */
export function newStamp(): string {
  return crypto.randomUUID();
}

/** The project document of a span (gold spans share their document's gold). */
export function spanTeamId(s: Pick<SpanRecord, 'annotatorId' | 'docId' | 'id'>): string {
  return s.annotatorId === GOLD_ANNOTATOR_ID ? goldDocId(s.docId) : spanDocId(s.annotatorId, s.id);
}

/** The project document of a status, by its key. */
export function statusTeamId(docId: string, annotatorId: string): string {
  return annotatorId === GOLD_ANNOTATOR_ID ? goldDocId(docId) : statusDocId(annotatorId, docId);
}

/** The project document a settings key belongs to, or null when it is not shared. */
export function settingTeamId(key: string): string | null {
  if (key.startsWith(REJECTED_PREFIX)) return goldDocId(key.slice(REJECTED_PREFIX.length));
  if (key === PROJECT_SETTINGS_KEY) return SETTINGS_ID;
  return null;
}

/** Whether a span or status of `annotatorId` is this analyst's to send. */
function sendable(annotatorId: string, self: string): boolean {
  return annotatorId === self || annotatorId === GOLD_ANNOTATOR_ID;
}

/** What a transaction records: for whom, and whether only deletions (disconnected). */
interface Tracking {
  user: string;
  deletionsOnly: boolean;
}

const trackings = new WeakMap<DBCoreTransaction, Promise<Tracking | null>>();

/** The connected project's user, else the left project's (deletions only), else null. */
function trackingOf(meta: DBCoreTable, trans: DBCoreTransaction): Promise<Tracking | null> {
  let p = trackings.get(trans);
  if (!p) {
    p = meta.getMany({ trans, keys: [CONFIG_KEY, AWAY_KEY] }).then(([c, a]) => {
      const config = (c as { value?: TeamConfig } | undefined)?.value;
      if (config) return { user: config.user, deletionsOnly: false };
      const away = (a as { value?: AwayFrom } | undefined)?.value;
      return away ? { user: away.user, deletionsOnly: true } : null;
    });
    trackings.set(trans, p);
  }
  return p;
}

/** Indexes of the request's operations that succeeded. */
function okIndexes(n: number, res: DBCoreMutateResponse): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!(i in res.failures)) out.push(i);
  return out;
}

/** The records a delete is about to remove (spans: to know whose they were). */
function previous(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    const query = { index: table.schema.primaryKey, range: req.range };
    return table.query({ trans, values: true, query }).then((r) => r.result);
  }
  if (req.type === 'delete')
    return table.getMany({ trans, keys: req.keys }).then((vs) => vs.filter((v) => v !== undefined));
  return Promise.resolve([]);
}

/** The primary keys a deleteRange covers. */
function keysInRange(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  if (req.type !== 'deleteRange') return Promise.resolve([]);
  const query = { index: table.schema.primaryKey, range: req.range };
  return table.query({ trans: req.trans, values: false, query }).then((r) => r.result);
}

/** The project documents a successful mutation of `name` touched. */
function touched(
  name: string,
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
  before: unknown[],
  self: string,
): Set<string> {
  const ids = new Set<string>();
  const values =
    req.type === 'put' || req.type === 'add'
      ? okIndexes(req.values.length, res).map((i) => req.values[i] as Record<string, unknown>)
      : [];
  const keys =
    req.type === 'delete'
      ? okIndexes(req.keys.length, res).map((i) => req.keys[i])
      : req.type === 'deleteRange'
        ? before
        : [];
  switch (name) {
    case 'spans':
      for (const s of [...values, ...before] as SpanRecord[])
        if (sendable(s.annotatorId, self)) ids.add(spanTeamId(s));
      break;
    case 'statuses':
      for (const s of values as { docId: string; annotatorId: string }[])
        if (sendable(s.annotatorId, self)) ids.add(statusTeamId(s.docId, s.annotatorId));
      for (const k of keys as [string, string][])
        if (Array.isArray(k) && sendable(k[1], self)) ids.add(statusTeamId(k[0], k[1]));
      break;
    case 'documents':
      // Articles are only ever added to a project, never removed from it.
      for (const d of values as { id: string }[]) ids.add(articleDocId(d.id));
      break;
    case 'annotators':
      for (const a of [...values.map((v) => v.id), ...keys])
        if (a === self) ids.add(annotatorDocId(self));
      break;
    case 'labels':
      if (values.length > 0 || keys.length > 0 || req.type === 'deleteRange') ids.add(LABELS_ID);
      break;
    case 'settings':
      for (const k of [...values.map((v) => v.key), ...keys]) {
        const id = typeof k === 'string' ? settingTeamId(k) : null;
        if (id) ids.add(id);
      }
      break;
    case 'assignments':
      for (const k of [...values.map((v) => v.docId), ...keys])
        if (typeof k === 'string') ids.add(assignDocId(k));
      break;
    case 'gazetteers':
      // Only the analyst's own cue phrases; colleagues' come from the project.
      for (const k of [...values.map((v) => v.annotatorId), ...keys])
        if (k === self) ids.add(gazetteerDocId(self));
      break;
    case 'actors':
      // Shared reference data: any member's edit of any actor is sent.
      for (const k of [...values.map((v) => v.id), ...keys])
        if (typeof k === 'string') ids.add(actorDocId(k));
      break;
  }
  return ids;
}

function tracked(down: DBCore, name: string, table: DBCoreTable): Partial<DBCoreTable> {
  const outbox = down.table('outbox');
  const meta = down.table('syncMeta');
  return {
    mutate(req) {
      const trans = req.trans as DBCoreTransaction & { mode?: string };
      if (incoming.has(trans) || trans.mode !== 'readwrite') return table.mutate(req);
      return trackingOf(meta, trans).then((config) => {
        if (!config) return table.mutate(req);
        const deletion = req.type === 'delete' || req.type === 'deleteRange';
        if (config.deletionsOnly && !deletion) return table.mutate(req);
        // Deleted spans are read first, to know whose they were; deleted
        // keys of other tables are enough.
        const before =
          name === 'spans'
            ? previous(table, req)
            : req.type === 'deleteRange'
              ? keysInRange(table, req)
              : Promise.resolve([]);
        return before.then((old) =>
          table.mutate(req).then((res) => {
            const ids = touched(name, req, res, old, config.user);
            // Away, only the analyst's own work: shared documents are the
            // project's again on connecting (their revisions are forgotten).
            if (config.deletionsOnly)
              for (const id of ids) if (!ownWork(id, config.user)) ids.delete(id);
            if (ids.size === 0) return res;
            const rows: OutboxRow[] = [...ids].map((id) => ({
              id,
              stamp: newStamp(),
              state: OUTBOX.pending,
            }));
            return outbox.mutate({ trans, type: 'put', values: rows }).then((r) => {
              if (r.numFailures > 0) {
                try {
                  trans.abort();
                } catch {
                  // Already finished: nothing more to undo.
                }
                throw new Error('recording the change for the team project failed');
              }
              return res;
            });
          }),
        );
      });
    },
  };
}

/**
 * The middleware: read-write transactions over shared tables also take in
 * the outbox and syncMeta, and every mutation of a shared table records the
 * project documents it touched while a project is connected.
 */
export const outboxTracking: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'TeamOutbox',
  create(down) {
    const present = new Set(down.schema.tables.map((t) => t.name));
    if (!present.has('outbox') || !present.has('syncMeta')) return {};
    return {
      transaction(stores, mode, options) {
        if (mode === 'readwrite' && stores.some((s) => SOURCES.has(s)))
          return down.transaction([...new Set([...stores, 'outbox', 'syncMeta'])], mode, options);
        return down.transaction(stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return SOURCES.has(name) ? { ...table, ...tracked(down, name, table) } : table;
      },
    };
  },
};
