import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonlLineReader, splitJsonl } from './jsonl.ts';

describe('JSONL line splitting', () => {
  it('accepts a BOM, CRLF line ends and blank lines, keeping physical line numbers', () => {
    const text = '\ufeff{"a":1}\r\n\r\n   \n{"b":2}\r\n{"c":3}';
    expect(splitJsonl(text)).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":2}' },
      { line: 5, text: '{"c":3}' },
    ]);
  });

  it('gives the same lines whatever the byte chunks, even mid-character', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (parts, cuts, crlf) => {
          const text = parts.map((p) => p.replace(/[\r\n]/g, 'x')).join(crlf ? '\r\n' : '\n');
          const bytes = new TextEncoder().encode(text);
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort(
            (a, b) => a - b,
          );
          const reader = new JsonlLineReader();
          const got = [];
          let from = 0;
          for (const p of [...points, bytes.length]) {
            got.push(...reader.push(bytes.subarray(from, p)));
            from = p;
          }
          got.push(...reader.end());
          expect(got).toEqual(splitJsonl(text));
        },
      ),
    );
  });
});
