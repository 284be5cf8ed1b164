/**
 * What a team project is on the server: its database name, the roles, the
 * `_security` object and the design document holding the validation
 * function; and the checks of what an analyst or the CLI types to reach it
 * (server URL, project name, user name), refusing with problems (codes the
 * app words in the analyst's language). Shared by `stance team` and the app.
 */
import { problem, type Problem } from '../problems/problem.ts';
import { VALIDATE_SOURCE } from './validate.ts';

/** The project roles, as stored in CouchDB user documents. */
export const ROLES = ['analyst', 'adjudicator', 'lead'] as const;
export type Role = (typeof ROLES)[number];

/** The id of the project's design document. */
export const DESIGN_DOC_ID = '_design/stance';

/** Bumped when the design document changes, so `team init` knows to update it. */
export const DESIGN_VERSION = 1;

/** The design document `stance team init` installs. */
export function designDocument(): {
  _id: string;
  language: 'javascript';
  validate_doc_update: string;
  stance: { version: number };
} {
  return {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: VALIDATE_SOURCE,
    stance: { version: DESIGN_VERSION },
  };
}

/** The `_security` object: only users with a project role may read or write. */
export function securityObject(): {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
} {
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [...ROLES] } };
}

/** A checked server address. */
export type ServerCheck =
  { ok: true; url: string; username: string; password: string } | { ok: false; problem: Problem };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a server URL: https anywhere, plain http only to this machine
 * (localhost, 127.0.0.1, [::1]), nothing after the path. The result has no
 * trailing slash and no credentials; credentials in the URL are refused
 * unless `allowCredentials` (the CLI's admin URL), and then returned apart.
 */
export function checkServerUrl(raw: string, allowCredentials = false): ServerCheck {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return { ok: false, problem: problem('teamForm.notUrl', { url: raw }) };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return {
      ok: false,
      problem: problem('teamForm.protocol', { protocol: u.protocol }),
    };
  if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname))
    return { ok: false, problem: problem('teamForm.plainHttp', { host: u.hostname }) };
  if (u.search || u.hash) return { ok: false, problem: problem('teamForm.queryOrFragment') };
  if ((u.username || u.password) && !allowCredentials)
    return { ok: false, problem: problem('teamForm.credentialsInUrl') };
  let username: string;
  let password: string;
  try {
    username = decodeURIComponent(u.username);
    password = decodeURIComponent(u.password);
  } catch {
    return { ok: false, problem: problem('teamForm.badEncoding') };
  }
  u.username = '';
  u.password = '';
  return { ok: true, url: u.href.replace(/\/+$/, ''), username, password };
}

/** Why `name` is not a valid project (database) name, as a problem, or null. */
export function checkProjectName(name: string): Problem | null {
  if (name.length === 0) return problem('teamForm.noProject');
  if (name.length > 200) return problem('teamForm.projectTooLong', { max: 200 });
  if (!/^[a-z][a-z0-9_$()+-]*$/.test(name)) return problem('teamForm.badProject', { name });
  return null;
}

/** Why `name` cannot be a user of a project, as a problem, or null. */
export function checkUserName(name: string): Problem | null {
  if (name.length === 0) return problem('teamForm.noUser');
  if (name.length > 80) return problem('teamForm.userTooLong', { max: 80 });
  if (name.startsWith('_')) return problem('teamForm.userUnderscore');
  if (name.includes(':')) return problem('teamForm.userColon');
  if (/\s/u.test(name)) return problem('teamForm.userSpace');
  if (name.toLowerCase() === 'gold') return problem('teamForm.userGold');
  return null;
}

/** Parses a comma-separated role list; an error names the unknown role. */
export function parseRoles(
  text: string,
): { ok: true; roles: Role[] } | { ok: false; problem: Problem } {
  const parts = text
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  const bad = parts.find((r) => !(ROLES as readonly string[]).includes(r));
  if (bad)
    return {
      ok: false,
      problem: problem('teamForm.unknownRole', { role: bad, roles: ROLES.join(', ') }),
    };
  if (parts.length === 0)
    return { ok: false, problem: problem('teamForm.noRoles', { roles: ROLES.join(', ') }) };
  return { ok: true, roles: [...new Set(parts)] as Role[] };
}
