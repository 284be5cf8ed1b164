// `stance actors` end to end on spans JSONL files in a temporary folder:
// two annotators' exports of seed-article sentences, the JSON and the table,
// filters, CSV, an older file with free-text holders, and located errors.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSpansLine } from '@core/formats/spans-jsonl.ts';
import type { DatasetRecord, DatasetSpan } from '@core/formats/record.ts';
import { cpLength } from '@core/offsets.ts';
import { main } from './main.ts';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

// Two sentences of the seed articles (000, Asharq; 004, Rudaw).
const T1 =
  'وأضاف الكاظمي: "لا توجد حاجة لأي قوات قتالية أجنبية على الأراضي العراقية". وقال الخزعلي إن تصريح فؤاد حسين "مؤسف للغاية ومرفوض".';
const T2 =
  'قال رئيس إقليم كوردستان نيجيرفان بارزاني: "أرحب بنتائج الحوار الستراتيجي. إنها خطوة مهمة نحو تعزيز الشراكة".';

const ACTORS = {
  kadhimi: {
    id: 'kadhimi',
    nameEn: 'Mustafa al-Kadhimi',
    kind: 'person' as const,
    name: 'مصطفى الكاظمي',
  },
  khazali: {
    id: 'khazali',
    nameEn: 'Qais al-Khazali',
    kind: 'person' as const,
    name: 'قيس الخزعلي',
  },
  fuad: { id: 'fuad', nameEn: 'Fuad Hussein', kind: 'person' as const, name: 'فؤاد حسين' },
  nechirvan: {
    id: 'nechirvan',
    nameEn: 'Nechirvan Barzani',
    kind: 'person' as const,
    name: 'نيجيرفان بارزاني',
  },
};

function span(
  text: string,
  words: string,
  label: string,
  who: keyof typeof ACTORS | null,
): DatasetSpan {
  const start = cpLength(text.slice(0, text.indexOf(words)));
  const a = who ? ACTORS[who] : null;
  return {
    start,
    end: start + cpLength(words),
    label,
    quote: words,
    holder: a?.name ?? null,
    note: null,
    agreedBy: null,
    ...(a
      ? {
          holderActor: { id: a.id, nameEn: a.nameEn, kind: a.kind },
          attribution: 'direct-quote' as const,
        }
      : {}),
  };
}

function line(
  annotatorId: string,
  docId: string,
  text: string,
  date: string,
  source: string,
  spans: DatasetSpan[],
): string {
  const rec: DatasetRecord & { docId: string; annotatorId: string } = {
    docId,
    text,
    title: docId === 'd1' ? 'الكاظمي والخزعلي' : 'بارزاني يرحب',
    date,
    source,
    status: 'done',
    docStance: null,
    annotatorId,
    spans,
  };
  return writeSpansLine(rec);
}

async function files(): Promise<{ dir: string; a: string; b: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'actors-'));
  const a = join(dir, 'a.jsonl');
  const b = join(dir, 'b.jsonl');
  await writeFile(
    a,
    line('A', 'd1', T1, '2021-07-25', 'الشرق', [
      span(
        T1,
        'لا توجد حاجة لأي قوات قتالية أجنبية على الأراضي العراقية',
        'pro-withdrawal',
        'kadhimi',
      ),
      span(T1, 'مؤسف للغاية ومرفوض', 'anti-coalition', 'khazali'),
    ]) +
      line('A', 'd2', T2, '2021-07-27', 'رووداو', [
        span(T2, 'أرحب بنتائج الحوار الستراتيجي', 'pro-coalition', 'nechirvan'),
      ]),
  );
  await writeFile(
    b,
    line('B', 'd1', T1, '2021-07-25', 'الشرق', [
      // Same statement, overlapping extent, same holder and label: one statement.
      span(T1, 'لا توجد حاجة لأي قوات قتالية أجنبية', 'pro-withdrawal', 'kadhimi'),
      // Same text, another holder: a holder disagreement with A (a tie).
      span(T1, 'مؤسف للغاية', 'anti-coalition', 'fuad'),
    ]) +
      line('B', 'd2', T2, '2021-07-27', 'رووداو', [
        // Same holder, another label: counted once under "several labels".
        span(T2, 'أرحب بنتائج الحوار', 'pro-withdrawal', 'nechirvan'),
      ]) +
      line('gold', 'd2', T2, '2021-07-27', 'رووداو', [
        span(T2, 'أرحب بنتائج الحوار الستراتيجي', 'pro-coalition', 'nechirvan'),
      ]),
  );
  return { dir, a, b };
}

