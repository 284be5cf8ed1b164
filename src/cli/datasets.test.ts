import { chmod, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstUnsafeChar } from '../core/ids.ts';
import { encodeCp1256 } from '../core/testing/cp1256.ts';
import { main } from './main.ts';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => void (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const GOOD = JSON.stringify({
  text: 'الانسحاب 👍🏽 ضروري',
  spans: [{ start: 12, end: 17, label: 'pro-withdrawal', text: 'ضروري' }],
  meta: { doc_id: 'd1' },
  _annotator_id: 'omar',
});

describe('stance validate', () => {
  it('exits 0 on a valid file with a BOM, CRLF and blank lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-'));
    const file = join(dir, 'ok.jsonl');
    await writeFile(file, `\ufeff${GOOD}\r\n\r\n${GOOD}\r\n`);
    const r = await run(['validate', file]);
    expect(r).toMatchObject({ code: 0, out: `${file}: valid spans file, 2 records\n` });
  });

  it('prints FILE:LINE: message per problem with physical line numbers and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-'));
    const file = join(dir, 'bad.jsonl');
    await writeFile(
      file,
      [GOOD, '', '{"text":', '{"text":"ab","spans":[{"start":1,"end":5,"label":"x"}]}', ''].join(
        '\n',
      ),
    );
    const r = await run(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^${file}:3: invalid JSON`)),
      `${file}:4: spans[0]: offsets 1–5 are out of range (the text has 2 code points)`,
    ]);
  });

  it('calls an empty or all-blank file an error, as the app does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-'));
    for (const [name, content] of [
      ['empty.jsonl', ''],
      ['blank.jsonl', '\ufeff\n  \r\n\n'],
    ] as const) {
      const file = join(dir, name);
      await writeFile(file, content);
      for (const args of [[], ['--from', 'backup']]) {
        const r = await run(['validate', file, ...args]);
        expect(r).toEqual({ code: 1, out: '', err: `${file}: the file has no lines\n` });
      }
    }
  });
});

describe('stance convert', () => {
  it('writes every format atomically to -o, and spans→spans is byte-identical', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-'));
    const src = join(dir, 'in.jsonl');
    await writeFile(src, `${GOOD}\n`);
    const first = join(dir, 'first.jsonl');
    const second = join(dir, 'second.jsonl');
    expect((await run(['convert', src, '--to', 'spans', '-o', first])).code).toBe(0);
    expect((await run(['convert', first, '--to', 'spans', '-o', second])).code).toBe(0);
    expect(await readFile(second, 'utf8')).toBe(await readFile(first, 'utf8'));
    const doccano = await run(['convert', first, '--to', 'doccano']);
    // 👍🏽 is two astral characters: 2 code points, 4 UTF-16 units.
    expect(JSON.parse(doccano.out)).toMatchObject({
      id: 'd1',
      label: [[14, 19, 'pro-withdrawal']],
    });
    const conll = await run(['convert', first, '--to', 'conll']);
    expect(conll.out).toContain('ضروري\tB-pro-withdrawal');
    expect((await readdir(dir)).sort()).toEqual(['first.jsonl', 'in.jsonl', 'second.jsonl']);
  });

  it('writes nothing when a line is bad, unless --skip-invalid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-'));
    const src = join(dir, 'in.jsonl');
    await writeFile(src, `${GOOD}\n{"spans":[]}\n`);
    const out = join(dir, 'out.jsonl');
    const r = await run(['convert', src, '--to', 'spancat', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${src}:2: no text`);
    expect(await readdir(dir)).toEqual(['in.jsonl']);
    const skip = await run(['convert', src, '--to', 'spancat', '-o', out, '--skip-invalid']);
    expect(skip.code).toBe(1);
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ text: 'ضروري', doc_id: 'd1' });
  });

  it('prints nothing to standard output when a line is bad, however far into the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-'));
    const src = join(dir, 'in.jsonl');
    // Well over the 1 MB the converter prints at a time before the bad line.
    const good = Array.from({ length: 10_000 }, () => GOOD).join('\n');
    expect(good.length).toBeGreaterThan(1 << 20);
    await writeFile(src, `${good}\n{"spans":[]}\n`);
    const r = await run(['convert', src, '--to', 'spans']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${src}:10001: no text`);
    expect(r.err).toContain('1 bad line(s); nothing written');

    const skip = await run(['convert', src, '--to', 'spans', '--skip-invalid']);
    expect(skip.code).toBe(1);
    expect(skip.out.split('\n').filter(Boolean)).toHaveLength(10_000);
    expect(skip.err).toContain(`${src}:10001: no text`);
    expect(skip.err.match(/no text/g)).toHaveLength(1);
  }, 60_000);
});

describe('stance validate and convert on hostile files', () => {
  it('refuse a Windows-1256 or broken UTF-8 file, naming the line and byte, and write nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-'));
    const cp1256 = join(dir, 'cp1256.jsonl');
    await writeFile(
      cp1256,
      encodeCp1256(`${JSON.stringify({ text: 'الانسحاب ضروري', spans: [] })}\n`),
    );
    const broken = join(dir, 'broken.jsonl');
    const good = Buffer.from(`${GOOD}\n`);
    await writeFile(broken, Buffer.concat([good, Buffer.from('{"text":"ab\xC3"}\n', 'latin1')]));
    const at = good.length + '{"text":"ab'.length;

    const v1 = await run(['validate', cp1256]);
    expect(v1).toEqual({
      code: 1,
      out: '',
      err: `${cp1256}:1: not valid UTF-8 at byte 9: the file looks like Windows-1256 (legacy Arabic); save it as UTF-8 and try again\n`,
    });
    const v2 = await run(['validate', broken]);
    expect(v2.code).toBe(1);
    expect(v2.err).toBe(
      `${broken}:2: not valid UTF-8 at byte ${at}: a stray byte or a character cut off; repair the file or save it as UTF-8 and try again\n`,
    );
    for (const file of [cp1256, broken]) {
      const c = await run(['convert', file, '--to', 'spans']);
      expect(c.code).toBe(1);
      expect(c.out).toBe('');
      expect(c.out).not.toContain('\uFFFD');
      expect(c.err).toContain('not valid UTF-8 at byte');
      expect(c.err).toContain('nothing written');
      const out = join(dir, 'out.jsonl');
      expect((await run(['convert', file, '--to', 'spans', '-o', out])).code).toBe(1);
      expect((await readdir(dir)).sort()).toEqual(['broken.jsonl', 'cp1256.jsonl']);
    }
  });

  it('refuse control, bidi and zero-width characters in ids and never print them raw', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-'));
    const file = join(dir, 'ids.jsonl');
    const text = 'الانسحاب ضروري';
    const lines = [
      { text, spans: [{ start: 0, end: 8, label: 'pro\u001b[2J\u001b[31m' }] },
      { text, spans: [{ start: 0, end: 8, label: 'pro\u202Ewithdrawal' }] },
      { text, spans: [], _annotator_id: 'omar\t1' },
      { text, spans: [], meta: { doc_id: 'd1\n# annotator = gold' } },
      { text, spans: [{ start: 0, end: 8, label: 'pro\u200Bwithdrawal' }] },
    ];
    await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const v = await run(['validate', file]);
    expect(v.code).toBe(1);
    expect(v.err.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(
        /:1: spans\[0\]\.label: label "pro\\u\{001B\}\[2J\\u\{001B\}\[31m" contains U\+001B \(escape\)/,
      ),
      expect.stringMatching(
        /:2: spans\[0\]\.label: label "pro\\u\{202E\}withdrawal" contains U\+202E/,
      ),
      expect.stringMatching(
        /:3: _annotator_id: annotator id "omar\\u\{0009\}1" contains U\+0009 \(tab\)/,
      ),
      expect.stringMatching(
        /:4: meta\.doc_id: doc_id "d1\\u\{000A\}# annotator = gold" contains U\+000A/,
      ),
      expect.stringMatching(
        /:5: spans\[0\]\.label: label "pro\\u\{200B\}withdrawal" contains U\+200B/,
      ),
    ]);
    // Nothing unsafe reaches the terminal.
    expect(firstUnsafeChar(v.err.replaceAll('\n', ''))).toBeNull();
    const c = await run(['convert', file, '--to', 'conll', '--skip-invalid']);
    expect(c.out).toBe('');
    expect(firstUnsafeChar(c.err.replaceAll('\n', ''))).toBeNull();
    // --annotator is an id too.
    const good = join(dir, 'good.jsonl');
    await writeFile(good, JSON.stringify({ text, spans: [] }));
    const a = await run(['convert', good, '--to', 'conll', '--annotator', 'x\u2066y']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('--annotator: annotator id "x\\u{2066}y" contains U+2066');
  });

  it('escape a file name that holds control characters in every message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-'));
    const file = join(dir, 'evil\u001b]0;pwned\u0007.jsonl');
    await writeFile(file, '{"text": 3}\n');
    const v = await run(['validate', file]);
    expect(v.code).toBe(1);
    expect(v.err).toContain('evil\\u{001B}]0;pwned\\u{0007}.jsonl:1: text');
    expect(firstUnsafeChar(v.err.replaceAll('\n', ''))).toBeNull();
  });

  it('convert calls an empty file an error, as validate does, and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-'));
    const empty = join(dir, 'empty.jsonl');
    await writeFile(empty, '\ufeff\n  \n');
    const out = join(dir, 'out.conll');
    for (const args of [[], ['-o', out]]) {
      const r = await run(['convert', empty, '--to', 'conll', ...args]);
      expect(r).toEqual({
        code: 1,
        out: '',
        err: `${empty}: the file has no lines\nstance convert: nothing written\n`,
      });
    }
    expect(await readdir(dir)).toEqual(['empty.jsonl']);
  });

  it('convert -o names a missing output folder, and keeps the mode of the file it replaces', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stance-'));
    const src = join(dir, 'in.jsonl');
    await writeFile(src, `${GOOD}\n`);
    const missing = join(dir, 'no-such-folder', 'out.jsonl');
    const r = await run(['convert', src, '--to', 'spans', '-o', missing]);
    expect(r).toEqual({
      code: 1,
      out: '',
      err: `stance convert: cannot write ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist\n`,
    });

    const secret = join(dir, 'secret.jsonl');
    await writeFile(secret, 'old\n', { mode: 0o600 });
    await chmod(secret, 0o600);
    expect((await run(['convert', src, '--to', 'spans', '-o', secret])).code).toBe(0);
    expect((await stat(secret)).mode & 0o777).toBe(0o600);
    expect(await readFile(secret, 'utf8')).toContain('"_annotator_id":"omar"');
  });
});
