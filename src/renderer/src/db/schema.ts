/**
 * The one Dexie schema of the workbench. Versions are only ever added: a new
 * version declares its stores and moves data in `upgrade()`; old versions
 * stay here unchanged so any older profile can be opened.
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  ActorRecord,
  AnnotatorRecord,
  DocumentRecord,
  LabelDef,
  SettingRecord,
  SpanRecord,
  StatusRecord,
} from '@core/model.ts';
import { TOKENIZER_VERSION } from '@core/token-pack.ts';
import { rebuildDerived, rebuildSpanFacts } from './derived-rebuild.ts';
import type { LineTokensRecord, TokenSetRecord } from './dataset-tokens.ts';
import type { SpanFactsRecord } from './span-facts.ts';
import type { GazetteerRecord } from './gazetteers.ts';
import type { RejectionRecord } from './rejections.ts';
import {
  DERIVED_VERSION,
  spanCountsMiddleware,
  type DocMetaRecord,
  type DocTokensRecord,
  type SpanCountRecord,
} from './derived.ts';
import { markIncoming, outboxTracking } from '../sync/outbox.ts';
import { clearCutOffTitles } from './untitled-upgrade.ts';
import { viewCacheMiddleware, type ViewCacheRecord } from './view-cache.ts';
import type { ViewChangeRecord } from './view-changes.ts';
import type {
  AssignmentRecord,
  ConflictRecord,
  OutboxRow,
  SyncMetaRecord,
  SyncRevRecord,
} from '../sync/tables.ts';

export const DB_NAME = 'stance-workbench';

/** The newest schema version this build knows. */
export const DB_VERSION = 16;

export type WorkbenchDb = Dexie & {
  documents: EntityTable<DocumentRecord, 'id'>;
  spans: EntityTable<SpanRecord, 'id'>;
  annotators: EntityTable<AnnotatorRecord, 'id'>;
  labels: EntityTable<LabelDef, 'key'>;
  statuses: Dexie.Table<StatusRecord, [string, string]>;
  settings: EntityTable<SettingRecord, 'key'>;
  /** The project's actors (version 6); spans point at them by `holderActorId`. */
  actors: EntityTable<ActorRecord, 'id'>;
  /** Derived (see derived.ts): written only by storeDocuments and the span-count middleware. */
  docMeta: EntityTable<DocMetaRecord, 'id'>;
  docTokens: EntityTable<DocTokensRecord, 'docId'>;
  spanCounts: Dexie.Table<SpanCountRecord, [string, string]>;
  /** What agreement and Analysis read of the spans, one row per document (version 10, span-facts.ts). */
  spanFacts: EntityTable<SpanFactsRecord, 'docId'>;
  /** The tokens datasets brought (see dataset-tokens.ts). */
  tokenSets: Dexie.Table<TokenSetRecord, [string, string]>;
  lineTokens: Dexie.Table<LineTokensRecord, [string, string]>;
  /** Team projects (see sync/tables.ts). */
  assignments: EntityTable<AssignmentRecord, 'docId'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  syncRevs: EntityTable<SyncRevRecord, 'id'>;
  conflicts: EntityTable<ConflictRecord, 'id'>;
  syncMeta: EntityTable<SyncMetaRecord, 'key'>;
  /** Each analyst's cue phrases per label (version 12, gazetteers.ts). */
  gazetteers: EntityTable<GazetteerRecord, 'annotatorId'>;
  /** Suggestions each analyst rejected (version 12, rejections.ts). */
  rejections: Dexie.Table<RejectionRecord, [string, string, number, number, string]>;
  /** Views kept between visits, with the project's generation (version 13, view-cache.ts). */
  viewCache: EntityTable<ViewCacheRecord, 'key'>;
  viewChanges: EntityTable<ViewChangeRecord, 'seq'>;
};