describe('stance actors', () => {
  it('prints the actors × labels table as JSON, counting each statement once', async () => {
    const { a, b } = await files();
    const r = await run(['actors', a, b, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      annotators: string[];
      columns: string[];
      rows: {
        holder: { type: string; id: string | null; name: string; name_en: string };
        counts: Record<string, number>;
        total: number;
        evidence: Record<
          string,
          {
            doc_id: string;
            annotators: string[];
            disagreements: string[];
            spans: { quote: string }[];
          }[]
        >;
      }[];
      totals: { counts: Record<string, number>; total: number };
      disagreements: { label: number; holder: number };
      over_time: unknown;
      by_outlet: unknown;
    };
    expect(json.annotators).toEqual(['A', 'B']);
    expect(json.columns).toEqual([
      'anti-coalition',
      'pro-coalition',
      'pro-withdrawal',
      '(several labels)',
    ]);
    expect(json.rows.map((x) => [x.holder.id ?? x.holder.type, x.counts, x.total])).toEqual([
      [
        'kadhimi',
        { 'anti-coalition': 0, 'pro-coalition': 0, 'pro-withdrawal': 1, '(several labels)': 0 },
        1,
      ],
      [
        'nechirvan',
        { 'anti-coalition': 0, 'pro-coalition': 0, 'pro-withdrawal': 0, '(several labels)': 1 },
        1,
      ],
      [
        'disputed',
        { 'anti-coalition': 1, 'pro-coalition': 0, 'pro-withdrawal': 0, '(several labels)': 0 },
        1,
      ],
    ]);
    expect(json.rows[0]!.holder).toMatchObject({
      type: 'actor',
      name: 'مصطفى الكاظمي',
      name_en: 'Mustafa al-Kadhimi',
    });
    const kadhimi = json.rows[0]!.evidence['pro-withdrawal']![0]!;
    expect(kadhimi).toMatchObject({ doc_id: 'd1', annotators: ['A', 'B'], disagreements: [] });
    expect(kadhimi.spans.map((s) => s.quote)).toEqual([
      'لا توجد حاجة لأي قوات قتالية أجنبية',
      'لا توجد حاجة لأي قوات قتالية أجنبية على الأراضي العراقية',
    ]);
    expect(json.rows[2]!.evidence['anti-coalition']![0]!.disagreements).toEqual(['holder']);
    expect(json.totals).toEqual({
      counts: { 'pro-withdrawal': 1, '(several labels)': 1, 'anti-coalition': 1 },
      total: 3,
    });
    expect(json.disagreements).toEqual({ label: 1, holder: 2 });
    expect(json.by_outlet).toEqual([
      { outlet: 'الشرق', counts: { 'pro-withdrawal': 1, 'anti-coalition': 1 }, total: 2 },
      { outlet: 'رووداو', counts: { '(several labels)': 1 }, total: 1 },
    ]);
  });

  it('prints a readable table, and filters by gold, annotator, outlet and date', async () => {
    const { a, b } = await files();
    const t = await run(['actors', a, b]);
    expect(t.code).toBe(0);
    const lines = t.out.split('\n');
    expect(lines[0]).toBe('2 annotator(s) (A, B), 2 document(s), 6 span(s), 3 statement(s)');
    expect(lines[2]).toMatch(
      /^holder +anti-coalition +pro-coalition +pro-withdrawal +\(several labels\) +total$/u,
    );
    expect(
      lines.some((l) => /^مصطفى الكاظمي \(Mustafa al-Kadhimi\) +0 +0 +1 +0 +1$/u.test(l)),
    ).toBe(true);
    expect(t.out).toContain(
      'disagreements: 1 statement(s) with different labels, 2 with different holders',
    );

    const total = async (...args: string[]) =>
      (
        JSON.parse((await run(['actors', a, b, '--json', ...args])).out) as {
          totals: { total: number };
        }
      ).totals.total;
    expect(await total('--gold')).toBe(1);
    expect(await total('--annotator', 'A')).toBe(3);
    expect(await total('--annotator=B', '--outlet', 'رووداو')).toBe(1);
    expect(await total('--from', '2021-07-26')).toBe(1);
    expect(await total('--to=2021-07-25')).toBe(2);
  });

  it('reports agreement on attribution per pair with --agreement', async () => {
    const { a, b } = await files();
    // Every annotator of the files by default, gold too (as `stance agreement`); here A and B.
    const r = await run([
      'actors',
      a,
      b,
      '--agreement',
      '--json',
      '--annotator',
      'A',
      '--annotator',
      'B',
    ]);
    expect(r.code).toBe(0);
    // Matched: Kadhimi's statement (both: Kadhimi) and "مؤسف" (A: Khazali, B: Fuad
    // Hussein); Barzani's welcome differs in label, so it is not matched.
    // Holders (K,K), (Kh,F): p_o = 1/2, p_e = 1/2·1/2 = 1/4, κ = (1/2 − 1/4)/(3/4) = 1/3.
    expect(JSON.parse(r.out)).toEqual({
      annotators: ['A', 'B'],
      pairs: {
        'A|B': {
          matched: 2,
          sameHolder: 1,
          holderAgreement: 0.5,
          holderKappa: expect.closeTo(1 / 3, 12) as number,
          sameAttribution: 2,
          attributionAgreement: 1,
          attributionKappa: null,
          sameTarget: 2,
          targetAgreement: 1,
        },
      },
    });
    const t = await run(['actors', a, b, '--agreement']);
    expect(t.out).toContain('3 annotators (A, B, gold)');
    expect(t.out).toMatch(/^A\|B +2 +50\.0% +0\.333 +100\.0% +— +100\.0%$/mu);
    expect((await run(['actors', a, '--agreement', '--csv'])).code).toBe(2);
  });

  it('writes the CSV the app exports', async () => {
    const { a } = await files();
    const r = await run(['actors', a, '--csv']);
    expect(r.out.startsWith('\ufeffholder,holder_en,holder_id,')).toBe(true);
    expect(r.out).toContain(
      '\r\nمصطفى الكاظمي,Mustafa al-Kadhimi,kadhimi,actor,person,,0,0,1,1\r\n',
    );
  });

  it('counts an older file’s free-text holder as the actor another file names', async () => {
    const { dir, a } = await files();
    const old = join(dir, 'old.jsonl');
    await writeFile(
      old,
      `${JSON.stringify({ text: T1, spans: [{ ...span(T1, 'لا توجد حاجة', 'pro-withdrawal', null), holder: 'مصطفى الكاظمى' }], meta: { doc_id: 'd1' }, _annotator_id: 'C' })}\n`,
    );
    const json = JSON.parse((await run(['actors', a, old, '--json'])).out) as {
      rows: {
        holder: { id: string | null };
        total: number;
        evidence: Record<string, { annotators: string[] }[]>;
      }[];
    };
    const kadhimi = json.rows.find((x) => x.holder.id === 'kadhimi')!;
    expect(kadhimi.total).toBe(1);
    expect(kadhimi.evidence['pro-withdrawal']![0]!.annotators).toEqual(['A', 'C']);
  });

  it('reports bad input with its place, and bad options with the usage', async () => {
    const { dir, a } = await files();
    const bad = join(dir, 'bad.jsonl');
    await writeFile(
      bad,
      [
        JSON.stringify({ text: T1, spans: [] }),
        '{"text": "x", "spans": [{"start": 0, "end": 1, "label": "l", "attribution": "rumour"}]}',
        '',
        JSON.stringify({ text: 'نص آخر', meta: { doc_id: 'd1' } }),
      ].join('\n'),
    );
    const r = await run(['actors', a, bad, join(dir, 'missing.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('3 problem(s), nothing counted');
    expect(r.err).toContain(
      `${bad}:2: spans[0].attribution: must be one of direct-quote, reported-speech, outlet-voice`,
    );
    expect(r.err).toContain(`${bad}:4: doc_id d1 has a different text than ${a}:1`);
    expect(r.err).toContain(`${join(dir, 'missing.jsonl')}: cannot read (ENOENT)`);

    const empty = join(dir, 'empty.jsonl');
    await writeFile(empty, '\n\n');
    expect((await run(['actors', empty])).err).toContain(`${empty}: the file has no lines`);

    for (const [args, message] of [
      [['actors'], 'give at least one FILE'],
      [['actors', a, '--bogus'], 'unknown option --bogus'],
      [['actors', a, '--from', '25/07/2021'], '--from must be a date YYYY-MM-DD (got 25/07/2021)'],
      [
        ['actors', a, '--from', '2021-08-01', '--to', '2021-07-01'],
        '--from 2021-08-01 is after --to 2021-07-01',
      ],
      [['actors', a, '--json', '--csv'], 'give --json or --csv, not both'],
      [['actors', a, '--gold', '--annotator', 'A'], 'give --gold or --annotator, not both'],
      [['actors', a, '--annotator'], '--annotator needs a value'],
    ] as const) {
      const e = await run([...args]);
      expect(e.code).toBe(2);
      expect(e.err.split('\n')[0]).toBe(`stance actors: ${message}`);
      expect(e.err).toContain('usage: stance actors');
    }
  });
});
