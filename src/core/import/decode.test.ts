import { describe, expect, it } from 'vitest';
import { encodeCp1256 } from '../testing/cp1256.ts';
import { decodeBytes, MAX_IMPORT_BYTES } from './decode.ts';

const ARABIC = 'قال رئيس الوزراء العراقي إن بلاده لم تعد بحاجة إلى قوات قتالية.';

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const [hi, lo] = [c >> 8, c & 0xff];
    out.set(endian === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return out;
}

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(ARABIC);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: ARABIC, encoding: 'utf-8', bom: false });
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeBytes(withBom)).toEqual({ ok: true, text: ARABIC, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 little- and big-endian with a BOM', () => {
    expect(decodeBytes(utf16(ARABIC, 'le'))).toMatchObject({
      ok: true,
      text: ARABIC,
      encoding: 'utf-16le',
    });
    expect(decodeBytes(utf16(ARABIC, 'be'))).toMatchObject({
      ok: true,
      text: ARABIC,
      encoding: 'utf-16be',
    });
  });

  it('detects Windows-1256 Arabic when the bytes are not UTF-8', () => {
    const r = decodeBytes(encodeCp1256(ARABIC));
    expect(r).toEqual({ ok: true, text: ARABIC, encoding: 'windows-1256', bom: false });
  });

  it('reads Windows-1256 Arabic with the signs that look like UTF-8 pairs (، ؛ ؟)', () => {
    const text = 'هل انتهى الأمر؟ قال الوزير، بعد الاجتماع؛ إن الحكومة ستقرر، لاحقاً؟';
    expect(decodeBytes(encodeCp1256(text))).toEqual({
      ok: true,
      text,
      encoding: 'windows-1256',
      bom: false,
    });
  });

  it('refuses UTF-8 Arabic cut off mid-character, naming the byte', () => {
    const bytes = new TextEncoder().encode(ARABIC);
    // The last character is '.', so drop it and one byte of the letter before.
    const cut = bytes.subarray(0, bytes.length - 2);
    const r = decodeBytes(cut);
    expect(r).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        new RegExp(`^not valid UTF-8 at byte ${cut.length - 1}: the file looks like damaged UTF-8`),
      ),
    });
  });

  it('refuses UTF-8 Arabic with one stray byte instead of reading it as Windows-1256', () => {
    const bytes = new TextEncoder().encode(ARABIC);
    // A lone lead byte (0xD9) inserted after 'قال رئيس', before a space.
    const prefix = new TextEncoder().encode('قال رئيس');
    const damaged = Uint8Array.from([...prefix, 0xd9, ...bytes.subarray(prefix.length)]);
    const r = decodeBytes(damaged);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(`not valid UTF-8 at byte ${prefix.length}:`);
      expect(r.reason).toMatch(/damaged UTF-8/);
    }
  });

  it('does not take Latin-1 French for Arabic', () => {
    const latin1 = Uint8Array.from(
      [...'Le café est très bon, à bientôt.'].map((c) => c.charCodeAt(0)),
    );
    const r = decodeBytes(latin1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not valid UTF-8, UTF-16 or Arabic Windows-1256/);
  });

  it('refuses empty, blank, binary and oversized files with a reason', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: false, reason: 'the file is empty' });
    expect(decodeBytes(new TextEncoder().encode(' \n\u00a0\n'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no text/),
    });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(decodeBytes(png)).toMatchObject({ ok: false, reason: 'the file is binary, not text' });
    const controls = new TextEncoder().encode('abc\u0001\u0002\u0003\u0004def\u0005');
    expect(decodeBytes(controls)).toMatchObject({
      ok: false,
      reason: 'the file is binary, not text',
    });
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    expect(decodeBytes(big)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/over 20 MB/),
    });
  });

  it('refuses a BOM followed by invalid bytes', () => {
    const r = decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]));
    expect(r).toMatchObject({ ok: false, reason: 'the file says UTF-8 but has invalid bytes' });
  });
});
