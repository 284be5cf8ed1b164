/**
 * The records of the tables schema version 5 adds for team projects
 * (db/schema.ts): the outbox of changes not yet on the server, the
 * revisions shared documents were last read at, conflicts waiting for a
 * person, assignments, and the sync bookkeeping. Types only, so the schema
 * can name them without importing the sync machinery.
 */
import type { DocStatus, LabelDef, SpanRecord } from '@core/model.ts';

/** Where an outbox row stands. */
export const OUTBOX = {
  /** Changed in Dexie, not yet in the local copy of the project. */
  pending: 0,
  /** In the local copy at `rev`; waiting for the server to have it. */
  sent: 1,
  /** Refused (the reason is in `refused`): the change stays local. */
  refused: 2,
} as const;
export type OutboxState = (typeof OUTBOX)[keyof typeof OUTBOX];

/**
 * One project document with a local change the server does not have yet.
 * Written in the same transaction as the change (sync/outbox.ts). One row
 * per document: a later change of the same document replaces the stamp.
 */
export interface OutboxRow {
  /** The project document id (core/team/ids.ts). */
  id: string;
  /** Changes with every local write of the document. */
  stamp: string;
  state: OutboxState;
  /** The revision written to the local copy (state sent). */
  rev?: string;
  /** Why it was refused (state refused). */
  refused?: string;
}

/** The revision of a shared document (gold, labels, settings, assignment) that Dexie reflects. */
export interface SyncRevRecord {
  id: string;
  rev: string;
}

/** One version of a shared document in conflict. */
export interface ConflictVersion {
  rev: string;
  updatedBy: string;
  updatedAt: number;
  /** A short description for the person choosing, e.g. "3 spans, adjudicated". */
  summary: string;
  /** Gold: the spans of this version (for showing them side by side). */
  spans?: SpanRecord[];
  /** Gold: this version's status. */
  status?: DocStatus | null;
  /** Labels: this version's label set. */
  labels?: LabelDef[];
  /** Settings: this version's blind mode. */
  blind?: boolean;
  /** Assignment: this version's analysts. */
  annotatorIds?: string[];
}

/** A shared document with more than one current version. */
export interface ConflictRecord {
  /** The project document id. */
  id: string;
  kind: 'gold' | 'labels' | 'settings' | 'assign';
  /** The article it is about (gold, assignment), else ''. */
  docId: string;
  /** The version the app shows meanwhile (CouchDB's winner) first. */
  versions: ConflictVersion[];
}

/** The analysts a document is assigned to. */
export interface AssignmentRecord {
  docId: string;
  annotatorIds: string[];
}

/** A key/value of the sync bookkeeping (see sync/meta.ts). */
export interface SyncMetaRecord {
  key: string;
  value: unknown;
}

/** The tables a team project adds, none of them in backups. */
export const SYNC_TABLES: readonly string[] = ['outbox', 'syncRevs', 'conflicts', 'syncMeta'];
