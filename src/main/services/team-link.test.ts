// The desktop link to a team server, against a real pouchdb-server: the
// password is checked with the server, kept only encrypted (a stand-in for
// safeStorage), or only in memory where the system cannot encrypt; requests
// go to the signed-in server only, with the credentials added here.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../../../tests/support/couch-server.ts';
import { teamAddUser, teamInit } from '../../cli/team.ts';
import { TeamLink, type SecretBox } from './team-link.ts';

let server: CouchServer;
let dir: string;

beforeAll(async () => {
  server = await startCouchServer();
  const admin = { url: server.url, username: server.admin.name, password: server.admin.password };
  await teamInit(admin, 'proj');
  await teamAddUser(admin, 'omar', ['analyst'], 'pw-omar');
  dir = await mkdtemp(join(tmpdir(), 'team-link-'));
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** An encryption stand-in: reversible, and never the plain text. */
function box(available = true, backend = 'gnome_libsecret'): SecretBox {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (s) => Buffer.from(`enc:${[...s].reverse().join('')}`),
    decryptString: (b) => [...b.toString().slice(4)].reverse().join(''),
  };
}

describe('TeamLink', () => {
  it('refuses a wrong password and keeps nothing', async () => {
    const file = join(dir, 'wrong.json');
    const link = new TeamLink(file, box());
    const r = await link.signIn(server.url, 'omar', 'nope');
    expect(r).toMatchObject({ ok: false, status: 401 });
    await expect(stat(file)).rejects.toThrow();
  });

  it('keeps the credentials encrypted, sends them with requests, and finds them after a restart', async () => {
    const file = join(dir, 'creds.json');
    const link = new TeamLink(file, box());
    expect(await link.signIn(`${server.url}/`, 'omar', 'pw-omar')).toEqual({
      ok: true,
      session: { name: 'omar', roles: ['analyst'] },
    });
    const saved = await readFile(file, 'utf8');
    expect(saved).not.toContain('pw-omar');
    expect(JSON.parse(saved)).toMatchObject({ server: server.url, user: 'omar' });

    const res = await link.request({ url: `${server.url}/proj`, method: 'GET', headers: {} });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ db_name: 'proj' });

    const again = new TeamLink(file, box());
    expect(await again.sessionFor(server.url)).toEqual({
      ok: true,
      session: { name: 'omar', roles: ['analyst'] },
    });
    await again.signOut();
    await expect(stat(file)).rejects.toThrow();
    expect(
      (await again.request({ url: `${server.url}/proj`, method: 'GET', headers: {} })).status,
    ).toBe(401);
  });

  it('sends nothing anywhere but the signed-in server', async () => {
    const link = new TeamLink(join(dir, 'other.json'), box());
    await link.signIn(server.url, 'omar', 'pw-omar');
    await expect(
      link.request({ url: 'http://127.0.0.1:1/proj', method: 'GET', headers: {} }),
    ).rejects.toThrow(/is not the project's server/);
    await expect(
      link.request({ url: `http://x:y@${server.url.slice(7)}/proj`, method: 'GET', headers: {} }),
    ).rejects.toThrow(/is not the project's server/);
    await expect(link.signIn('http://couch.example.org', 'omar', 'pw-omar')).resolves.toMatchObject(
      { ok: false, status: 0, reason: expect.stringMatching(/Plain http/) },
    );
  });

  it('keeps credentials in memory only where the system cannot encrypt', async () => {
    for (const b of [box(false), box(true, 'basic_text')]) {
      const file = join(dir, 'plain.json');
      const link = new TeamLink(file, b);
      expect(link.canPersist()).toBe(false);
      expect((await link.signIn(server.url, 'omar', 'pw-omar')).ok).toBe(true);
      await expect(stat(file)).rejects.toThrow();
      expect(
        (await link.request({ url: `${server.url}/proj`, method: 'GET', headers: {} })).status,
      ).toBe(200);
    }
  });

  it('names an unreachable server', async () => {
    const link = new TeamLink(join(dir, 'gone.json'), box());
    const r = await link.signIn('http://127.0.0.1:1', 'omar', 'pw-omar');
    expect(r).toMatchObject({
      ok: false,
      status: 0,
      reason: expect.stringMatching(/^unreachable/),
    });
  });
});
