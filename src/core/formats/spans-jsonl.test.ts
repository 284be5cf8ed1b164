import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitJsonl } from '../jsonl.ts';
import { cpLength, cpSlice } from '../offsets.ts';
import { parseSpansLine, writeSpansLine, SPANS_SCHEMA } from './spans-jsonl.ts';
import { ExportRefusal, type DatasetRecord } from './record.ts';

// Arabic with an emoji with a skin-tone modifier, a decomposed é (e + U+0301)
// and a CRLF line end: three places where UTF-16 and code points differ.
const TEXT = 'قال الوزير 👍🏽 إن الانسحاب ضروري.\r\nوأضاف e\u0301 أن التحالف باقٍ.';

function at(word: string): { start: number; end: number } {
  const u = TEXT.indexOf(word);
  const start = cpLength(TEXT.slice(0, u));
  return { start, end: start + cpLength(word) };
}

const record: DatasetRecord & { docId: string; annotatorId: string } = {
  docId: 'doc-1',
  text: TEXT,
  title: 'تصريح',
  date: '2021-07-26',
  source: 'INA',
  status: 'done',
  docStance: null,
  annotatorId: 'omar',
  spans: [
    {
      ...at('التحالف باقٍ'),
      label: 'pro-coalition',
      quote: 'التحالف باقٍ',
      holder: 'الوزير',
      note: null,
      agreedBy: null,
    },
    {
      ...at('الانسحاب ضروري'),
      label: 'pro-withdrawal',
      quote: null,
      holder: null,
      note: 'قوي',
      agreedBy: null,
    },
    {
      ...at('e\u0301 أن'),
      label: 'pro-withdrawal',
      quote: null,
      holder: null,
      note: null,
      agreedBy: ['b', 'a'],
    },
  ],
};

