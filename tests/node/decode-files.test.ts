// Encoding detection on real files: the Windows-1256 article the e2e test
// drops still decodes, and the same article damaged as UTF-8 (cut off or with
// a stray byte) is refused instead of turning into Windows-1256 mojibake.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/import/decode.ts';

const cp1256 = new Uint8Array(readFileSync('e2e/fixtures/parliament-windows-1256.txt'));

describe('decodeBytes on real articles', () => {
  it('reads the Windows-1256 fixture as Arabic', () => {
    const r = decodeBytes(cp1256);
    expect(r).toMatchObject({ ok: true, encoding: 'windows-1256' });
    if (r.ok) expect(r.text).toContain('البرلمان العراقي يناقش قانون الانتخابات الجديد');
  });

  it('refuses the same article as UTF-8 with a stray byte or cut mid-letter', () => {
    const r = decodeBytes(cp1256);
    if (!r.ok) throw new Error(r.reason);
    const utf8 = new TextEncoder().encode(r.text);
    // Every Arabic letter is two bytes in UTF-8; find one and cut inside it.
    const lead = utf8.findIndex((b) => b >= 0xd8 && b <= 0xdb);
    const stray = Uint8Array.from([...utf8.subarray(0, lead), 0xbf, ...utf8.subarray(lead)]);
    expect(decodeBytes(stray)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        `^not valid UTF-8 at byte ${lead}: the file looks like damaged UTF-8`,
      ),
    });
    const lastLead = utf8.findLastIndex((b) => b >= 0xd8 && b <= 0xdb);
    const cut = utf8.subarray(0, lastLead + 1);
    expect(decodeBytes(cut)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(`^not valid UTF-8 at byte ${lastLead}:`),
    });
  });
});
