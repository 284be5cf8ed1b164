/**
 * The document ids of a team project on the CouchDB server. An id says what
 * a document holds and, for an analyst's own work, who may write it, so the
 * server's validation function can check ownership from the id alone (a
 * deletion carries nothing else). The scheme, one prefix per kind:
 *
 * | id                          | holds                              | written by   |
 * | --------------------------- | ---------------------------------- | ------------ |
 * | `span:USER:SPANID`          | one span of USER                   | USER         |
 * | `status:USER:DOCID`         | USER's status and document stance  | USER         |
 * | `annotator:USER`            | USER's display name                | USER         |
 * | `gazetteer:USER`            | USER's cue phrases per label       | USER         |
 * | `article:DOCID`             | an article (text and metadata)     | any member   |
 * | `actor:ACTORID`             | one actor of the project's list    | any member   |
 * | `gold:DOCID`                | a document's gold layer            | adjudicators |
 * | `assign:DOCID`              | who a document is assigned to      | leads        |
 * | `project:labels`            | the label set and its guidelines   | leads        |
 * | `project:settings`          | project settings (blind mode)      | leads        |
 *
 * USER may contain `:`; SPANID and DOCID never do, so ids parse from the
 * right. ACTORID is everything after `actor:` (a UUID made by the app, or
 * the id a dataset file gave). See docs/team.md.
 */

/** Kinds of project documents. */
export type TeamDocKind =
  | 'span'
  | 'status'
  | 'annotator'
  | 'gazetteer'
  | 'article'
  | 'actor'
  | 'gold'
  | 'assign'
  | 'labels'
  | 'settings';

/** A parsed project document id. */
export type TeamDocId =
  | { kind: 'span'; user: string; spanId: string }
  | { kind: 'status'; user: string; docId: string }
  | { kind: 'annotator'; user: string }
  | { kind: 'gazetteer'; user: string }
  | { kind: 'article'; docId: string }
  | { kind: 'actor'; actorId: string }
  | { kind: 'gold'; docId: string }
  | { kind: 'assign'; docId: string }
  | { kind: 'labels' }
  | { kind: 'settings' };

/** The label set's document id. */
export const LABELS_ID = 'project:labels';
/** The project settings' document id. */
export const SETTINGS_ID = 'project:settings';

export const spanDocId = (user: string, spanId: string): string => `span:${user}:${spanId}`;
export const statusDocId = (user: string, docId: string): string => `status:${user}:${docId}`;
export const annotatorDocId = (user: string): string => `annotator:${user}`;
export const gazetteerDocId = (user: string): string => `gazetteer:${user}`;
export const articleDocId = (docId: string): string => `article:${docId}`;
export const actorDocId = (actorId: string): string => `actor:${actorId}`;
export const goldDocId = (docId: string): string => `gold:${docId}`;
export const assignDocId = (docId: string): string => `assign:${docId}`;

/** Parses a project document id; null for anything else (design documents too). */
export function parseTeamDocId(id: string): TeamDocId | null {
  if (id === LABELS_ID) return { kind: 'labels' };
  if (id === SETTINGS_ID) return { kind: 'settings' };
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const prefix = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (rest.length === 0) return null;
  const last = rest.lastIndexOf(':');
  switch (prefix) {
    case 'span':
    case 'status': {
      if (last <= 0 || last === rest.length - 1) return null;
      const user = rest.slice(0, last);
      const tail = rest.slice(last + 1);
      return prefix === 'span'
        ? { kind: 'span', user, spanId: tail }
        : { kind: 'status', user, docId: tail };
    }
    case 'annotator':
      return { kind: 'annotator', user: rest };
    case 'gazetteer':
      return { kind: 'gazetteer', user: rest };
    case 'actor':
      return { kind: 'actor', actorId: rest };
    case 'article':
    case 'gold':
    case 'assign':
      return last >= 0 ? null : { kind: prefix, docId: rest };
    default:
      return null;
  }
}

/** The user who owns an analyst's document (span, status, annotator, gazetteer); null for shared ones. */
export function ownerOf(id: TeamDocId): string | null {
  return id.kind === 'span' ||
    id.kind === 'status' ||
    id.kind === 'annotator' ||
    id.kind === 'gazetteer'
    ? id.user
    : null;
}
