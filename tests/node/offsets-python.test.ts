// Proves the exported offsets in Python's own terms: python3 slices the
// written lines (code points for spans JSONL, UTF-16 units for doccano).
// Where python3 is absent the same slicing is done in JavaScript without
// the workbench's offset code (code points from Array.from, UTF-16 units
// from String.prototype.slice), and the test titles say which reference ran.
import { execFileSync, spawnSync } from 'node:child_process';
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

/** The JavaScript reference: what PY prints, by Array.from code points and UTF-16 units. */
function jsReference(input: string): string {
  const out: string[] = [];
  let bad = 0;
  for (const raw of input.split('\n').filter(Boolean)) {
    const d = JSON.parse(raw) as {
      text: string;
      spans?: { start: number; end: number; text: string }[];
      tokens?: { start: number; end: number; text: string }[];
      label?: [number, number, string][];
    };
    const cps = Array.from(d.text);
    const cpSlice = (s: number, e: number): string => cps.slice(s, e).join('');
    if (d.spans) {
      for (const s of d.spans) bad += Number(cpSlice(s.start, s.end) !== s.text);
      for (const k of d.tokens ?? []) bad += Number(cpSlice(k.start, k.end) !== k.text);
    } else {
      for (const [s, e] of d.label ?? []) out.push(d.text.slice(s, e));
    }
  }
  out.push(`bad ${bad}`);
  return `${out.join('\n')}\n`;
}

const hasPython = spawnSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' }).stdout === '1\n';
const REF = hasPython ? 'python3' : 'JavaScript (Array.from code points; python3 is absent)';
const slice = (input: string): string =>
  hasPython ? execFileSync('python3', ['-c', PY], { input, encoding: 'utf8' }) : jsReference(input);

describe(`offsets in Python terms, reference: ${REF}`, () => {
  it(`${REF} slices spans JSONL by code points to exactly the span and token texts`, () => {
    if (!hasPython) console.info(`offsets-python: python3 not found; reference: ${REF}`);
    const line = writeSpansLine(rec);
    const out = slice(line);
    expect(out.trim()).toBe('bad 0');
    // Both references agree wherever both can run.
    if (hasPython) expect(jsReference(line)).toBe(out);
  });

  it(`${REF} slices doccano UTF-16 offsets to the span texts`, () => {
    const line = writeDoccanoLine(rec);
    const out = slice(line);
    expect(out.trim().split('\n')).toEqual([...words, 'bad 0']);
    if (hasPython) expect(jsReference(line)).toBe(out);
  });
});
