// `stance prepare` through main() with captured output, on the seeds, a
// Windows-1256 file, an HTML page and bad files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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
  it('writes one JSON line per seed with code-point tokens, id and metadata', async () => {
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
  });

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
    expect(help.out).toMatch(/usage: stance prepare \[--raw\] FILE/);
    expect((await stance('--help')).out).toMatch(/prepare +clean articles/);
    expect((await stance('prepare')).code).toBe(2);
  });
});
