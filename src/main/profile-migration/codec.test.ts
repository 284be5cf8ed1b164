// The record codec keeps everything a structured clone of stored data
// keeps: decode(encode(v)) equals structuredClone(v), types, -0, holes and
// undefined properties included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idbCodec } from './codec.ts';

const codec = idbCodec();
const roundTrip = (v: unknown): unknown => codec.decode(codec.encode(v));
const sameClone = (v: unknown): void => {
  expect(roundTrip(v)).toStrictEqual(structuredClone(v));
};

const leaf = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.uint8Array(),
  fc.uint32Array(),
  fc.float64Array(),
  fc.int16Array(),
  fc.uint8Array().map((a) => a.buffer),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object'), tie('map'), tie('set')),
  array: fc.array(tie('node'), { maxLength: 5 }),
  object: fc.dictionary(
    fc.oneof(fc.string(), fc.constant('$idb'), fc.constant('__proto__')),
    tie('node'),
    {
      maxKeys: 5,
    },
  ),
  map: fc.array(fc.tuple(tie('node'), tie('node')), { maxLength: 3 }).map((e) => new Map(e)),
  set: fc.array(tie('node'), { maxLength: 3 }).map((e) => new Set(e)),
})).node;

describe('idbCodec', () => {
  // The limit guards a hang only (about 1 s on a busy machine).
  it(
    'round-trips any value of stored data as a structured clone would',
    { timeout: 60_000 },
    () => {
      fc.assert(fc.property(value, sameClone), { numRuns: 300 });
    },
  );

  it('keeps the records the workbench stores, typed arrays included', () => {
    const tokens = { docId: 'aljazeera-1', version: 2, bounds: new Uint32Array([0, 3, 4, 9]) };
    const back = roundTrip(tokens) as typeof tokens;
    expect(back.bounds).toBeInstanceOf(Uint32Array);
    expect([...back.bounds]).toEqual([0, 3, 4, 9]);
    sameClone(tokens);
    sameClone({ id: 's1', label: '__proto__', start: 0, end: 4, quote: 'قال', holder: null });
  });

  it('keeps the odd numbers, holes and keys JSON loses', () => {
    sameClone([NaN, Infinity, -Infinity, -0, 0]);
    // eslint-disable-next-line no-sparse-arrays
    sameClone([1, , 3]);
    sameClone({ $idb: 'not a tag', nested: { $idb: { $idb: 1 } } });
    const proto = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    sameClone(proto);
    expect(Object.getPrototypeOf(roundTrip(proto))).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    sameClone(new Date(Number.NaN));
    sameClone(/قال\s+/giu);
    sameClone(new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2));
    sameClone(new Uint16Array(new Uint8Array([1, 2, 3, 4, 5, 6]).buffer, 2, 2));
  });

  it('refuses what it cannot carry, by name', () => {
    expect(() => codec.encode({ f: new Blob(['x']) })).toThrow(/cannot copy a Blob/);
    expect(() => codec.encode({ f: () => 1 })).toThrow(/cannot copy a function/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => codec.encode(loop)).toThrow(/contains itself/);
    expect(() => codec.decode('{"$idb":"what"}')).toThrow(/unknown tag "what"/);
  });
});
