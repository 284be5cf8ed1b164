/**
 * Checking the project's documents: each document from the local copy of
 * the project is checked with its zod schema (the server, or a colleague's
 * script, may have sent anything) and against its id (a span's owner, a
 * status's document, …), and turned into the app's records. A document that
 * does not fit is reported with its id and the first problem; applying
 * (apply.ts) skips it.
 */
import { problemText } from '@core/problems/problem.ts';
import {
  GOLD_ANNOTATOR_ID,
  type ActorRecord,
  type SpanRecord,
  type StatusRecord,
} from '@core/model.ts';
import { parseTeamDocId, type TeamDocId } from '@core/team/ids.ts';
import {
  actorBody,
  annotatorBody,
  articleBody,
  assignBody,
  bodyToActor,
  bodyToSpan,
  bodyToStatus,
  gazetteerBody,
  goldBody,
  labelsBody,
  settingsBody,
  spanBody,
  statusBody,
  type ArticleBody,
  type AssignBody,
  type GoldBody,
  type LabelsBody,
  type SettingsBody,
} from '@core/team/wire.ts';
import { parseGazetteer } from '@core/suggest/gazetteer.ts';
import type { z } from 'zod';
import type { GazetteerRecord } from '../db/gazetteers.ts';

/** A document as the local copy of the project holds it. */
export interface RawDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

/** A document that fits its schema, ready to apply. */
export type CheckedDoc =
  | { id: TeamDocId & { kind: 'span' }; rev: string; deleted: boolean; span: SpanRecord | null }
  | {
      id: TeamDocId & { kind: 'status' };
      rev: string;
      deleted: boolean;
      status: StatusRecord | null;
    }
  | { id: TeamDocId & { kind: 'annotator' }; rev: string; deleted: boolean; name: string | null }
  | {
      id: TeamDocId & { kind: 'gazetteer' };
      rev: string;
      deleted: boolean;
      list: GazetteerRecord | null;
    }
  | { id: TeamDocId & { kind: 'article' }; rev: string; deleted: boolean; body: ArticleBody | null }
  | { id: TeamDocId & { kind: 'actor' }; rev: string; deleted: boolean; actor: ActorRecord | null }
  | { id: TeamDocId & { kind: 'gold' }; rev: string; deleted: boolean; body: GoldBody | null }
  | { id: TeamDocId & { kind: 'assign' }; rev: string; deleted: boolean; body: AssignBody | null }
  | { id: TeamDocId & { kind: 'labels' }; rev: string; deleted: boolean; body: LabelsBody | null }
  | {
      id: TeamDocId & { kind: 'settings' };
      rev: string;
      deleted: boolean;
      body: SettingsBody | null;
    };

/** A document that was skipped, and why. */
export interface Rejected {
  id: string;
  problem: string;
}

function parse<T>(
  schema: z.ZodType<T>,
  doc: RawDoc,
): { ok: true; value: T } | { ok: false; problem: string } {
  const r = schema.safeParse(doc);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return {
    ok: false,
    problem: issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'invalid',
  };
}

/**
 * Checks one raw document against the schema of its kind, and that it
 * agrees with its id (a span's owner, a status's document, …). Design
 * documents and unknown ids are ignored (null).
 */
export function checkDoc(doc: RawDoc): CheckedDoc | Rejected | null {
  const id = parseTeamDocId(doc._id);
  if (!id) return null;
  const rev = doc._rev;
  const deleted = doc._deleted === true;
  const bad = (problem: string): Rejected => ({ id: doc._id, problem });
  if (deleted) {
    switch (id.kind) {
      case 'span':
        return { id, rev, deleted, span: null };
      case 'status':
        return { id, rev, deleted, status: null };
      case 'annotator':
        return { id, rev, deleted, name: null };
      case 'gazetteer':
        return { id, rev, deleted, list: null };
      case 'actor':
        return { id, rev, deleted, actor: null };
      default:
        return { id, rev, deleted, body: null } as CheckedDoc;
    }
  }
  switch (id.kind) {
    case 'span': {
      const r = parse(spanBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.annotatorId !== id.user || r.value.spanId !== id.spanId)
        return bad('the span does not match its id');
      if (r.value.annotatorId === GOLD_ANNOTATOR_ID) return bad('“gold” is not an analyst');
      return { id, rev, deleted, span: bodyToSpan(r.value) };
    }
    case 'status': {
      const r = parse(statusBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.annotatorId !== id.user || r.value.docId !== id.docId)
        return bad('the status does not match its id');
      if (r.value.annotatorId === GOLD_ANNOTATOR_ID) return bad('“gold” is not an analyst');
      return { id, rev, deleted, status: bodyToStatus(r.value) };
    }
    case 'annotator': {
      const r = parse(annotatorBody, doc);
      if (!r.ok) return bad(r.problem);
      return { id, rev, deleted, name: r.value.name };
    }
    case 'gazetteer': {
      const r = parse(gazetteerBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.annotatorId !== id.user) return bad('the cue phrases do not match their id');
      if (r.value.annotatorId === GOLD_ANNOTATOR_ID) return bad('“gold” is not an analyst');
      const g = parseGazetteer(r.value.phrases);
      if (!g.ok) return bad(`phrases: ${g.errors[0] ? problemText(g.errors[0]) : 'invalid'}`);
      const phrases = Object.fromEntries(Object.entries(g.value).map(([l, p]) => [l, [...p]]));
      return {
        id,
        rev,
        deleted,
        list: { annotatorId: id.user, phrases, updatedAt: r.value.updatedAt },
      };
    }
    case 'actor': {
      const r = parse(actorBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.id !== id.actorId) return bad('the actor does not match its id');
      return { id, rev, deleted, actor: bodyToActor(r.value) };
    }
    case 'article': {
      const r = parse(articleBody, doc);
      return r.ok ? { id, rev, deleted, body: r.value } : bad(r.problem);
    }
    case 'gold': {
      const r = parse(goldBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.docId !== id.docId) return bad('the gold layer does not match its id');
      return { id, rev, deleted, body: r.value };
    }
    case 'assign': {
      const r = parse(assignBody, doc);
      if (!r.ok) return bad(r.problem);
      if (r.value.docId !== id.docId) return bad('the assignment does not match its id');
      return { id, rev, deleted, body: r.value };
    }
    case 'labels': {
      const r = parse(labelsBody, doc);
      return r.ok ? { id, rev, deleted, body: r.value } : bad(r.problem);
    }
    case 'settings': {
      const r = parse(settingsBody, doc);
      return r.ok ? { id, rev, deleted, body: r.value } : bad(r.problem);
    }
  }
}

/** The project document id of a checked document. */
export function teamIdOf(d: CheckedDoc): string {
  const id = d.id;
  switch (id.kind) {
    case 'span':
      return `span:${id.user}:${id.spanId}`;
    case 'status':
      return `status:${id.user}:${id.docId}`;
    case 'annotator':
      return `annotator:${id.user}`;
    case 'gazetteer':
      return `gazetteer:${id.user}`;
    case 'article':
      return `article:${id.docId}`;
    case 'actor':
      return `actor:${id.actorId}`;
    case 'gold':
      return `gold:${id.docId}`;
    case 'assign':
      return `assign:${id.docId}`;
    case 'labels':
      return 'project:labels';
    case 'settings':
      return 'project:settings';
  }
}
