// `stance prepare` through main() with captured output, on the seeds, a
// Windows-1256 file, an HTML page and bad files.
import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatMb, MAX_ARTICLE_BYTES, MAX_HTML_DEPTH } from '../core/limits.ts';
import { cpSlice } from '../core/offsets.ts';
import { main } from './main.ts';

async function stance(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => void (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

interface Line {
  text: string;
  tokens: { text: string; start: number; end: number; id: number }[];
  meta: Record<string, unknown> & { removed: { rule: string; line: number }[] };
}

const seeds = [
  'resources/corpus/000_1657261326c80e5f.txt',
  'resources/corpus/001_29400f97fdbec8ff.txt',
  'resources/corpus/002_11f411e90ec78642.txt',
  'resources/corpus/003_fa21b2dda6de4db5.txt',
  'resources/corpus/004_8671c16eaac51af9.txt',
];

describe('stance prepare', () => {
  it(
    'writes one JSON line per seed with code-point tokens, id and metadata',
    { timeout: 60_000 },
    async () => {
      const { code, out, err } = await stance('prepare', ...seeds);
      expect([code, err]).toEqual([0, '']);
      const lines = out
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Line);
      expect(lines).toHaveLength(5);
      for (const l of lines) {
        expect(l.meta.doc_id).toBe(createHash('sha256').update(l.text, 'utf8').digest('hex'));
        for (const t of l.tokens) expect(cpSlice(l.text, t.start, t.end)).toBe(t.text);
        expect(l.tokens.map((t) => t.id)).toEqual(l.tokens.map((_, i) => i));
      }
      // 000 names no title and no date: none is invented.
      expect(lines[0]!.meta).toMatchObject({ title: null, date: null });
      expect(lines[3]!.meta).toMatchObject({
        title:
          'ضمن إطار الجولة الرابعة من الحوار الستراتيجي.. قمة مرتقبة بين بايدن والكاظمي في واشنطن',
        date: '2021-07-26',
        author: 'شيرين أحمد كيلو',
        source: 'رووداو',
        file: seeds[3],
      });
      expect(lines[2]!.meta.removed.map((r) => r.rule)).toEqual([
        'ticker',
        'page-chrome',
        'page-chrome',
        'published-line',
        'source-link',
      ]);
      expect(lines[2]!.text).not.toContain('انقر هنا');
    },
  );

  it('reports bad files on stderr, still writes the good ones, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stance-prepare-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'data.jsonl'), '{"text": "x"}\n');
    writeFileSync(join(dir, 'scan.txt'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(
      join(dir, 'page.html'),
      `<html><head><meta property="og:title" content="عنوان الصفحة"></head><body><article><p>${'قال الوزير إن الحوار مستمر بين البلدين. '.repeat(8)}</p></article></body></html>`,
    );
    const { code, out, err } = await stance(
      'prepare',
      join(dir, 'empty.txt'),
      'e2e/fixtures/parliament-windows-1256.txt',
      join(dir, 'scan.txt'),
      join(dir, 'page.html'),
      join(dir, 'missing.txt'),
      join(dir, 'data.jsonl'),
    );
    expect(code).toBe(1);
    expect(err.trimEnd().split('\n')).toEqual([
      `${join(dir, 'empty.txt')}: the file is empty`,
      `${join(dir, 'scan.txt')}: the file is binary, not text`,
      `${join(dir, 'missing.txt')}: no such file`,
      `${join(dir, 'data.jsonl')}: is a dataset; stance prepare reads articles (.txt, .html)`,
    ]);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    expect(lines.map((l) => l.meta.title)).toEqual([
      'البرلمان العراقي يناقش قانون الانتخابات الجديد',
      'عنوان الصفحة',
    ]);
    expect(lines[0]!.meta.date).toBe('2021-07-29');
  });

  it('keeps the raw text with --raw, and documents itself', async () => {
    const { out } = await stance('prepare', '--raw', seeds[4]!);
    const line = JSON.parse(out) as Line;
    expect(line.text).toContain('\u00a0');
    expect(line.meta.removed).toEqual([]);
    const help = await stance('prepare', '--help');
    expect(help.out).toMatch(/usage: stance prepare \[--raw\] \[--time-limit SECONDS\] FILE/);
    expect((await stance('--help')).out).toMatch(/prepare +clean articles/);
    expect((await stance('prepare')).code).toBe(2);
  });
});

describe('stance prepare under hostile files', () => {
  const P = 'قال رئيس الوزراء العراقي إن بلاده لم تعد بحاجة إلى قوات قتالية أميركية. ';
  const article = `<article><h1>عنوان</h1><p>${P.repeat(4)}</p><p>${P.repeat(3)}</p></article>`;

  it('refuses /dev/zero after the article limit instead of reading forever', async () => {
    const { code, out, err } = await stance('prepare', '/dev/zero');
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toBe(
      `/dev/zero: the file is more than ${formatMb(MAX_ARTICLE_BYTES)}; files over ${formatMb(MAX_ARTICLE_BYTES)} are not imported\n`,
    );
  }, 60_000);

  it('refuses a larger regular file by its size, before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stance-prepare-'));
    const big = join(dir, 'big.txt');
    // A sparse file: its size is over the limit, and reading it would take a while.
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_ARTICLE_BYTES + 1);
    closeSync(fd);
    const { code, err } = await stance('prepare', big);
    expect(code).toBe(1);
    expect(err).toBe(`${big}: the file is 20.0 MB; files over 20 MB are not imported\n`);
  });

  it('refuses a page nested deeper than the limit, naming it, and prepares the next file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stance-prepare-'));
    const deep = join(dir, 'deep.html');
    writeFileSync(
      deep,
      `<!doctype html><html><body>${'<div>'.repeat(2000)}${article}${'</div>'.repeat(2000)}</body></html>`,
    );
    const ok = join(dir, 'ok.html');
    writeFileSync(ok, `<!doctype html><html><body>${article}</body></html>`);
    const { code, out, err } = await stance('prepare', deep, ok);
    expect(code).toBe(1);
    expect(err).toBe(
      `${deep}: the page nests elements more than ${MAX_HTML_DEPTH} deep (the limit is ${MAX_HTML_DEPTH}); save the article as text and import that\n`,
    );
    expect(out.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('stops reading a page after --time-limit, and reads the next file in a new worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stance-prepare-'));
    // Within the depth and element limits, yet seconds of Readability's
    // work on any machine: 300 branches, each 120 <div>s deep (36,000
    // elements). The limit is 10 ms: a hundredfold margin either way.
    const branch = `${'<div>'.repeat(120)}<p>${P}</p>${'</div>'.repeat(120)}`;
    const slow = join(dir, 'slow.html');
    writeFileSync(slow, `<!doctype html><html><body>${branch.repeat(300)}</body></html>`);
    const r = await stance('prepare', '--time-limit', '0.01', slow);
    expect(r).toEqual({
      code: 1,
      out: '',
      err: `${slow}: reading the file took longer than 10 ms (the limit); save the article as text and import that\n`,
    });
    // The stopped worker is replaced: the next file is read as usual.
    const next = join(dir, 'next.txt');
    writeFileSync(next, P.repeat(3));
    const after = await stance('prepare', next);
    expect(after.code).toBe(0);
    expect((JSON.parse(after.out) as { text: string }).text).toContain('قال رئيس الوزراء');
  }, 120_000);
});
