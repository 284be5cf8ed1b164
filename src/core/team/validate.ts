/**
 * The project's `validate_doc_update` function: the server runs it on every
 * write (from the app, a script or a replication), so roles hold whatever
 * the client does. The app runs the very same function before it sends a
 * change, to say "refused" at once instead of after a round trip.
 *
 * It is written as one self-contained ES5 function, with no inner functions
 * and no helpers from outside, because its source text (`VALIDATE_SOURCE`)
 * is what `stance team init` stores in the design document, and CouchDB's
 * JavaScript engine may be an old SpiderMonkey. The id scheme it checks is
 * the one of ids.ts.
 *
 * Rules: server admins may do anything; everyone else needs a member role
 * (analyst, adjudicator or lead). Analysts write only their own spans,
 * statuses, name and gazetteer (cue phrases; the user is in the id); any member adds articles,
 * whose text never changes, and adds, edits, merges or removes actors; adjudicators write gold; leads write the label
 * set, the project settings and the assignments. Shared documents say who
 * wrote them (`updatedBy`), and that must be the writer.
 */

/** The user a write comes from, as CouchDB passes it. */
export interface UserCtx {
  name: string | null;
  roles: string[];
}

/** What the function throws: CouchDB answers 403 for forbidden, 401 for unauthorized. */
export type ValidationRefusal = { forbidden: string } | { unauthorized: string };

type Doc = Record<string, unknown> & { _id: string; _deleted?: boolean };

/* eslint-disable no-var -- ES5 on purpose: this source runs inside CouchDB. */
/**
 * Throws `{forbidden}` or `{unauthorized}` when `userCtx` may not write
 * `newDoc` over `oldDoc`; returns when it may.
 */
