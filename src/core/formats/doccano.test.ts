import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpLength, cpSlice } from '../offsets.ts';
import { parseDoccanoLine, writeDoccanoLine } from './doccano.ts';

const TEXT = 'الرئيس 🇮🇶 قال: الانسحاب 👍🏽 ضروري';
const start = cpLength(TEXT.slice(0, TEXT.indexOf('الانسحاب')));
const rec = {
  docId: 'd1',
  text: TEXT,
  title: null,
  date: null,
  source: null,
  status: null,
  docStance: null,
  annotatorId: 'omar',
  spans: [
    {
      start,
      end: start + 8,
      label: 'pro-withdrawal',
      quote: 'الانسحاب',
      holder: null,
      note: null,
      agreedBy: null,
    },
  ],
};

describe('doccano JSONL', () => {
  it('writes UTF-16 offsets (what doccano counts) and reads them back as code points', () => {
    const line = writeDoccanoLine(rec);
    const json = JSON.parse(line) as { id: string; label: [number, number, string][] };
    const [us, ue] = json.label[0]!;
    // The flag before the span is 2 code points but 4 UTF-16 units.
    expect(us).toBe(start + 2);
    expect(TEXT.slice(us, ue)).toBe('الانسحاب');
    const back = parseDoccanoLine({ line: 1, text: line });
    expect(back.ok && !back.skipped && back.value.spans[0]).toMatchObject({
      start,
      end: start + 8,
    });
    expect(back.ok && !back.skipped && back.value.annotatorId).toBe('omar');
  });

  it("reads doccano's entities form", () => {
    const u = TEXT.indexOf('ضروري');
    const line = JSON.stringify({
      id: 5,
      text: TEXT,
      entities: [{ id: 1, label: 'x', start_offset: u, end_offset: u + 5 }],
    });
    const r = parseDoccanoLine({ line: 2, text: line });
    expect(r.ok && !r.skipped && r.value.docId).toBe('5');
    const s = r.ok && !r.skipped ? r.value.spans[0]! : null;
    expect(s && cpSlice(TEXT, s.start, s.end)).toBe('ضروري');
  });

  it('reports offsets that split an emoji, are out of range or empty', () => {
    const flag = TEXT.indexOf('🇮🇶');
    const bad = (label: unknown[]): string => JSON.stringify({ text: TEXT, label: [label] });
    expect(parseDoccanoLine({ line: 3, text: bad([flag + 1, flag + 4, 'x']) })).toMatchObject({
      ok: false,
      error: { line: 3, message: expect.stringMatching(/split an emoji/) },
    });
    expect(parseDoccanoLine({ line: 4, text: bad([0, 999, 'x']) })).toMatchObject({
      ok: false,
      error: { line: 4, message: expect.stringMatching(/out of range/) },
    });
    expect(parseDoccanoLine({ line: 5, text: bad([3, 3, 'x']) })).toMatchObject({
      ok: false,
      error: { line: 5, message: expect.stringMatching(/greater than start/) },
    });
  });

  it('never throws on arbitrary label arrays', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 15 }),
        fc.array(
          fc.tuple(fc.integer({ min: -3, max: 40 }), fc.integer({ min: -3, max: 40 }), fc.string()),
        ),
        (text, label) => {
          const r = parseDoccanoLine({ line: 1, text: JSON.stringify({ text, label }) });
          if (r.ok && !r.skipped)
            for (const s of r.value.spans) {
              expect(s.end).toBeGreaterThan(s.start);
              expect(s.end).toBeLessThanOrEqual(cpLength(text));
            }
        },
      ),
    );
  });
});

describe('doccano ids', () => {
  it('refuses control, bidi and zero-width characters in labels, annotator ids and id', () => {
    const parse = (v: object): string | null => {
      const r = parseDoccanoLine({ line: 2, text: JSON.stringify(v) });
      return r.ok ? null : r.error.message;
    };
    const text = 'الانسحاب ضروري';
    expect(parse({ id: 1, text, label: [[0, 8, 'pro\tx']] })).toMatch(
      /^label\[0\]: label "pro\\u\{0009\}x" contains U\+0009 \(tab\)/,
    );
    expect(parse({ id: 'a\u2067', text, label: [] })).toMatch(/^id: doc_id "a\\u\{2067\}"/);
    expect(parse({ id: 1, text, label: [], _annotator_id: '\uFEFFomar' })).toMatch(
      /^_annotator_id: annotator id "\\u\{FEFF\}omar"/,
    );
    expect(parse({ id: 1, text, label: [[0, 8, 'مؤيد']] })).toBeNull();
  });
});
