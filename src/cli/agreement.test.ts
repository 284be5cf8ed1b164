// `stance agreement` end to end on spans JSONL files in a temporary folder.
import { mkdtemp, writeFile } from 'node:fs/promises';
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

const TEXT = 'الحكومة العراقية تدعو إلى انسحاب القوات الأجنبية';
const line = (annotator: string, docId: string | null, text: string, spans: object[]): string =>
  JSON.stringify({ text, spans, meta: docId ? { doc_id: docId } : {}, _annotator_id: annotator });

describe('stance agreement', () => {
  it('groups lines by doc_id, else text, and prints the JSON figures', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agree-'));
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    // Tokens: الحكومة(0–7) العراقية(8–16) تدعو(17–21) إلى(22–25) انسحاب(26–32)
    // القوات(33–39) الأجنبية(40–48). A marks tokens 2–6, B tokens 4–6:
    // The second document (grouped by text, 2 tokens, no spans from either)
    // adds 2 negative/negative items: n11 = 3, n10 = 2, n01 = 0, n00 = 4 →
    // p_o = 7/9, p_e = (5/9)(3/9) + (4/9)(6/9) = 39/81,
    // κ = (63/81 − 39/81)/(42/81) = 24/42.
    await writeFile(
      a,
      [
        line('A', 'd1', TEXT, [{ start: 17, end: 48, label: 'pro-withdrawal' }]),
        line('A', null, 'نص آخر', []),
      ].join('\n'),
    );
    await writeFile(
      b,
      [
        line('B', 'd1', TEXT, [{ start: 26, end: 48, label: 'pro-withdrawal' }]),
        line('B', null, 'نص آخر', []),
      ].join('\n') + '\n',
    );
    const r = await run(['agreement', a, b, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      annotators: string[];
      documents: number;
      labels: Record<string, { kappa: Record<string, number>; f1_overlap: Record<string, number> }>;
    };
    expect(json.annotators).toEqual(['A', 'B']);
    expect(json.documents).toBe(2);
    expect(json.labels['pro-withdrawal']!.kappa['A|B']).toBeCloseTo(24 / 42, 12);
    expect(json.labels['pro-withdrawal']!.f1_overlap['A|B']).toBe(1);

    const table = await run(['agreement', a, b]);
    expect(table.out).toContain('label pro-withdrawal');
    expect(table.out).toContain(`A|B ${' '.repeat(5)}`);
    expect(table.out).toContain((24 / 42).toFixed(3));
  });

  it('uses the tokens written in a line, and the workbench tokenizer otherwise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agree-'));
    const text = 'انسحاب القوات';
    // Given tokens split the first word: [0,3) [3,6) [7,13). A marks 0–3, B 0–6:
    // A = 100, B = 110 → n11 1, n01 1, n00 1: p_o = 2/3,
    // p_e = (1/3)(2/3) + (2/3)(1/3) = 4/9, κ = (6/9 − 4/9)/(5/9) = 0.4.
    // The workbench tokenizer has [0,6) [7,13): A covers no whole token,
    // B covers the first → A is all negative and κ = 0.
    const tokens = [
      { text: 'انس', start: 0, end: 3, id: 0 },
      { text: 'حاب', start: 3, end: 6, id: 1 },
      { text: 'القوات', start: 7, end: 13, id: 2 },
    ];
    const write = async (name: string, withTokens: boolean, end: number): Promise<string> => {
      const path = join(dir, `${name}-${withTokens}.jsonl`);
      const l = { text, spans: [{ start: 0, end, label: 'pro-withdrawal' }], _annotator_id: name };
      await writeFile(path, JSON.stringify(withTokens ? { ...l, tokens } : l));
      return path;
    };
    const kappa = async (withTokens: boolean): Promise<number> => {
      const r = await run([
        'agreement',
        await write('A', withTokens, 3),
        await write('B', withTokens, 6),
        '--json',
      ]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.out) as { labels: Record<string, { kappa: Record<string, number> }> })
        .labels['pro-withdrawal']!.kappa['A|B']!;
    };
    expect(await kappa(true)).toBeCloseTo(0.4, 12);
    expect(await kappa(false)).toBe(0);
  });

  it('names the file and line of every bad line and computes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agree-'));
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, `${line('A', 'd', TEXT, [])}\n{"text": 3}\nnot json\n`);
    const r = await run(['agreement', bad]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${bad}:2: text`);
    expect(r.err).toContain(`${bad}:3: invalid JSON`);
  });
});
