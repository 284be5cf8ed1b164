/**
 * What a team project is on the server: its database name, the roles, the
 * `_security` object and the design document holding the validation
 * function; and the checks of what an analyst or the CLI types to reach it
 * (server URL, project name, user name). Shared by `stance team` and the app.
 */
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
  { ok: true; url: string; username: string; password: string } | { ok: false; reason: string };

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
    return { ok: false, reason: `“${raw}” is not a URL (for example https://couch.example.org).` };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { ok: false, reason: `${u.protocol} is not supported: use https://.` };
  if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname))
    return {
      ok: false,
      reason: `Plain http:// is refused for ${u.hostname}: passwords and labels would cross the network unencrypted. Use https://, or http:// only to localhost.`,
    };
  if (u.search || u.hash)
    return { ok: false, reason: 'The server URL may not carry a query (?) or a fragment (#).' };
  if ((u.username || u.password) && !allowCredentials)
    return {
      ok: false,
      reason: 'Put the user name and password in their own fields, not in the URL.',
    };
  let username: string;
  let password: string;
  try {
    username = decodeURIComponent(u.username);
    password = decodeURIComponent(u.password);
  } catch {
    return { ok: false, reason: 'The credentials in the URL are not valid percent-encoding.' };
  }
  u.username = '';
  u.password = '';
  return { ok: true, url: u.href.replace(/\/+$/, ''), username, password };
}

/** Why `name` is not a valid project (database) name, or null. */
export function checkProjectName(name: string): string | null {
  if (name.length === 0) return 'Enter the project name (the database on the server).';
  if (name.length > 200) return 'The project name is too long (200 characters at most).';
  if (!/^[a-z][a-z0-9_$()+-]*$/.test(name))
    return `“${name}” is not a valid project name: lower-case letters, digits and _ $ ( ) + -, starting with a letter.`;
  return null;
}

/** Why `name` cannot be a user of a project, or null. */
export function checkUserName(name: string): string | null {
  if (name.length === 0) return 'Enter the user name.';
  if (name.length > 80) return 'The user name is too long (80 characters at most).';
  if (name.startsWith('_')) return 'A user name may not start with “_”.';
  if (name.includes(':')) return 'A user name may not contain “:”.';
  if (/\s/u.test(name)) return 'A user name may not contain spaces (use “-”).';
  if (name.toLowerCase() === 'gold') return '“gold” is reserved for the adjudicated layer.';
  return null;
}

/** Parses a comma-separated role list; an error names the unknown role. */
export function parseRoles(
  text: string,
): { ok: true; roles: Role[] } | { ok: false; reason: string } {
  const parts = text
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  const bad = parts.find((r) => !(ROLES as readonly string[]).includes(r));
  if (bad)
    return { ok: false, reason: `Unknown role “${bad}”: the roles are ${ROLES.join(', ')}.` };
  if (parts.length === 0)
    return { ok: false, reason: `Give at least one role: ${ROLES.join(', ')}.` };
  return { ok: true, roles: [...new Set(parts)] as Role[] };
}
