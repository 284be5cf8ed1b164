// `stance suggest` end to end on files in a temporary folder: held-out
// figures worked out by hand, suggestion lanes that validate and carry
// scores, located errors and nothing written on bad input, and the real
// launcher spawned once.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '@core/formats/index.ts';
import { seedStanceLines } from '../../tests/fixtures/seed-stances.ts';
import { main } from './main.ts';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => void (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const PHRASE = 'لا حاجة لوجود القوات الأجنبية';
const cpAt = (t: string, p: string) => {
  const start = Array.from(t.slice(0, t.indexOf(p))).length;
  return { start, end: start + Array.from(p).length };
};
const T1 = `${PHRASE}. وصل الوفد.`;
const T2 = `وصل الوزير. ${PHRASE}.`;
const T3 = `${PHRASE} هنا. وصل الوفد.`;
const line = (text: string, spans: object[], extra: object = {}): string =>
  JSON.stringify({ text, spans, _annotator_id: 'omar', ...extra });
const LABELED = [
  line(T1, [{ ...cpAt(T1, PHRASE), label: 'pro-withdrawal', text: PHRASE }]),
  line(T2, [{ ...cpAt(T2, PHRASE), label: 'pro-withdrawal', text: PHRASE }]),
  line(T3, []),
].join('\n');

async function files(contents: Record<string, string>): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'suggest-'));
  const out: Record<string, string> = { dir };
  for (const [name, text] of Object.entries(contents)) {
    out[name] = join(dir, name);
    await writeFile(out[name]!, text);
  }
  return out;
}

describe('stance suggest --evaluate', () => {
  it('prints the leave-one-document-out figures worked out by hand, as JSON and as a table', async () => {
    const f = await files({ 'labeled.jsonl': LABELED });
    const r = await run([
      'suggest',
      '--evaluate',
      f['labeled.jsonl']!,
      '--json',
      '--with',
      'matcher',
    ]);
    expect(r.code).toBe(0);
    // See src/core/suggest/evaluate.test.ts: 2 reference spans, 3 proposals, 2 exact.
    const figure = { f1_exact: 0.8, f1_overlap: 0.8, documents: 2, reference: 2, suggested: 3 };
    expect(JSON.parse(r.out)).toEqual({
      scheme: 'leave-one-document-out',
      folds: 3,
      documents: 3,
      annotations: 3,
      spans: 2,
      minScore: 0.5,
      labels: ['pro-withdrawal'],
      suggesters: {
        matcher: {
          labels: { 'pro-withdrawal': figure },
          macro: { f1_exact: 0.8, f1_overlap: 0.8 },
          reference: 2,
          suggested: 3,
        },
      },
      switches: {
        matcher: {
          on: false,
          f1: 0.8,
          reason: "only 2 analysts' span(s) to judge by (needs 10)",
          why: { kind: 'few', spans: 2, minSpans: 10 },
          labels: [],
        },
      },
    });
    const table = await run(['suggest', '--evaluate', f['labeled.jsonl']!, '--min-spans', '2']);
    expect(table.code).toBe(0);
    expect(table.out).toContain(
      '3 documents, 3 annotations, 2 spans; leave-one-document-out (3 folds); proposals scoring ≥ 0.5',
    );
    expect(table.out).toContain('  pro-withdrawal     0.800       0.800     2      2         3');
    expect(table.out).toContain(
      '  matcher: on (held-out overlap F1 0.800 reaches the threshold 0.5)',
    );
    expect(table.out).toMatch(/^model$/mu);
    expect(table.out).toMatch(/^cue-sentence$/mu);
  }, 120_000);
});

