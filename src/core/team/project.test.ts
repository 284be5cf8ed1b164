// What an analyst types to reach a project: the server URL rule (plain
// http only to this machine), project and user names, roles; and the id scheme.
import { describe, expect, it } from 'vitest';
import { parseTeamDocId, spanDocId, statusDocId } from './ids.ts';
import { problemText, type Problem } from '../problems/problem.ts';
import { checkProjectName, checkServerUrl, checkUserName, parseRoles } from './project.ts';

describe('checkServerUrl', () => {
  it('accepts https anywhere and http only to this machine', () => {
    expect(checkServerUrl('https://couch.example.org/')).toEqual({
      ok: true,
      url: 'https://couch.example.org',
      username: '',
      password: '',
    });
    for (const local of ['http://localhost:5984', 'http://127.0.0.1:5984/', 'http://[::1]:5984'])
      expect(checkServerUrl(local).ok, local).toBe(true);
    const plain = checkServerUrl('http://couch.example.org');
    expect(plain.ok).toBe(false);
    expect(!plain.ok && problemText(plain.problem)).toMatch(
      /Plain http:\/\/ is refused for couch\.example\.org/,
    );
    // A look-alike host is not this machine.
    expect(checkServerUrl('http://127.0.0.1.evil.example').ok).toBe(false);
    expect(checkServerUrl('http://localhost.evil.example').ok).toBe(false);
  });

  it('refuses other schemes, queries and credentials in the URL (except for the CLI)', () => {
    const code = (raw: string): string | false => {
      const r = checkServerUrl(raw);
      return !r.ok && r.problem.code;
    };
    expect(code('ftp://x.org')).toBe('teamForm.protocol');
    expect(code('not a url')).toBe('teamForm.notUrl');
    expect(code('https://x.org/?a=1')).toBe('teamForm.queryOrFragment');
    expect(code('https://admin:p%40ss@x.org/couch/')).toBe('teamForm.credentialsInUrl');
    expect(checkServerUrl('https://admin:p%40ss@x.org/couch/', true)).toEqual({
      ok: true,
      url: 'https://x.org/couch',
      username: 'admin',
      password: 'p@ss',
    });
  });
});

describe('names and roles', () => {
  it('checks project names as CouchDB database names', () => {
    expect(checkProjectName('stance-2026')).toBeNull();
    expect(checkProjectName('')).toEqual({ code: 'teamForm.noProject' });
    expect(checkProjectName('Stance')).toEqual({
      code: 'teamForm.badProject',
      values: { name: 'Stance' },
    });
    expect(checkProjectName('a'.repeat(201))).toEqual({
      code: 'teamForm.projectTooLong',
      values: { max: 200 },
    });
    expect(problemText(checkProjectName('a/b')!)).toMatch(/not a valid project name/);
  });

  it('checks user names', () => {
    expect(checkUserName('ليلى-حسن')).toBeNull();
    const code = (name: string): string | undefined => checkUserName(name)?.code;
    expect(code('')).toBe('teamForm.noUser');
    expect(code('x'.repeat(81))).toBe('teamForm.userTooLong');
    expect(code('_admin')).toBe('teamForm.userUnderscore');
    expect(code('a:b')).toBe('teamForm.userColon');
    expect(code('two words')).toBe('teamForm.userSpace');
    expect(problemText(checkUserName('Gold') as Problem)).toMatch(/reserved/);
  });

  it('parses role lists and names an unknown role', () => {
    expect(parseRoles('analyst, adjudicator,analyst')).toEqual({
      ok: true,
      roles: ['analyst', 'adjudicator'],
    });
    expect(parseRoles('analyst,admin')).toEqual({
      ok: false,
      problem: {
        code: 'teamForm.unknownRole',
        values: { role: 'admin', roles: 'analyst, adjudicator, lead' },
      },
    });
    const none = parseRoles('');
    expect(!none.ok && problemText(none.problem)).toBe(
      'Give at least one role: analyst, adjudicator, lead.',
    );
  });
});

describe('parseTeamDocId', () => {
  it('reads back every kind of id, users with colons included', () => {
    expect(parseTeamDocId(spanDocId('a:b', 'uuid-1'))).toEqual({
      kind: 'span',
      user: 'a:b',
      spanId: 'uuid-1',
    });
    expect(parseTeamDocId(statusDocId('omar', 'd1'))).toEqual({
      kind: 'status',
      user: 'omar',
      docId: 'd1',
    });
    expect(parseTeamDocId('gold:d1')).toEqual({ kind: 'gold', docId: 'd1' });
    expect(parseTeamDocId('project:labels')).toEqual({ kind: 'labels' });
    expect(parseTeamDocId('annotator:omar')).toEqual({ kind: 'annotator', user: 'omar' });
    for (const bad of ['_design/stance', 'span:omar', 'gold:a:b', 'x:y', 'span::1', 'article:'])
      expect(parseTeamDocId(bad), bad).toBeNull();
  });
});
