// Proves the exported offsets in Python's own terms: python3 slices the
// written lines (code points for spans JSONL, UTF-16 units for doccano).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { writeDoccanoLine } from '../../src/core/formats/doccano.ts';
import { writeSpansLine } from '../../src/core/formats/spans-jsonl.ts';
import { cpLength } from '../../src/core/offsets.ts';

const TEXT = 'قال 👨‍👩‍👧 الوزير:\r\nالانسحاب e\u0301 ضروري 🇮🇶 والتحالف باقٍ.';
const words = ['الوزير', 'الانسحاب e\u0301', 'ضروري 🇮🇶 والتحالف', 'باقٍ'];
const spans = words.map((w, i) => {
  const start = cpLength(TEXT.slice(0, TEXT.indexOf(w)));
  return {
    start,
    end: start + cpLength(w),
    label: `l${i}`,
    quote: w,
    holder: null,
    note: null,
    agreedBy: null,
  };
});
const rec = {
  docId: 'd',
  text: TEXT,
  title: null,
  date: null,
  source: null,
  status: null,
  docStance: null,
  annotatorId: 'a',
  spans,
};

const PY = `
import json, sys
bad = 0
for raw in sys.stdin.read().splitlines():
    d = json.loads(raw)
    t = d["text"]
    if "spans" in d:
        for s in d["spans"]:
            bad += t[s["start"]:s["end"]] != s["text"]
        for k in d["tokens"]:
            bad += t[k["start"]:k["end"]] != k["text"]
    else:
        u = t.encode("utf-16-le")
        for s, e, _ in d["label"]:
            print(u[2*s:2*e].decode("utf-16-le"))
print("bad", bad)
`;

describe('offsets in Python terms', () => {
  it('python3 slices spans JSONL by code points to exactly the span and token texts', () => {
    const out = execFileSync('python3', ['-c', PY], {
      input: writeSpansLine(rec),
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('bad 0');
  });

  it('python3 slices doccano UTF-16 offsets to the span texts', () => {
    const out = execFileSync('python3', ['-c', PY], {
      input: writeDoccanoLine(rec),
      encoding: 'utf8',
    });
    expect(out.trim().split('\n')).toEqual([...words, 'bad 0']);
  });
});
