import { describe, expect, it } from 'vitest';
import { cpLength } from '../offsets.ts';
import { writeConllBlock } from './conll.ts';
import { writeSpancatLines } from './spancat.ts';
import { ExportRefusal, type DatasetSpan } from './record.ts';

const TEXT = 'قال الوزير إن الانسحاب ضروري. وأضاف أن التحالف باقٍ.';
function span(words: string, label: string): DatasetSpan {
  const start = cpLength(TEXT.slice(0, TEXT.indexOf(words)));
  return {
    start,
    end: start + cpLength(words),
    label,
    quote: words,
    holder: null,
    note: null,
    agreedBy: null,
  };
}
const base = {
  docId: 'd1',
  text: TEXT,
  title: null,
  date: null,
  source: null,
  status: null,
  docStance: null,
  annotatorId: 'omar',
};

describe('CoNLL/BIO', () => {
  it('writes token<TAB>tag with comments and a blank line between sentences', () => {
    const out = writeConllBlock({ ...base, spans: [span('الانسحاب ضروري', 'pro-withdrawal')] });
    expect(out).toBe(
      [
        '# doc_id = d1',
        '# annotator = omar',
        'قال\tO',
        'الوزير\tO',
        'إن\tO',
        'الانسحاب\tB-pro-withdrawal',
        'ضروري\tI-pro-withdrawal',
        '.\tO',
        '',
        'وأضاف\tO',
        'أن\tO',
        'التحالف\tO',
        'باقٍ\tO',
        '.\tO',
        '',
        '',
      ].join('\n'),
    );
  });

  it('gives overlapping spans one tag column per label', () => {
    const out = writeConllBlock({
      ...base,
      spans: [
        span('الوزير إن الانسحاب', 'pro-withdrawal'),
        span('الانسحاب ضروري', 'pro-coalition'),
      ],
    });
    const lines = out.split('\n');
    expect(lines[2]).toBe('# tag_columns = pro-coalition\tpro-withdrawal');
    expect(lines).toContain('الانسحاب\tB-pro-coalition\tI-pro-withdrawal');
    expect(lines).toContain('ضروري\tI-pro-coalition\tO');
  });

  it('gives nested spans of one label their own column, so neither overwrites the other', () => {
    const out = writeConllBlock({
      ...base,
      spans: [
        span('الوزير إن الانسحاب ضروري', 'pro-withdrawal'),
        span('الانسحاب', 'pro-withdrawal'),
        span('التحالف باقٍ', 'pro-withdrawal'),
        span('قال', 'pro-coalition'),
      ],
    });
    const lines = out.split('\n');
    expect(lines[2]).toBe('# tag_columns = pro-coalition\tpro-withdrawal\tpro-withdrawal#2');
    expect(lines.slice(3, 9)).toEqual([
      'قال\tB-pro-coalition\tO\tO',
      'الوزير\tO\tB-pro-withdrawal\tO',
      'إن\tO\tI-pro-withdrawal\tO',
      'الانسحاب\tO\tI-pro-withdrawal\tB-pro-withdrawal',
      'ضروري\tO\tI-pro-withdrawal\tO',
      '.\tO\tO\tO',
    ]);
    // A later span that shares no token goes back into the first column.
    expect(lines).toContain('التحالف\tO\tB-pro-withdrawal\tO');
  });
});

describe('span classification JSONL', () => {
  it('writes one line per span with its sentence as context', () => {
    const out = writeSpancatLines({ ...base, spans: [span('التحالف باقٍ', 'pro-coalition')] });
    expect(JSON.parse(out)).toEqual({
      text: 'التحالف باقٍ',
      label: 'pro-coalition',
      context: 'وأضاف أن التحالف باقٍ.',
      doc_id: 'd1',
      start: span('التحالف باقٍ', 'x').start,
      end: span('التحالف باقٍ', 'x').end,
      _annotator_id: 'omar',
    });
  });
});

describe('CoNLL/BIO under hostile ids and text', () => {
  it('refuses a doc_id, annotator id or label that would inject rows, columns or comments', () => {
    const cases: [Partial<typeof base>, string, string][] = [
      [{ docId: 'd1\n# annotator = gold' }, 'pro-withdrawal', 'U+000A'],
      [{ annotatorId: 'omar\tB-x' }, 'pro-withdrawal', 'U+0009'],
      [{}, 'pro\u001b[2J', 'U+001B'],
      [{}, 'pro\u202Ewithdrawal', 'U+202E'],
    ];
    for (const [patch, label, char] of cases) {
      const rec = { ...base, ...patch, spans: [span('الانسحاب ضروري', label)] };
      expect(() => writeConllBlock(rec), char).toThrow(ExportRefusal);
      expect(() => writeConllBlock(rec), char).toThrow(char);
    }
  });

  it('keeps every token on one row of exactly one tab per column, whatever the text holds', () => {
    // ESC, NEL (U+0085, a line break to Python), the line separator and
    // U+001C (a record separator, also a line break to Python) in the text.
    const text = 'قال\u001b الوزير\u0085 إن\u2028 الانسحاب \u001cضروري.';
    const start = cpLength(text.slice(0, text.indexOf('الانسحاب')));
    const out = writeConllBlock({
      ...base,
      text,
      spans: [
        {
          start,
          end: start + cpLength('الانسحاب'),
          label: 'pro-withdrawal',
          quote: null,
          holder: null,
          note: null,
          agreedBy: null,
        },
      ],
    });
    const rows = out.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    for (const row of rows) {
      const fields = row.split('\t');
      expect(fields, row).toHaveLength(2);
      for (const f of fields) expect(f, JSON.stringify(f)).not.toMatch(/[\p{Cc}\p{Zl}\p{Zp}]/u);
    }
    // Python's str.splitlines() breaks lines at these too: none may be written.
    const pythonBreaks = [0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029];
    expect([...out].filter((c) => pythonBreaks.includes(c.codePointAt(0)!))).toEqual([]);
    expect(rows).toContain('الانسحاب\tB-pro-withdrawal');
  });
});
