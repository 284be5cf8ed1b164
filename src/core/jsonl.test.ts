import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonlLineReader, splitJsonl } from './jsonl.ts';
import { encodeCp1256 } from './testing/cp1256.ts';

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

function readAll(
  bytes: Uint8Array,
  cuts: number[] = [],
  maxLine?: number,
): { lines: { line: number; text: string }[]; error: { line: number; message: string } | null } {
  const reader = new JsonlLineReader(maxLine);
  const lines = [];
  let from = 0;
  for (const p of [...cuts, bytes.length]) {
    lines.push(...reader.push(bytes.subarray(from, p)));
    from = p;
  }
  lines.push(...reader.end());
  return { lines, error: reader.error };
}

describe('JSONL decoding is strict UTF-8', () => {
  const enc = new TextEncoder();
  const LINE = '{"text":"الانسحاب ضروري","spans":[]}';

  it('refuses a Windows-1256 file at its first byte over 0x7F, naming line and byte', () => {
    const bytes = encodeCp1256(`${LINE}\n`);
    const { lines, error } = readAll(bytes);
    expect(lines).toEqual([]);
    expect(error).toMatchObject({
      line: 1,
      message:
        'not valid UTF-8 at byte 9: the file looks like Windows-1256 (legacy Arabic); save it as UTF-8 and try again',
    });
  });

  it('refuses broken UTF-8 at the bad byte, whatever the chunks, after the good lines', () => {
    const good = enc.encode(`${LINE}\n\n`);
    const line3 = enc.encode('{"text":"ضرو');
    // A stray continuation byte, then the rest of the line and one more line.
    const bytes = Uint8Array.from([...good, ...line3, 0x80, ...enc.encode('ري"}\n{"text":"x"}\n')]);
    const at = good.length + line3.length;
    fc.assert(
      fc.property(fc.array(fc.nat({ max: bytes.length }), { maxLength: 5 }), (raw) => {
        const cuts = [...new Set(raw)].sort((a, b) => a - b);
        const { lines, error } = readAll(bytes, cuts);
        expect(lines).toEqual([{ line: 1, text: LINE }]);
        expect(error).toMatchObject({
          line: 3,
          message: `not valid UTF-8 at byte ${at}: a stray byte or a character cut off; repair the file or save it as UTF-8 and try again`,
        });
      }),
      // Cut right around the bad byte: the message must not depend on it.
      { numRuns: 500, examples: [[[at - 1, at]], [[at, at + 1]], [[at + 1]]] },
    );
  });

  it('refuses a file cut in the middle of a character, and a UTF-16 file', () => {
    const cut = enc.encode(`${LINE}\n{"text":"ض`).slice(0, -1);
    expect(readAll(cut).error).toMatchObject({
      line: 2,
      message: `not valid UTF-8 at byte ${cut.length - 1}: the file ends in the middle of a character; repair the file or save it as UTF-8 and try again`,
    });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...enc.encode(LINE)].flatMap((b) => [b, 0])]);
    expect(readAll(utf16).error?.message).toBe(
      'not valid UTF-8 at byte 0: the file is UTF-16; save it as UTF-8 and try again',
    );
  });

  it('keeps U+FEFF inside a file (only a leading BOM is dropped)', () => {
    const bytes = enc.encode('\ufeff{"a":1}\n{"b":"\ufeff"}\n');
    // Cut right before the inner U+FEFF: it must not be taken for a BOM.
    const inner = bytes.length - 6;
    expect(readAll(bytes, [inner]).lines).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '{"b":"\ufeff"}' },
    ]);
  });

  it('refuses a line longer than the limit, even one that never ends', () => {
    const line = (n: number): string => `{"t":"${'x'.repeat(n - 8)}"}`;
    const ok = enc.encode(`${line(100)}\n${line(100)}\n`);
    expect(readAll(ok, [50, 150], 100).error).toBeNull();
    const long = enc.encode(`${line(100)}\n${line(101)}\n`);
    expect(readAll(long, [50, 150], 100).error).toMatchObject({
      line: 2,
      message: 'line 2 is longer than 100 bytes, the most a line may hold',
    });
    // Bytes with no line end at all: refused once the limit is passed.
    const reader = new JsonlLineReader(1000);
    let pushes = 0;
    while (!reader.error && pushes < 100) {
      reader.push(new Uint8Array(64));
      pushes++;
    }
    expect(pushes).toBe(16);
    expect(reader.error?.message).toContain('line 1 is longer than');
  });
});
