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
import { rebuildDerived } from './derived-rebuild.ts';
import type { LineTokensRecord, TokenSetRecord } from './dataset-tokens.ts';
import {
  derivedTables,
  type DocMetaRecord,
  type DocTokensRecord,
  type SpanCountRecord,
} from './derived.ts';

export const DB_NAME = 'stance-workbench';

/** The newest schema version this build knows. */
export const DB_VERSION = 7;

export type WorkbenchDb = Dexie & {
  documents: EntityTable<DocumentRecord, 'id'>;
  spans: EntityTable<SpanRecord, 'id'>;
  annotators: EntityTable<AnnotatorRecord, 'id'>;
  labels: EntityTable<LabelDef, 'key'>;
  statuses: Dexie.Table<StatusRecord, [string, string]>;
  settings: EntityTable<SettingRecord, 'key'>;
  /** The project's actors (version 6); spans point at them by `holderActorId`. */
  actors: EntityTable<ActorRecord, 'id'>;
  /** Derived (see derived.ts): never written directly. */
  docMeta: EntityTable<DocMetaRecord, 'id'>;
  docTokens: EntityTable<DocTokensRecord, 'docId'>;
  spanCounts: Dexie.Table<SpanCountRecord, [string, string]>;
  /** The tokens datasets brought (see dataset-tokens.ts). */
  tokenSets: Dexie.Table<TokenSetRecord, [string, string]>;
  lineTokens: Dexie.Table<LineTokensRecord, [string, string]>;
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

  // Versions 4 and 5 are reserved for other work in progress.

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

  db.use(derivedTables);
  return db;
}
