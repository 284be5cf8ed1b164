/**
 * `stance team init URL --db NAME` and `stance team add-user URL --name N
 * --roles R`: set up a team project on a CouchDB server (the database, its
 * `_security` object and the validation design document from src/core/team)
 * and its users. Both are idempotent: run again, they change only what
 * differs and say what they did.
 */
import { z } from 'zod';
import {
  checkProjectName,
  checkServerUrl,
  checkUserName,
  designDocument,
  parseRoles,
  securityObject,
  type Role,
} from '../core/team/project.ts';
import { problemText } from '../core/problems/problem.ts';
import {
  CouchError,
  couchRequest,
  parseReply,
  replyError,
  type CouchAdmin,
} from './couch-admin.ts';
import type { CliCommand, CliIo } from './io.ts';
import { parseArgs } from './jsonl-file.ts';

const USAGE = `usage: stance team init URL --db NAME
       stance team add-user URL --name USER --roles ROLE[,ROLE...] [--password-env VAR]

Sets up a team project on a CouchDB server (docs/team.md). URL is the
server, e.g. https://couch.example.org; plain http:// is refused except to
localhost. The server admin's credentials come from the URL
(https://admin:pw@host) or from STANCE_COUCH_USER and STANCE_COUCH_PASSWORD.

  init       creates the database NAME if missing, sets its _security object
             (only users with a project role may read or write) and installs
             the design document with the validation function; run again, it
             updates what differs.
  add-user   creates the user USER with ROLES (analyst, adjudicator, lead),
             or updates the roles of an existing user. The password is read
             from the environment variable VAR (default STANCE_USER_PASSWORD);
             it is needed for a new user and changes an existing one's.
             USER must be the analyst's annotator id (their name with spaces
             as "-"), as the app checks when they connect.
`;

const security = z.object({
  admins: z
    .object({ names: z.array(z.string()), roles: z.array(z.string()) })
    .partial()
    .optional(),
  members: z
    .object({ names: z.array(z.string()), roles: z.array(z.string()) })
    .partial()
    .optional(),
});
const designDoc = z.looseObject({ _rev: z.string(), validate_doc_update: z.string().optional() });
const userDoc = z.looseObject({
  _rev: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
});

function adminFrom(url: string, env: NodeJS.ProcessEnv): CouchAdmin | string {
  const check = checkServerUrl(url, true);
  if (!check.ok) return problemText(check.problem);
  return {
    url: check.url,
    username: check.username || env.STANCE_COUCH_USER || '',
    password: check.password || env.STANCE_COUCH_PASSWORD || '',
  };
}

/** `team init`: returns the lines it reports. */
export async function teamInit(admin: CouchAdmin, db: string): Promise<string[]> {
  const out: string[] = [];
  const dbPath = `/${encodeURIComponent(db)}`;
  const info = await couchRequest(admin, 'GET', dbPath);
  if (info.status === 404) {
    const made = await couchRequest(admin, 'PUT', dbPath);
    // 412: created meanwhile by someone else, which is as good.
    if (made.status !== 201 && made.status !== 202 && made.status !== 412)
      throw replyError('PUT', dbPath, made.status, made.body);
    out.push(`created database ${db}`);
  } else if (info.status === 200) {
    out.push(`database ${db} exists`);
  } else throw replyError('GET', dbPath, info.status, info.body);

  const secPath = `${dbPath}/_security`;
  const sec = await couchRequest(admin, 'GET', secPath);
  if (sec.status !== 200) throw replyError('GET', secPath, sec.status, sec.body);
  const current = parseReply(security, 'GET', secPath, sec.body ?? {});
  const wanted = securityObject();
  // Names and roles someone added by hand are kept; ours are added.
  const next = {
    admins: {
      names: [...new Set(current.admins?.names ?? [])],
      roles: [...new Set(current.admins?.roles ?? [])],
    },
    members: {
      names: [...new Set(current.members?.names ?? [])],
      roles: [...new Set([...(current.members?.roles ?? []), ...wanted.members.roles])],
    },
  };
  const before = {
    admins: { names: current.admins?.names ?? [], roles: current.admins?.roles ?? [] },
    members: { names: current.members?.names ?? [], roles: current.members?.roles ?? [] },
  };
  if (JSON.stringify(next) !== JSON.stringify(before)) {
    const put = await couchRequest(admin, 'PUT', secPath, next);
    if (put.status !== 200) throw replyError('PUT', secPath, put.status, put.body);
    out.push(`security: members need one of the roles ${next.members.roles.join(', ')}`);
  } else out.push('security: unchanged');

  const ddoc = designDocument();
  const ddocPath = `${dbPath}/_design/stance`;
  const got = await couchRequest(admin, 'GET', ddocPath);
  if (got.status === 404) {
    const put = await couchRequest(admin, 'PUT', ddocPath, ddoc);
    if (put.status !== 201) throw replyError('PUT', ddocPath, put.status, put.body);
    out.push('design document: installed');
  } else if (got.status === 200) {
    const existing = parseReply(designDoc, 'GET', ddocPath, got.body);
    if (
      existing.validate_doc_update === ddoc.validate_doc_update &&
      JSON.stringify(existing.stance) === JSON.stringify(ddoc.stance)
    )
      out.push('design document: unchanged');
    else {
      const put = await couchRequest(admin, 'PUT', ddocPath, { ...ddoc, _rev: existing._rev });
      if (put.status !== 201) throw replyError('PUT', ddocPath, put.status, put.body);
      out.push('design document: updated');
    }
  } else throw replyError('GET', ddocPath, got.status, got.body);
  return out;
}