describe('spans JSONL', () => {
  it('writes code-point offsets whose slices equal the span text, in a fixed order', () => {
    const line = writeSpansLine(record);
    expect(line.endsWith('\n')).toBe(true);
    const json = JSON.parse(line) as {
      text: string;
      spans: {
        start: number;
        end: number;
        text: string;
        label: string;
        token_start: number;
        token_end: number;
        agreed_by?: string[];
      }[];
      tokens: { text: string; start: number; end: number; id: number }[];
      schema: string;
    };
    expect(Object.keys(json)).toEqual([
      'text',
      'spans',
      'tokens',
      'meta',
      '_annotator_id',
      'answer',
      'schema',
    ]);
    expect(json.schema).toBe(SPANS_SCHEMA);
    expect(json.spans.map((s) => s.text)).toEqual(['الانسحاب ضروري', 'e\u0301 أن', 'التحالف باقٍ']);
    for (const s of json.spans) expect(cpSlice(json.text, s.start, s.end)).toBe(s.text);
    expect(json.spans[1]!.agreed_by).toEqual(['a', 'b']);
    // token_end is inclusive: the last token of the span ends at span.end.
    for (const s of json.spans) {
      expect(json.tokens[s.token_start]!.start).toBe(s.start);
      expect(json.tokens[s.token_end]!.end).toBe(s.end);
    }
  });

  it('round-trips: parse then write again gives the same bytes', () => {
    const line = writeSpansLine(record);
    const back = parseSpansLine({ line: 1, text: line.trimEnd() });
    expect(back.ok && !back.skipped).toBe(true);
    if (!back.ok || back.skipped) return;
    expect(back.value.annotatorId).toBe('omar');
    expect(back.value.docId).toBe('doc-1');
    const again = writeSpansLine({ ...back.value, docId: 'doc-1', annotatorId: 'omar' });
    expect(again).toBe(line);
  });

  it('refuses to write a span whose stored quote no longer matches, naming doc and span', () => {
    const bad = {
      ...record,
      spans: [
        {
          ...at('الوزير'),
          label: 'pro-coalition',
          quote: 'الوزيرة',
          holder: null,
          note: null,
          agreedBy: null,
        },
      ],
    };
    expect(() => writeSpansLine(bad)).toThrow(ExportRefusal);
    expect(() => writeSpansLine(bad)).toThrow(/document doc-1, span pro-coalition 4–10/);
    // The refusal is a problem the interface words: the span, and why, as data.
    const values = { doc: 'doc-1', label: 'pro-coalition', start: 4, end: 10 };
    const reason = expect.objectContaining({ code: 'span.quoteMismatch' });
    const refused = { code: 'export.spanRefused', values: { ...values, reason } };
    expect(() => writeSpansLine(bad)).toThrow(expect.objectContaining({ problem: refused }));
  });

  it('reports each kind of bad line with its physical line number', () => {
    const file = [
      '\ufeff{"text":"abc","spans":[{"start":0,"end":2,"label":"x","text":"ab"}]}',
      '',
      '{not json',
      '{"spans":[]}',
      '{"text":"abc","spans":[{"start":1,"end":9,"label":"x"}]}',
      '{"text":"abc","spans":[{"start":2,"end":2,"label":"x"}]}',
      '{"text":"abc","spans":[{"start":0,"end":1,"label":"x","text":"b"}]}',
      '{"text":"abc","schema":"someone-else/spans@3"}',
    ].join('\r\n');
    const results = splitJsonl(file).map(parseSpansLine);
    const errors = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(results[0]!.ok).toBe(true);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(errors[0]!.message).toMatch(/invalid JSON/);
    expect(errors[1]!.message).toMatch(/no text/);
    expect(errors[2]!.message).toMatch(/out of range/);
    expect(errors[3]!.message).toMatch(/end \(2\) must be greater than start \(2\)/);
    expect(errors[4]!.message).toMatch(/not the quoted "b"/);
    expect(errors[5]!.message).toMatch(/unknown schema/);
  });

  it('carries a suggester score in [0, 1]; lines without one stay valid', () => {
    const [first, ...rest] = record.spans;
    const scored = {
      ...record,
      annotatorId: 'suggester:model',
      spans: [{ ...first!, score: 0.75 }, ...rest],
    };
    const line = writeSpansLine(scored);
    const json = JSON.parse(line) as { spans: Record<string, unknown>[] };
    const withScore = json.spans.find((s) => s.label === 'pro-coalition')!;
    expect(Object.keys(withScore)).toEqual([
      'start',
      'end',
      'label',
      'text',
      'token_start',
      'token_end',
      'score',
      'holder',
    ]);
    expect(withScore.score).toBe(0.75);
    expect(json.spans.filter((s) => 'score' in s)).toHaveLength(1);
    const back = parseSpansLine({ line: 1, text: line.trimEnd() });
    expect(back.ok && !back.skipped && back.value.spans.map((s) => s.score)).toEqual([
      undefined,
      undefined,
      0.75,
    ]);
    // A line written before scores existed reads as before.
    const old = parseSpansLine({ line: 1, text: writeSpansLine(record).trimEnd() });
    expect(old.ok && !old.skipped && old.value.spans.every((s) => !('score' in s))).toBe(true);
    const bad = parseSpansLine({ line: 4, text: line.replace('"score":0.75', '"score":1.5') });
    expect(bad).toMatchObject({
      ok: false,
      error: { line: 4, message: 'spans[2].score: Too big: expected number to be <=1' },
    });
    expect(() => writeSpansLine({ ...scored, spans: [{ ...first!, score: Number.NaN }] })).toThrow(
      /score NaN is not in \[0, 1\]/,
    );
  });

  it("reads Prodigy's db-out lines and skips rejected answers", () => {
    const accepted = JSON.stringify({
      text: 'US troops 🇺🇸 leave Iraq',
      _input_hash: 1,
      _task_hash: 2,
      tokens: [],
      spans: [{ start: 13, end: 18, token_start: 3, token_end: 3, label: 'pro-withdrawal' }],
      _view_id: 'spans_manual',
      answer: 'accept',
      _annotator_id: 'stance-omar',
    });
    const r = parseSpansLine({ line: 7, text: accepted });
    expect(r.ok && !r.skipped && r.value.spans[0]).toMatchObject({
      start: 13,
      end: 18,
      label: 'pro-withdrawal',
    });
    expect(r.ok && !r.skipped && cpSlice('US troops 🇺🇸 leave Iraq', 13, 18)).toBe('leave');
    const rejected = parseSpansLine({
      line: 8,
      text: JSON.stringify({ text: 'x', answer: 'reject' }),
    });
    expect(rejected).toMatchObject({ ok: true, skipped: true });
  });

  it('never throws on random or mutated lines; what it accepts lies inside the text', () => {
    const valid = writeSpansLine(record).trimEnd();
    const mutated = fc
      .tuple(fc.nat(valid.length), fc.nat(40), fc.string({ maxLength: 12 }))
      .map(([at, del, ins]) => valid.slice(0, at) + ins + valid.slice(at + del));
    const spanLine = fc
      .record({
        text: fc.string({ unit: 'grapheme', maxLength: 20 }),
        spans: fc.array(
          fc.record({
            start: fc.integer({ min: -2, max: 30 }),
            end: fc.integer({ min: -2, max: 30 }),
            label: fc.string(),
          }),
        ),
      })
      .map((o) => JSON.stringify(o));
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutated, spanLine), (text) => {
        const r = parseSpansLine({ line: 1, text });
        if (!r.ok) {
          expect(r.error.line).toBe(1);
          expect(r.error.message.length).toBeGreaterThan(0);
        } else if (!r.skipped) {
          const n = cpLength(r.value.text);
          for (const s of r.value.spans) {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeGreaterThan(s.start);
            expect(s.end).toBeLessThanOrEqual(n);
            if (s.quote !== null) expect(cpSlice(r.value.text, s.start, s.end)).toBe(s.quote);
          }
        }
      }),
    );
  });
});