/** Opens (without connecting yet) the workbench database named `name`. */
export function createDb(name = DB_NAME): WorkbenchDb {
  // Strict durability: an acknowledged write is on disk, so a crash right
  // after it loses nothing (Chromium's default is relaxed).
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as WorkbenchDb;

  db.version(1).stores({
    documents: '&id, title, outlet, date, importedAt',
    spans: '&id, docId, annotatorId, [docId+annotatorId], label',
    annotators: '&id, kind',
    labels: '&key, order',
    statuses: '&[docId+annotatorId], docId, annotatorId, status',
    settings: '&key',
  });

  // Version 2: an index over (annotator, document, label), so the document
  // list counts an analyst's spans per label from index keys alone, without
  // reading span records. IndexedDB builds it from the stored spans.
  db.version(2).stores({
    spans: '&id, docId, annotatorId, [docId+annotatorId], label, [annotatorId+docId+label]',
  });

  // Version 3: tables derived from documents and spans, kept in step by the
  // derivedTables middleware (see derived.ts), so start reads small rows and
  // export reads stored tokens. The upgrade fills them from what is stored.
  db.version(3)
    .stores({
      docMeta: '&id, importedAt',
      docTokens: '&docId',
      spanCounts: '&[annotatorId+docId]',
    })
    .upgrade((tx) => rebuildDerived((name) => tx.table(name)));

  // Versions 4 and 5 were never released: numbers other branches held.

  // Version 6 (issue 15): the project's actors, and spans indexed by holder
  // actor, so that merging or deleting an actor finds its spans without
  // reading every span. Spans without an actor (all spans stored before)
  // have no entry in that index, so it costs them nothing; their new
  // fields (holderActorId, target, attribution) are optional, so no data
  // moves.
  db.version(6).stores({
    actors: '&id',
    spans:
      '&id, docId, annotatorId, [docId+annotatorId], label, [annotatorId+docId+label], holderActorId',
  });

  // Version 7: the tokens an imported dataset line brings, so token-level
  // agreement rests on the tokens `stance agreement` uses for the same
  // files (dataset-tokens.ts). Nothing to move: earlier imports kept none.
  db.version(7).stores({
    tokenSets: '&[docId+digest]',
    lineTokens: '&[docId+annotatorId], docId',
  });

  // Version 8: drops the indexes nothing reads: the documents' title,
  // outlet, date and importedAt (the list reads docMeta), the spans'
  // [annotatorId+docId+label] (the list reads spanCounts), the annotators'
  // kind. Every write maintained them. No data moves. (The spans'
  // annotatorId stays: Analysis filters by annotator through it.)
  db.version(8).stores({
    documents: '&id',
    spans: '&id, docId, annotatorId, [docId+annotatorId], label, holderActorId',
    annotators: '&id',
  });

  // A new profile's derived tables are current from the start; an older
  // profile has no marker and rebuilds them once (derived-check.ts). The
  // marker is written here, not imported from derived-check.ts, which
  // imports this module's types.
  db.on('populate', (tx) => {
    void tx.table('settings').put({
      key: 'derivedTables',
      value: { version: DERIVED_VERSION, tokenizer: TOKENIZER_VERSION },
    });
  });

  // Version 9: team projects (sync/). Assignments of documents to analysts;
  // the outbox of changes the server does not have yet, written with each
  // change by the outboxTracking middleware; the revisions of shared
  // documents; conflicts to resolve; the sync bookkeeping. All start empty.
  db.version(9).stores({
    assignments: '&docId, *annotatorIds',
    outbox: '&id, state',
    syncRevs: '&id',
    conflicts: '&id, docId',
    syncMeta: '&key',
  });

  // Version 10: the span facts, one derived row per document with what
  // agreement and Analysis read of its spans (span-facts.ts), kept by the
  // derived middleware; the upgrade fills it from the stored spans.
  db.version(10)
    .stores({ spanFacts: '&docId' })
    .upgrade((tx) => rebuildSpanFacts((name) => tx.table(name)));

  // Version 11 (issue 14): a document whose page gave no title kept a
  // cut-off first sentence as its title; it now keeps none (the UI says "No
  // title" beside its opening words, from docMeta's new optional `lead`).
  // No store changes. The fix stays local (marked incoming: no outbox row),
  // so an upgraded profile never rewrites a shared project's articles.
  db.version(11)
    .stores({})
    .upgrade(async (tx) => {
      markIncoming(tx);
      await clearCutOffTitles((name) => tx.table(name));
    });

  // Version 12: each analyst's gazetteer (cue phrases per label), one row
  // per analyst, so a team project can share them (gazetteers.ts); and the
  // suggestions each analyst rejected, kept across reloads (rejections.ts).
  // The upgrade moves the profile's gazetteer setting into its analyst's row
  // (and, in a connected project, queues it for the colleagues).
  db.version(12)
    .stores({
      gazetteers: '&annotatorId',
      rejections: '&[annotatorId+docId+start+end+label], [annotatorId+docId]',
    })
    .upgrade(async (tx) => {
      const settings = tx.table('settings');
      const self = (await settings.get('selfAnnotatorId')) as { value?: unknown } | undefined;
      const old = (await settings.get('suggestGazetteer')) as { value?: unknown } | undefined;
      // Without an analyst yet there is no one to own it: the setting stays.
      if (typeof self?.value !== 'string' || !old) return;
      await tx.table('gazetteers').put({
        annotatorId: self.value,
        phrases: old.value && typeof old.value === 'object' ? old.value : {},
        updatedAt: Date.now(),
      });
      await settings.delete('suggestGazetteer');
      // A profile connected to a project sends its analyst's list (the
      // outbox row the middleware writes for every later edit).
      const config = (await tx.table('syncMeta').get('config')) as
        { value?: { user?: unknown; roles?: unknown } } | undefined;
      const roles = config?.value?.roles;
      if (config?.value?.user === self.value && Array.isArray(roles) && roles.includes('analyst'))
        await tx
          .table('outbox')
          .put({ id: `gazetteer:${self.value}`, stamp: crypto.randomUUID(), state: 0 });
    });

  // Version 13: views kept between visits (view-cache.ts), so the Analysis
  // view paints its table at once when nothing changed since it was last
  // computed. Starts empty; derived, never backed up.
  db.version(13).stores({ viewCache: '&key' });

  // Version 14: actors are shared through a team project (actor:ID
  // documents, docs/team.md). No new table or index; a profile already
  // connected to a project queues its actors, as connecting does now
  // (sync/connection.ts reconcile), so its colleagues get them.
  db.version(14)
    .stores({})
    .upgrade(async (tx) => {
      const config = (await tx.table('syncMeta').get('config')) as
        { value?: { user?: unknown } } | undefined;
      if (typeof config?.value?.user !== 'string') return;
      const ids = (await tx.table('actors').toCollection().primaryKeys()) as string[];
      await tx
        .table('outbox')
        .bulkPut(ids.map((id) => ({ id: `actor:${id}`, stamp: crypto.randomUUID(), state: 0 })));
    });

  // Version 15: which documents each write touched (view-changes.ts), so a
  // view that sums over documents (the agreement dashboard) recounts only
  // those. Derived, starts empty: a view kept before it is computed afresh.
  db.version(15).stores({ viewChanges: '++seq, gen' });

  // Version 16: two spans indexes go, each an entry per span written (a
  // team project's first sync writes 100,000 spans). docId: the index
  // [docId+annotatorId] starts with the same key and Dexie reads
  // `where('docId')` through it (a virtual index), so those queries stay.
  // label: only renaming or deleting a label read it; they walk the spans
  // instead, and the uses of a label are summed from spanCounts
  // (labels.ts). No data moves.
  db.version(16).stores({
    spans: '&id, annotatorId, [docId+annotatorId], holderActorId',
  });

  // Registered first, the lowest: it sees the span facts rows the derived
  // middleware writes (the documents a span delete touched).
  db.use(viewCacheMiddleware);
  db.use(spanCountsMiddleware);
  db.use(outboxTracking);
  return db;
}
