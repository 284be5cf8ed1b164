import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpLength } from './offsets.ts';
import { recordWriter } from './formats/index.ts';
import type { DatasetRecord } from './formats/record.ts';
import { storedTokenCache } from './token-cache.ts';
import { packedTokensOf, TOKENIZER_VERSION, type PackedTokens } from './token-pack.ts';
import { tokenize } from './tokenize.ts';

type Rec = DatasetRecord & { docId: string; annotatorId: string };

const TEXT = 'قال الوزير 👍🏽 إن الانسحاب ضروري.\nوأضاف أن التحالف باقٍ 🇮🇶.';

function record(text: string, docId: string, annotatorId: string): Rec {
  const words = [...text.matchAll(/\p{L}+/gu)];
  return {
    docId,
    text,
    title: 'تصريح',
    date: '2021-07-26',
    source: 'INA',
    status: 'done',
    docStance: null,
    annotatorId,
    spans: words.slice(0, 3).map((m) => {
      const start = cpLength(text.slice(0, m.index));
      return {
        start,
        end: start + cpLength(m[0]),
        label: 'pro-withdrawal',
        quote: m[0],
        holder: null,
        note: null,
        agreedBy: null,
      };
    }),
  };
}

describe('stored token cache', () => {
  it('gives the stored tokens, equal to tokenizing, looking each document up once', () => {
    const looked: string[] = [];
    const tokensOf = storedTokenCache((id) => {
      looked.push(id);
      return id === 'd1' ? packedTokensOf(TEXT) : undefined;
    });
    expect(tokensOf(TEXT, 'd1')).toEqual(tokenize(TEXT));
    expect(tokensOf(TEXT, 'd1')).toEqual(tokenize(TEXT));
    expect(looked).toEqual(['d1']);
  });

  it('tokenizes when nothing is stored, the record has no id, or the tokens are refused', () => {
    const stale: PackedTokens = { ...packedTokensOf(TEXT), version: TOKENIZER_VERSION + 1 };
    const longer = packedTokensOf('قال الوزير إن الانسحاب ضروري');
    const stored: Record<string, PackedTokens> = { stale, longer };
    const tokensOf = storedTokenCache((id) => stored[id]);
    expect(tokensOf(TEXT, 'missing')).toEqual(tokenize(TEXT));
    expect(tokensOf(TEXT, 'stale')).toEqual(tokenize(TEXT));
    expect(tokensOf('قال الوزير', 'longer')).toEqual(tokenize('قال الوزير'));
    expect(tokensOf(TEXT)).toEqual(tokenize(TEXT));
  });

  it('exports the same bytes as tokenizing, in spans JSONL and CoNLL, for any text', () => {
    const unit = fc.constantFrom(
      ...'وقال الكاظمي، إن CIA تراقب 2500 جندي.\n👨‍👩‍👧 🇮🇶 العِرَاقُ قـــوي'.split(''),
    );
    fc.assert(
      fc.property(fc.array(fc.string({ unit, minLength: 1 }), { maxLength: 4 }), (texts) => {
        const recs = texts.flatMap((text, i) =>
          ['laila', 'omar'].map((a) => record(text, `d${i}`, a)),
        );
        const stored = new Map(texts.map((text, i) => [`d${i}`, packedTokensOf(text)]));
        for (const format of ['spans', 'conll'] as const) {
          const plain = recordWriter(format);
          const fromStore = recordWriter(
            format,
            storedTokenCache((id) => stored.get(id)),
          );
          expect(recs.map(fromStore).join('')).toBe(recs.map(plain).join(''));
        }
      }),
    );
  });
});