/** `team add-user`: returns the line it reports. */
export async function teamAddUser(
  admin: CouchAdmin,
  name: string,
  roles: Role[],
  password: string | undefined,
): Promise<string> {
  const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const got = await couchRequest(admin, 'GET', path);
  if (got.status === 404) {
    if (!password)
      throw new CouchError(0, `user ${name} does not exist yet: give a password (see --help)`);
    const doc = { _id: `org.couchdb.user:${name}`, name, type: 'user', roles, password };
    const put = await couchRequest(admin, 'PUT', path, doc);
    if (put.status !== 201 && put.status !== 202)
      throw replyError('PUT', path, put.status, put.body);
    return `created user ${name} (${roles.join(', ')})`;
  }
  if (got.status !== 200) throw replyError('GET', path, got.status, got.body);
  const existing = parseReply(userDoc, 'GET', path, got.body);
  const sameRoles =
    JSON.stringify([...existing.roles].sort()) === JSON.stringify([...roles].sort());
  if (sameRoles && !password) return `user ${name} unchanged (${roles.join(', ')})`;
  const doc: Record<string, unknown> = { ...(got.body as object), roles };
  if (password) {
    // A new password replaces the stored hash.
    for (const k of ['derived_key', 'salt', 'iterations', 'password_scheme', 'pbkdf2_prf'])
      delete doc[k];
    doc.password = password;
  }
  const put = await couchRequest(admin, 'PUT', path, doc);
  if (put.status !== 201 && put.status !== 202) throw replyError('PUT', path, put.status, put.body);
  const what = [sameRoles ? null : `roles ${roles.join(', ')}`, password ? 'password' : null];
  return `updated user ${name}: ${what.filter(Boolean).join(' and ')}`;
}

async function run(args: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const [sub, ...rest] = args;
  const fail = (msg: string): number => {
    io.stderr(`stance team: ${msg}\n\n${USAGE}`);
    return 2;
  };
  if (sub !== 'init' && sub !== 'add-user')
    return fail(sub ? `unknown subcommand '${sub}'` : 'give a subcommand');
  const { positional, options, error } = parseArgs(rest, [
    '--db',
    '--name',
    '--roles',
    '--password-env',
  ]);
  if (error) return fail(error);
  if (positional.length !== 1) return fail('give exactly one server URL');
  const admin = adminFrom(positional[0]!, env);
  if (typeof admin === 'string') return fail(admin);
  try {
    if (sub === 'init') {
      const db = options.get('--db') ?? '';
      const problem = checkProjectName(db);
      if (problem) return fail(problemText(problem));
      for (const line of await teamInit(admin, db)) io.stdout(`${line}\n`);
      return 0;
    }
    const name = options.get('--name') ?? '';
    const nameProblem = checkUserName(name);
    if (nameProblem) return fail(problemText(nameProblem));
    const roles = parseRoles(options.get('--roles') ?? '');
    if (!roles.ok) return fail(problemText(roles.problem));
    const password = env[options.get('--password-env') ?? 'STANCE_USER_PASSWORD'] || undefined;
    io.stdout(`${await teamAddUser(admin, name, roles.roles, password)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof CouchError) {
      io.stderr(`stance team ${sub}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

/** The command, reading the environment of this process. */
export function makeTeamCommand(env: NodeJS.ProcessEnv = process.env): CliCommand {
  return {
    name: 'team',
    summary: 'set up a team project on a CouchDB server (init, add-user)',
    usage: USAGE,
    run: (args, io) => run(args, io, env),
  };
}

export const teamCommand = makeTeamCommand();
