/**
 * fast-check arbitraries shared by the property tests. Any UTF-16 string,
 * astral characters and lone surrogates included, built from code units
 * drawn per class: fast-check's own `unit: 'binary'` builds a table of every
 * code point on first use, which took 7–8 s on a busy 2-core machine, most
 * of a test's time limit; this costs nothing up front.
 */
import fc from 'fast-check';

/** One character: BMP, astral (a surrogate pair), or a lone surrogate. */
const anyChar: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0x0000, max: 0xd7ff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xffff }) },
    { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }) },
  )
  .map((cp) => (cp > 0xffff ? String.fromCodePoint(cp) : String.fromCharCode(cp)));

/** Any string of up to `maxLength` characters (astral and lone surrogates included). */
export function anyUtf16String(maxLength = 40): fc.Arbitrary<string> {
  return fc.array(anyChar, { maxLength }).map((cs) => cs.join(''));
}
