import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
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
  });
});