describe('parseDataset', () => {
  it('parses a whole file, detecting doccano, with errors on their physical lines', async () => {
    const { parseDataset } = await import('./index.ts');
    const spans = parseDataset(`${writeSpansLine(record)}\n{"text":""}\n`); // line 2 is blank
    expect(spans.format).toBe('spans');
    expect(spans.ok).toHaveLength(1);
    expect(spans.ok[0]!.line).toBe(1);
    expect(spans.errors).toMatchObject([{ line: 3, message: 'text: no text (empty)' }]);
    const doccano = parseDataset('{"id":1,"text":"ab","label":[[0,1,"x"]]}\n');
    expect(doccano.format).toBe('doccano');
    expect(doccano.ok[0]!.spans[0]).toMatchObject({ start: 0, end: 1, label: 'x' });
  });
});

describe('spans JSONL ids', () => {
  const line = (patch: Record<string, unknown>): string =>
    JSON.stringify({
      text: 'الانسحاب ضروري',
      spans: [{ start: 0, end: 8, label: 'pro-withdrawal' }],
      meta: { doc_id: 'd1' },
      _annotator_id: 'omar',
      ...patch,
    });
  const parse = (patch: Record<string, unknown>): string | null => {
    const r = parseSpansLine({ line: 3, text: line(patch) });
    return r.ok ? null : `${r.error.line}: ${r.error.message}`;
  };

  it('refuses control, bidi and zero-width characters in labels, annotator ids and doc_id', () => {
    expect(parse({ spans: [{ start: 0, end: 8, label: 'pro\u202Ewithdrawal' }] })).toBe(
      '3: spans[0].label: label "pro\\u{202E}withdrawal" contains U+202E (right-to-left override): ids may not contain control, bidi or invisible characters',
    );
    expect(parse({ _annotator_id: 'om\u200Dar' })).toMatch(
      /^3: _annotator_id: annotator id "om\\u\{200D\}ar" contains U\+200D \(zero width joiner\)/,
    );
    expect(parse({ meta: { doc_id: 'd1\n# x' } })).toMatch(
      /^3: meta\.doc_id: doc_id "d1\\u\{000A\}# x"/,
    );
    expect(parse({ meta: { doc_stance: 'x\u2066' } })).toMatch(/^3: meta\.doc_stance: label/);
    expect(
      parse({ spans: [{ start: 0, end: 8, label: 'p', agreed_by: ['a', 'b\u001b'] }] }),
    ).toMatch(/^3: spans\[0\]\.agreed_by\[1\]: annotator id "b\\u\{001B\}"/);
    expect(parse({})).toBeNull();
    expect(
      parse({ _annotator_id: 'a|b', spans: [{ start: 0, end: 8, label: '__proto__' }] }),
    ).toBeNull();
  });
});
