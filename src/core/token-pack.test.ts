import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packTokens, packedTokensOf, TOKENIZER_VERSION, unpackTokens } from './token-pack.ts';
import { tokenize } from './tokenize.ts';

const arabicish = fc.string({
  unit: fc.constantFrom(...'وقال الكاظمي، إن CIA تراقب 2500 جندي.\n👨‍👩‍👧 🇮🇶 العِرَاقُ قـــوي'.split('')),
});

describe('packed tokens', () => {
  it('unpack to exactly what tokenize gives, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(arabicish, fc.string({ unit: 'grapheme' })), (text) => {
        expect(unpackTokens(text, packedTokensOf(text))).toEqual(tokenize(text));
      }),
    );
  });

  it('are refused when packed by another tokenizer version or for another text', () => {
    const text = 'قمة مرتقبة بين بايدن والكاظمي 🇮🇶';
    const packed = packTokens(tokenize(text));
    expect(unpackTokens(text, { ...packed, version: TOKENIZER_VERSION + 1 })).toBeNull();
    expect(unpackTokens('قمة', packed)).toBeNull();
  });
});