export function validateDocUpdate(
  newDoc: Doc,
  oldDoc: Doc | null,
  userCtx: UserCtx,
  _secObj?: unknown,
): void {
  var roles = (userCtx && userCtx.roles) || [];
  var name = userCtx && userCtx.name;
  if (roles.indexOf('_admin') !== -1) return;
  if (!name) throw { unauthorized: 'Sign in to change this project.' };
  var analyst = roles.indexOf('analyst') !== -1;
  var adjudicator = roles.indexOf('adjudicator') !== -1;
  var lead = roles.indexOf('lead') !== -1;
  if (!analyst && !adjudicator && !lead)
    throw {
      forbidden: 'User ' + name + ' has no role in this project (analyst, adjudicator or lead).',
    };

  var id = String(newDoc._id);
  var deleted = newDoc._deleted === true;
  var colon = id.indexOf(':');
  var prefix = colon < 0 ? id : id.substring(0, colon);
  var rest = colon < 0 ? '' : id.substring(colon + 1);
  var last = rest.lastIndexOf(':');
  var problem = '';
  var i = 0;
  var list: unknown[] = [];

  if (prefix === 'span' || prefix === 'status') {
    if (last <= 0 || last === rest.length - 1) throw { forbidden: 'Malformed id ' + id + '.' };
    var owner = rest.substring(0, last);
    var tail = rest.substring(last + 1);
    if (owner !== name)
      throw {
        forbidden:
          id +
          ': only ' +
          owner +
          ' may change their ' +
          (prefix === 'span' ? 'spans' : 'statuses') +
          '; you are ' +
          name +
          '.',
      };
    if (!analyst) throw { forbidden: id + ': only analysts write spans and statuses.' };
    if (deleted) return;
    if (newDoc.annotatorId !== owner) problem = 'annotatorId must be ' + owner;
    else if (typeof newDoc.docId !== 'string' || newDoc.docId === '') problem = 'docId is missing';
    else if (typeof newDoc.updatedAt !== 'number') problem = 'updatedAt must be a number';
    else if (prefix === 'span') {
      if (newDoc.spanId !== tail) problem = 'spanId must be ' + tail;
      else if (typeof newDoc.label !== 'string' || newDoc.label === '')
        problem = 'label is missing';
      else if (
        typeof newDoc.start !== 'number' ||
        typeof newDoc.end !== 'number' ||
        newDoc.start % 1 !== 0 ||
        newDoc.end % 1 !== 0 ||
        newDoc.start < 0 ||
        newDoc.end <= newDoc.start
      )
        problem = 'start and end must be whole numbers with 0 <= start < end';
      else if (typeof newDoc.quote !== 'string') problem = 'quote must be a string';
    } else {
      if (newDoc.docId !== tail) problem = 'docId must be ' + tail;
      else if (
        newDoc.status !== 'not-started' &&
        newDoc.status !== 'in-progress' &&
        newDoc.status !== 'done'
      )
        problem = 'status must be not-started, in-progress or done';
      else if (newDoc.docStance !== null && typeof newDoc.docStance !== 'string')
        problem = 'docStance must be a string or null';
    }
    if (problem) throw { forbidden: id + ': ' + problem + '.' };
    return;
  }

  if (prefix === 'annotator') {
    if (rest !== name)
      throw { forbidden: id + ': only ' + rest + ' may change their name; you are ' + name + '.' };
    if (!deleted && (typeof newDoc.name !== 'string' || newDoc.name === ''))
      throw { forbidden: id + ': name is missing.' };
    return;
  }

  if (prefix === 'gazetteer') {
    if (rest !== name)
      throw {
        forbidden: id + ': only ' + rest + ' may change their cue phrases; you are ' + name + '.',
      };
    if (!analyst) throw { forbidden: id + ': only analysts keep cue phrases.' };
    if (deleted) return;
    if (newDoc.annotatorId !== rest)
      throw { forbidden: id + ': annotatorId must be ' + rest + '.' };
    if (typeof newDoc.updatedAt !== 'number')
      throw { forbidden: id + ': updatedAt must be a number.' };
    var phrases = newDoc.phrases as Record<string, unknown>;
    if (
      !phrases ||
      typeof phrases !== 'object' ||
      Object.prototype.toString.call(phrases) === '[object Array]'
    )
      throw { forbidden: id + ': phrases must be an object of lists per label.' };
    for (var label in phrases) {
      if (!Object.prototype.hasOwnProperty.call(phrases, label)) continue;
      list = phrases[label] as unknown[];
      if (Object.prototype.toString.call(list) !== '[object Array]')
        throw { forbidden: id + ': the phrases of ' + label + ' must be a list.' };
      for (i = 0; i < list.length; i++)
        if (typeof list[i] !== 'string')
          throw { forbidden: id + ': phrase ' + i + ' of ' + label + ' must be text.' };
    }
    return;
  }

  if (prefix === 'actor') {
    // The project's actors are shared reference data: any member adds,
    // edits, merges (mergedInto) or removes one; the version says who.
    if (rest === '') throw { forbidden: 'Malformed id ' + id + '.' };
    if (deleted) return;
    if (newDoc.id !== rest) throw { forbidden: id + ': id must be ' + rest + '.' };
    if (newDoc.updatedBy !== name) throw { forbidden: id + ': updatedBy must be ' + name + '.' };
    if (typeof newDoc.updatedAt !== 'number' || typeof newDoc.createdAt !== 'number')
      throw { forbidden: id + ': createdAt and updatedAt must be numbers.' };
    if (typeof newDoc.nameAr !== 'string' || typeof newDoc.nameEn !== 'string')
      throw { forbidden: id + ': nameAr and nameEn must be text.' };
    if (newDoc.nameAr === '' && newDoc.nameEn === '')
      throw { forbidden: id + ': an actor needs an Arabic or an English name.' };
    if (typeof newDoc.kind !== 'string') throw { forbidden: id + ': kind must be text.' };
    list = newDoc.aliases as unknown[];
    if (Object.prototype.toString.call(list) !== '[object Array]')
      throw { forbidden: id + ': aliases must be a list.' };
    for (i = 0; i < list.length; i++)
      if (typeof list[i] !== 'string') throw { forbidden: id + ': alias ' + i + ' must be text.' };
    if (
      newDoc.mergedInto !== undefined &&
      newDoc.mergedInto !== null &&
      (typeof newDoc.mergedInto !== 'string' || newDoc.mergedInto === rest)
    )
      throw { forbidden: id + ': mergedInto must name another actor.' };
    return;
  }

  if (prefix === 'article') {
    if (rest === '' || last !== -1) throw { forbidden: 'Malformed id ' + id + '.' };
    if (deleted) {
      if (!lead) throw { forbidden: id + ': only leads remove articles.' };
      return;
    }
    if (typeof newDoc.text !== 'string' || newDoc.text === '')
      throw { forbidden: id + ': text is missing.' };
    if (typeof newDoc.title !== 'string') throw { forbidden: id + ': title must be a string.' };
    if (oldDoc && !oldDoc._deleted && oldDoc.text !== newDoc.text)
      throw { forbidden: id + ": an article's text never changes." };
    return;
  }

  var shared =
    prefix === 'gold'
      ? 'adjudicator'
      : prefix === 'assign' || id === 'project:labels' || id === 'project:settings'
        ? 'lead'
        : '';
  if (shared === '') throw { forbidden: 'Unknown document ' + id + ' for this project.' };
  if (prefix !== 'project' && (rest === '' || last !== -1))
    throw { forbidden: 'Malformed id ' + id + '.' };
  if (shared === 'adjudicator' && !adjudicator)
    throw { forbidden: id + ': only adjudicators change gold; ' + name + ' is not one.' };
  if (shared === 'lead' && !lead)
    throw {
      forbidden:
        id +
        ': only project leads change labels, settings and assignments; ' +
        name +
        ' is not one.',
    };
  if (deleted) return;
  if (newDoc.updatedBy !== name) throw { forbidden: id + ': updatedBy must be ' + name + '.' };
  if (typeof newDoc.updatedAt !== 'number')
    throw { forbidden: id + ': updatedAt must be a number.' };
  if (prefix === 'gold') {
    if (newDoc.docId !== rest) throw { forbidden: id + ': docId must be ' + rest + '.' };
    list = newDoc.spans as unknown[];
    if (Object.prototype.toString.call(list) !== '[object Array]')
      throw { forbidden: id + ': spans must be a list.' };
    for (i = 0; i < list.length; i++) {
      var s = list[i] as Record<string, unknown>;
      if (
        !s ||
        typeof s.id !== 'string' ||
        typeof s.label !== 'string' ||
        typeof s.start !== 'number' ||
        typeof s.end !== 'number' ||
        s.start < 0 ||
        s.end <= s.start
      )
        throw { forbidden: id + ': gold span ' + i + ' is malformed.' };
    }
  } else if (prefix === 'assign') {
    if (newDoc.docId !== rest) throw { forbidden: id + ': docId must be ' + rest + '.' };
    list = newDoc.annotatorIds as unknown[];
    if (Object.prototype.toString.call(list) !== '[object Array]')
      throw { forbidden: id + ': annotatorIds must be a list.' };
    for (i = 0; i < list.length; i++)
      if (typeof list[i] !== 'string') throw { forbidden: id + ': annotatorIds must be names.' };
  } else if (id === 'project:labels') {
    list = newDoc.labels as unknown[];
    if (Object.prototype.toString.call(list) !== '[object Array]')
      throw { forbidden: id + ': labels must be a list.' };
    for (i = 0; i < list.length; i++) {
      var l = list[i] as Record<string, unknown>;
      if (!l || typeof l.key !== 'string' || l.key === '' || typeof l.name !== 'string')
        throw { forbidden: id + ': label ' + i + ' is malformed.' };
    }
  } else if (typeof newDoc.blind !== 'boolean') {
    throw { forbidden: id + ': blind must be true or false.' };
  }
}
/* eslint-enable no-var */

/** The function's source, as stored in the design document. */
export const VALIDATE_SOURCE: string = validateDocUpdate.toString();

/**
 * Runs the validation as the server would: null when `user` may write
 * `newDoc`, else the refusal with its HTTP status.
 */
export function checkWrite(
  newDoc: Doc,
  oldDoc: Doc | null,
  user: UserCtx,
): { status: 401 | 403; reason: string } | null {
  try {
    validateDocUpdate(newDoc, oldDoc, user);
    return null;
  } catch (err) {
    const e = err as Partial<Record<'forbidden' | 'unauthorized', string>>;
    if (typeof e.unauthorized === 'string') return { status: 401, reason: e.unauthorized };
    if (typeof e.forbidden === 'string') return { status: 403, reason: e.forbidden };
    throw err;
  }
}