describe('stance suggest --train', () => {
  it('writes one line per document and suggester, importable as suggester lanes with scores', async () => {
    const input = [
      JSON.stringify({ text: `قال 👍🏽 النائب: ${PHRASE}!`, meta: { doc_id: 'n1', title: 'خبر' } }),
      JSON.stringify({ id: 7, text: 'لا شيء هنا.', label: [] }),
    ].join('\n');
    const f = await files({ 'labeled.jsonl': LABELED, 'input.jsonl': input });
    const out = join(f.dir!, 'out.jsonl');
    const r = await run(['suggest', '--train', f['labeled.jsonl']!, f['input.jsonl']!, '-o', out]);
    expect(r).toMatchObject({ code: 0, out: '' });
    expect(r.err).toMatch(/^wrote 4 line\(s\), \d+ suggested span\(s\), to /u);
    const text = await readFile(out, 'utf8');
    const parsed = parseDataset(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.ok.map((l) => [l.docId, l.annotatorId])).toEqual([
      ['n1', 'suggester:matcher'],
      ['n1', 'suggester:model'],
      [expect.stringMatching(/^[0-9a-f]{64}$/u), 'suggester:matcher'],
      [expect.stringMatching(/^[0-9a-f]{64}$/u), 'suggester:model'],
    ]);
    const matcher = parsed.ok[0]!;
    expect(matcher.title).toBe('خبر');
    expect(matcher.spans).toEqual([
      {
        ...cpAt(matcher.text, PHRASE),
        label: 'pro-withdrawal',
        quote: PHRASE,
        holder: null,
        note: null,
        agreedBy: null,
        // Labelled in 2 of the 3 places the analyst saw it (not in T3).
        score: 2 / 3,
      },
    ]);
    for (const l of parsed.ok) for (const s of l.spans) expect(s.score).toBeGreaterThanOrEqual(0.5);
    // Standard output gets the same bytes; the validator accepts them.
    const again = await run(['suggest', '--train', f['labeled.jsonl']!, f['input.jsonl']!]);
    expect(again.out).toBe(text);
    const v = await run(['validate', out]);
    expect(v.code).toBe(0);
  }, 120_000);

  it('leaves suggestion lanes in the labelled file out of what it learns, and says so', async () => {
    const lane = line(T3, [{ ...cpAt(T3, PHRASE), label: 'pro-coalition' }], {
      _annotator_id: 'suggester:matcher',
    });
    const f = await files({
      'labeled.jsonl': `${LABELED}\n${lane}\n`,
      'input.jsonl': line(T3, []),
    });
    const r = await run([
      'suggest',
      '--train',
      f['labeled.jsonl']!,
      f['input.jsonl']!,
      '--with',
      'matcher',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('1 line(s) of suggestion lanes (suggester:*) are not learned from');
    expect(r.out).not.toContain('pro-coalition');
  }, 60_000);
});

describe('stance suggest on bad input', () => {
  it('names every bad line as FILE:LINE, computes nothing and writes nothing', async () => {
    const f = await files({
      'labeled.jsonl': `${LABELED}\n{"text": "ab", "spans": [{"start": 1, "end": 9, "label": "x"}]}\n`,
      'input.jsonl': `${line(T1, [])}\nnot json\n`,
      'g.json': '{"pro-withdrawal": ["", "انسحاب"], "pro-coalition": 3}',
    });
    const out = join(f.dir!, 'out.jsonl');
    const r = await run([
      'suggest',
      '--train',
      f['labeled.jsonl']!,
      f['input.jsonl']!,
      '--gazetteer',
      f['g.json']!,
      '-o',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('stance suggest: 4 problem(s), nothing computed:');
    expect(r.err).toContain(
      `${f['labeled.jsonl']}:4: spans[0]: offsets 1–9 are out of range (the text has 2 code points)`,
    );
    expect(r.err).toMatch(new RegExp(`${f['input.jsonl']}:2: invalid JSON`));
    expect(r.err).toContain(`${f['g.json']}: "pro-withdrawal"[0]: a cue phrase must hold a word`);
    expect(r.err).toContain(`${f['g.json']}: "pro-coalition": Invalid input: expected array`);
    expect(await readdir(f.dir!)).not.toContain('out.jsonl');
  });

  it('refuses two lines with one doc_id but different texts, a file with no spans, one document', async () => {
    const clash = [
      line(T1, [], { meta: { doc_id: 'x' } }),
      line(T2, [], { meta: { doc_id: 'x' } }),
    ].join('\n');
    const f = await files({
      'clash.jsonl': clash,
      'empty.jsonl': line(T1, []),
      'one.jsonl': line(T1, [{ ...cpAt(T1, PHRASE), label: 'w' }]),
      'g.json': '{"w": [',
    });
    const a = await run(['suggest', '--evaluate', f['clash.jsonl']!]);
    expect(a.code).toBe(1);
    expect(a.err).toContain(
      `${f['clash.jsonl']}:2: doc_id x has a different text than ${f['clash.jsonl']}:1`,
    );
    const b = await run(['suggest', '--evaluate', f['empty.jsonl']!]);
    expect(b.err).toContain(`${f['empty.jsonl']}: no labelled spans to learn from`);
    const c = await run(['suggest', '--evaluate', f['one.jsonl']!]);
    expect(c).toMatchObject({ code: 1, out: '' });
    expect(c.err).toContain('held-out figures need at least 2 documents (it has 1)');
    const d = await run(['suggest', '--evaluate', f['one.jsonl']!, '--gazetteer', f['g.json']!]);
    expect(d.err).toMatch(new RegExp(`${f['g.json']}: invalid JSON`));
    const e = await run(['suggest', '--evaluate', join(f.dir!, 'missing.jsonl')]);
    expect(e.err).toContain('missing.jsonl: cannot read (ENOENT)');
  });

  it('explains wrong arguments with the usage and exit code 2', async () => {
    for (const [args, message] of [
      [['--evaluate', 'a', '--train', 'b', 'c'], 'give either --train'],
      [[], 'give either --train'],
      [['--train', 'a'], '--train needs exactly one INPUT.jsonl'],
      [['--evaluate', 'a', 'b'], '--evaluate takes no INPUT file (got b)'],
      [
        ['--evaluate', 'a', '--with', 'magic'],
        '--with takes matcher, model, cue-sentence (got magic)',
      ],
      [['--evaluate', 'a', '--min-score', '2'], 'not a valid value: --min-score 2'],
      [['--evaluate', 'a', '--folds', '1'], 'not a valid value: --folds 1'],
      [['--evaluate', 'a', '--metric', 'f2'], '--metric is exact or overlap'],
      [['--evaluate', 'a', '--bogus'], 'unknown option --bogus'],
    ] as const) {
      const r = await run(['suggest', ...args]);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.err).toContain(message);
      expect(r.err).toContain('usage: stance suggest --train');
    }
  });
});

describe('the stance launcher', () => {
  it('runs suggest --evaluate as a real process', async () => {
    const f = await files({ 'labeled.jsonl': LABELED });
    const child = spawn(
      process.execPath,
      [
        'bin/stance.mjs',
        'suggest',
        '--evaluate',
        f['labeled.jsonl']!,
        '--json',
        '--with',
        'matcher',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      documents: 3,
      suggesters: { matcher: { reference: 2 } },
    });
  }, 120_000);
});

describe('docs/suggestions.md', () => {
  it('shows the very figures stance suggest --evaluate gives on the seed articles', async () => {
    const f = await files({ 'seed.jsonl': `${seedStanceLines().join('\n')}\n` });
    const r = await run(['suggest', '--evaluate', f['seed.jsonl']!]);
    expect(r.code).toBe(0);
    const doc = await readFile(new URL('../../docs/suggestions.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Figures on the seed articles'));
    const start = section.indexOf('```text\n') + '```text\n'.length;
    expect(section.slice(start, section.indexOf('```', start))).toBe(r.out);
  }, 300_000);
});
