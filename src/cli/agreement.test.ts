// `stance agreement` end to end on spans JSONL files in a temporary folder.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
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
    const json = JSON.parse(r.out) as Record<string, unknown>;
    // The exact key shape and every figure: alpha by hand is
    // 1 − (n − 1)·o_01 / (n_0·n_1) = 1 − 17·2/(10·8) = 0.575 (docs/agreement.md);
    // no span is shared exactly (F1 0), each overlaps the other (F1 1).
    const figures = {
      kappa: { 'A|B': expect.closeTo(24 / 42, 12) as number },
      alpha: expect.closeTo(0.575, 12) as number,
      f1_exact: { 'A|B': 0 },
      f1_overlap: { 'A|B': 1 },
    };
    // Units: the 7 + 2 tokens of the two documents both annotated, on the
    // workbench tokenizer (neither line brings tokens); 1 + 1 spans.
    const units = {
      documents: 2,
      tokens: 9,
      token_source: { dataset: 0, workbench: 2 },
    };
    expect(json).toStrictEqual({
      annotators: ['A', 'B'],
      documents: 2,
      labels: { 'pro-withdrawal': figures },
      macro: figures,
      units: { alpha: units, pairs: { 'A|B': units }, spans: { 'pro-withdrawal': { 'A|B': 2 } } },
      reliability: { 'pro-withdrawal': 'unreliable' },
    });
    expect(Object.keys(json)).toEqual([
      'annotators',
      'documents',
      'labels',
      'macro',
      'units',
      'reliability',
    ]);
    expect(Object.keys((json.labels as Record<string, object>)['pro-withdrawal']!)).toEqual([
      'kappa',
      'alpha',
      'f1_exact',
      'f1_overlap',
    ]);

    // docs/agreement.md shows this very run's output: it must stay true.
    const doc = await readFile(new URL('../../docs/agreement.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf("## The CLI's JSON"));
    const shown = section.slice(
      section.indexOf('```json') + 7,
      section.indexOf('```', 7 + section.indexOf('```json')),
    );
    expect(JSON.parse(shown)).toStrictEqual(json);

    const table = await run(['agreement', a, b]);
    expect(table.out).toContain('label pro-withdrawal');
    expect(table.out).toContain(`A|B ${' '.repeat(5)}`);
    expect(table.out).toContain((24 / 42).toFixed(3));
    expect(table.out).toContain('alpha (all annotators): 0.575');
    expect(table.out).toContain('overall (macro average over labels)');
  });

  it('refuses two lines that share a doc_id but not their text, naming both', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agree-'));
    // Two doccano projects both number their first document 1.
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    await writeFile(
      a,
      `${JSON.stringify({ id: 1, text: TEXT, label: [[17, 48, 'pro-withdrawal']] })}\n`,
    );
    await writeFile(
      b,
      `${JSON.stringify({ id: 2, text: 'نص ثان', label: [] })}\n${JSON.stringify({ id: 1, text: 'نص آخر', label: [[0, 2, 'pro-withdrawal']] })}\n`,
    );
    const r = await run(['agreement', a, b]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${b}:2: doc_id 1 has a different text than ${a}:1`);
    expect(r.err).toContain('nothing computed');

    // The same doc_id with the same text is one document.
    await writeFile(b, `${JSON.stringify({ id: 1, text: TEXT, label: [] })}\n`);
    const same = await run(['agreement', a, b, '--json']);
    expect(same.code).toBe(0);
    expect((JSON.parse(same.out) as { documents: number }).documents).toBe(1);
  });

  it('checks the tokens written in a line: inside the text, in order, not overlapping', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agree-'));
    const text = 'انسحاب القوات'; // 13 code points
    const cases: [string, unknown, string][] = [
      [
        'outside',
        [{ start: 7, end: 14 }],
        'tokens[0]: 7–14 is not a non-empty range inside the text (13 code points)',
      ],
      ['empty', [{ start: 3, end: 3 }], 'tokens[0]: 3–3 is not a non-empty range'],
      [
        'unordered',
        [
          { start: 7, end: 13 },
          { start: 0, end: 6 },
        ],
        'tokens[1]: 0–6 starts before tokens[0] (7–13) ends',
      ],
      [
        'overlapping',
        [
          { start: 0, end: 6 },
          { start: 5, end: 13 },
        ],
        'tokens[1]: 5–13 starts before tokens[0] (0–6) ends',
      ],
      ['not integers', [{ start: 0, end: '6' }], 'tokens[0]: start and end must be integers'],
      ['not a list', { start: 0, end: 6 }, 'tokens must be a list'],
    ];
    for (const [name, tokens, message] of cases) {
      const path = join(dir, `${name}.jsonl`);
      const good = JSON.stringify({ text, spans: [], _annotator_id: 'A' });
      await writeFile(
        path,
        `${good}\n${JSON.stringify({ text, spans: [], tokens, _annotator_id: 'B' })}\n`,
      );
      const r = await run(['agreement', path]);
      expect(r.code, name).toBe(1);
      expect(r.out, name).toBe('');
      expect(r.err, name).toContain(`${path}:2: ${message}`);
    }
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
