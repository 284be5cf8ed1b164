// `stance team init` and `add-user` against a real CouchDB-protocol server
// (pouchdb-server on 127.0.0.1), then the roles the server enforces with
// the installed design document and _security object, for direct writes
// and for replication-style writes (new_edits=false).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../../tests/support/couch-server.ts';
import { main } from './main.ts';
import { makeTeamCommand } from './team.ts';

let server: CouchServer;

beforeAll(async () => {
  server = await startCouchServer();
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s) };
  const full = {
    STANCE_COUCH_USER: server.admin.name,
    STANCE_COUCH_PASSWORD: server.admin.password,
    ...env,
  };
  const code = await makeTeamCommand(full).run(args, io);
  return { code, out, err };
}

/** A request as `user` with Basic auth. */
function as(user: string, password: string, method: string, path: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('stance team', () => {
  it('init creates the database, security and design document, and is idempotent', async () => {
    const first = await cli(['init', server.url, '--db', 'stance-test']);
    expect(first).toEqual({
      code: 0,
      out: 'created database stance-test\nsecurity: members need one of the roles analyst, adjudicator, lead\ndesign document: installed\n',
      err: '',
    });
    const again = await cli(['init', server.url, '--db', 'stance-test']);
    expect(again.out).toBe(
      'database stance-test exists\nsecurity: unchanged\ndesign document: unchanged\n',
    );
    const sec = await (await server.adminFetch('/stance-test/_security')).json();
    expect(sec).toEqual({
      admins: { names: [], roles: [] },
      members: { names: [], roles: ['analyst', 'adjudicator', 'lead'] },
    });
  });

  it('add-user creates users with roles, then changes only what differs', async () => {
    const pw = { STANCE_USER_PASSWORD: 'pw-omar' };
    expect(
      (await cli(['add-user', server.url, '--name', 'omar', '--roles', 'analyst'], pw)).out,
    ).toBe('created user omar (analyst)\n');
    expect((await cli(['add-user', server.url, '--name', 'omar', '--roles', 'analyst'])).out).toBe(
      'user omar unchanged (analyst)\n',
    );
    const sara = { SARA_PW: 'pw-sara' };
    await cli(
      ['add-user', server.url, '--name', 'sara', '--roles', 'analyst', '--password-env', 'SARA_PW'],
      sara,
    );
    expect(
      (await cli(['add-user', server.url, '--name', 'sara', '--roles', 'analyst,adjudicator'])).out,
    ).toBe('updated user sara: roles analyst, adjudicator\n');
    await cli(['add-user', server.url, '--name', 'lina', '--roles', 'lead'], {
      STANCE_USER_PASSWORD: 'pw-lina',
    });
    const session = await fetch(`${server.url}/_session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'sara', password: 'pw-sara' }),
    });
    expect(await session.json()).toMatchObject({
      ok: true,
      name: 'sara',
      roles: ['analyst', 'adjudicator'],
    });
  });

  it('refuses bad arguments with a message naming what failed', async () => {
    const plain = await cli(['init', 'http://couch.example.org', '--db', 'x']);
    expect(plain.code).toBe(2);
    expect(plain.err).toMatch(/Plain http:\/\/ is refused for couch\.example\.org/);
    expect((await cli(['init', server.url, '--db', 'Bad Name'])).err).toMatch(
      /not a valid project name/,
    );
    expect((await cli(['add-user', server.url, '--name', 'x', '--roles', 'boss'])).err).toMatch(
      /Unknown role “boss”/,
    );
    const noPw = await cli(['add-user', server.url, '--name', 'newbie', '--roles', 'analyst']);
    expect(noPw).toMatchObject({
      code: 1,
      err: 'stance team add-user: user newbie does not exist yet: give a password (see --help)\n',
    });
    const wrongAdmin = await cli(['init', server.url, '--db', 'y'], {
      STANCE_COUCH_PASSWORD: 'wrong',
    });
    expect(wrongAdmin.code).toBe(1);
    expect(wrongAdmin.err).toMatch(
      /^stance team init: GET \/y: 401 .*the admin name or password was refused/,
    );
  });

  it('is listed by stance --help', async () => {
    let out = '';
    await main(['--help'], { stdout: (s) => void (out += s), stderr: () => undefined });
    expect(out).toMatch(/team\s+set up a team project on a CouchDB server/);
  });
});

describe('roles enforced by the server', () => {
  const db = '/stance-test';
  const spanOf = (user: string, id = 's1') => ({
    _id: `span:${user}:${id}`,
    spanId: id,
    annotatorId: user,
    docId: 'd1',
    label: 'pro-withdrawal',
    start: 0,
    end: 4,
    quote: 'نص ا',
    holder: null,
    note: null,
    createdAt: 1,
    updatedAt: 1,
  });

  it('lets an analyst write their own spans and nobody else’s', async () => {
    const own = await as('omar', 'pw-omar', 'PUT', `${db}/span:omar:s1`, spanOf('omar'));
    expect(own.status).toBe(201);
    const other = await as('omar', 'pw-omar', 'PUT', `${db}/span:sara:s1`, spanOf('sara'));
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({
      error: 'forbidden',
      reason: 'span:sara:s1: only sara may change their spans; you are omar.',
    });
  });

  it('refuses a replicated revision of someone else’s document too', async () => {
    const res = await as('omar', 'pw-omar', 'POST', `${db}/_bulk_docs`, {
      new_edits: false,
      docs: [
        { ...spanOf('sara', 's9'), _rev: '1-abc' },
        { ...spanOf('omar', 's9'), _rev: '1-abc' },
      ],
    });
    const results = (await res.json()) as { id: string; error?: string }[];
    expect(results.find((r) => r.id === 'span:sara:s9')).toMatchObject({ error: 'forbidden' });
    expect(results.find((r) => r.id === 'span:omar:s9')?.error).toBeUndefined();
    expect((await server.adminFetch(`${db}/span:sara:s9`)).status).toBe(404);
    expect((await server.adminFetch(`${db}/span:omar:s9`)).status).toBe(200);
  });

  it('stores a replicated update (the harness fixes pouchdb-validation, which dropped it)', async () => {
    const first = {
      ...spanOf('omar', 'r1'),
      _rev: '1-aaaa',
      _revisions: { start: 1, ids: ['aaaa'] },
    };
    const second = {
      ...spanOf('omar', 'r1'),
      label: 'pro-coalition',
      _rev: '2-bbbb',
      _revisions: { start: 2, ids: ['bbbb', 'aaaa'] },
    };
    for (const doc of [first, second])
      await as('omar', 'pw-omar', 'POST', `${db}/_bulk_docs`, { new_edits: false, docs: [doc] });
    const got = (await (await server.adminFetch(`${db}/span:omar:r1`)).json()) as {
      _rev: string;
      label: string;
    };
    expect(got).toMatchObject({ _rev: '2-bbbb', label: 'pro-coalition' });
  });

  it('lets only adjudicators write gold and only leads write settings', async () => {
    const gold = (by: string) => ({
      _id: 'gold:d1',
      docId: 'd1',
      spans: [],
      rejected: [],
      status: 'in-progress',
      updatedBy: by,
      updatedAt: 1,
    });
    expect((await as('omar', 'pw-omar', 'PUT', `${db}/gold:d1`, gold('omar'))).status).toBe(403);
    expect((await as('sara', 'pw-sara', 'PUT', `${db}/gold:d1`, gold('sara'))).status).toBe(201);
    const settings = (by: string) => ({
      _id: 'project:settings',
      blind: true,
      updatedBy: by,
      updatedAt: 1,
    });
    expect(
      (await as('sara', 'pw-sara', 'PUT', `${db}/project:settings`, settings('sara'))).status,
    ).toBe(403);
    expect(
      (await as('lina', 'pw-lina', 'PUT', `${db}/project:settings`, settings('lina'))).status,
    ).toBe(201);
  });

  it('lets nobody without a project role read, and nobody but admins change security', async () => {
    await cli(['add-user', server.url, '--name', 'eve', '--roles', 'analyst'], {
      STANCE_USER_PASSWORD: 'pw-eve',
    });
    // Take eve's role away again: a user with no project role.
    const doc = (await (await server.adminFetch('/_users/org.couchdb.user:eve')).json()) as object;
    await server.adminFetch('/_users/org.couchdb.user:eve', {
      method: 'PUT',
      body: JSON.stringify({ ...doc, roles: [] }),
    });
    expect((await as('eve', 'pw-eve', 'GET', `${db}/span:omar:s1`)).status).toBe(401);
    expect((await fetch(`${server.url}${db}/_all_docs`)).status).toBe(401);
    expect((await as('lina', 'pw-lina', 'PUT', `${db}/_security`, { members: {} })).status).toBe(
      401,
    );
    expect((await as('lina', 'pw-lina', 'GET', `${db}/span:omar:s1`)).status).toBe(200);
  });
});
