/**
 * A JSON encoding of IndexedDB keys and values, for carrying records from a
 * page of one origin, through the main process, into a page of another.
 * `webContents.executeJavaScript` returns structured clones but takes only
 * source text, and records hold more than JSON does (the token bounds are a
 * Uint32Array; keys may be Dates or binary), so every type a structured
 * clone of stored data can hold is tagged: typed arrays and ArrayBuffers
 * (base64), Date, RegExp, Map, Set, BigInt, undefined, NaN, ±Infinity, -0
 * and array holes. Blobs, Files and other platform objects are refused by
 * name (the workbench stores none).
 *
 * `idbCodec` must stay self-contained (no imports, no outer variables): its
 * source text is sent into the pages (see idb-page.ts).
 */

/** Encodes a value to JSON text, and back. */
export interface IdbCodec {
  encode(value: unknown): string;
  decode(text: string): unknown;
}

/** Builds the codec; self-contained, so `idbCodec.toString()` runs in a page. */
export function idbCodec(): IdbCodec {
  const TAG = '$idb';
  const views: Record<string, new (b: ArrayBuffer, o: number, l: number) => ArrayBufferView> = {};
  for (const name of [
    'Int8Array',
    'Uint8Array',
    'Uint8ClampedArray',
    'Int16Array',
    'Uint16Array',
    'Int32Array',
    'Uint32Array',
    'Float16Array',
    'Float32Array',
    'Float64Array',
    'BigInt64Array',
    'BigUint64Array',
    'DataView',
  ]) {
    const ctor = (globalThis as Record<string, unknown>)[name];
    if (typeof ctor === 'function') views[name] = ctor as (typeof views)[string];
  }
  const toBase64 = (bytes: Uint8Array): string => {
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  };
  const fromBase64 = (text: string): Uint8Array => {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  };
  const put = (o: Record<string, unknown>, k: string, v: unknown): void => {
    // defineProperty, so that an own "__proto__" key stays a plain key.
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  };
  const num = (n: number): unknown =>
    Number.isFinite(n) && !Object.is(n, -0)
      ? n
      : { [TAG]: 'num', v: Object.is(n, -0) ? '-0' : String(n) };

  const enc = (v: unknown, path: unknown[]): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return num(v);
    if (v === undefined) return { [TAG]: 'undef' };
    if (typeof v === 'bigint') return { [TAG]: 'bigint', v: v.toString() };
    if (typeof v !== 'object') throw new Error(`cannot copy a ${typeof v}`);
    if (path.includes(v)) throw new Error('cannot copy a value that contains itself');
    path.push(v);
    try {
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (let i = 0; i < v.length; i++) out.push(i in v ? enc(v[i], path) : { [TAG]: 'hole' });
        return out;
      }
      if (v instanceof Date) return { [TAG]: 'date', v: num(v.getTime()) };
      if (v instanceof RegExp) return { [TAG]: 're', source: v.source, flags: v.flags };
      if (v instanceof ArrayBuffer) return { [TAG]: 'ab', v: toBase64(new Uint8Array(v)) };
      if (ArrayBuffer.isView(v)) {
        const type = v.constructor.name;
        if (!views[type]) throw new Error(`cannot copy a ${type}`);
        const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        return { [TAG]: 'view', type, v: toBase64(bytes) };
      }
      if (v instanceof Map)
        return { [TAG]: 'map', v: [...v].map(([k, x]) => [enc(k, path), enc(x, path)]) };
      if (v instanceof Set) return { [TAG]: 'set', v: [...v].map((x) => enc(x, path)) };
      const proto = Object.getPrototypeOf(v) as object | null;
      if (proto !== Object.prototype && proto !== null) {
        const name = (v as { constructor?: { name?: string } }).constructor?.name ?? 'object';
        throw new Error(`cannot copy a ${name}`);
      }
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) put(out, k, enc((v as Record<string, unknown>)[k], path));
      return Object.prototype.hasOwnProperty.call(v, TAG) ? { [TAG]: 'obj', v: out } : out;
    } finally {
      path.pop();
    }
  };

  const dec = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      const out: unknown[] = new Array<unknown>(v.length);
      v.forEach((x, i) => {
        const isHole =
          x !== null && typeof x === 'object' && (x as Record<string, unknown>)[TAG] === 'hole';
        if (!isHole) out[i] = dec(x);
      });
      return out;
    }
    const o = v as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(o, TAG)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(o)) put(out, k, dec(o[k]));
      return out;
    }
    switch (o[TAG]) {
      case 'num':
        return o.v === '-0' ? -0 : Number(o.v);
      case 'undef':
        return undefined;
      case 'bigint':
        return BigInt(o.v as string);
      case 'date':
        return new Date(dec(o.v) as number);
      case 're':
        return new RegExp(o.source as string, o.flags as string);
      case 'ab':
        return fromBase64(o.v as string).buffer;
      case 'view': {
        const ctor = views[o.type as string];
        if (!ctor) throw new Error(`cannot rebuild a ${String(o.type)}`);
        const bytes = fromBase64(o.v as string);
        const per = (ctor as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
        return new ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / per);
      }
      case 'map':
        return new Map((o.v as [unknown, unknown][]).map(([k, x]) => [dec(k), dec(x)]));
      case 'set':
        return new Set((o.v as unknown[]).map(dec));
      case 'obj': {
        const inner = o.v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(inner)) put(out, k, dec(inner[k]));
        return out;
      }
      default:
        throw new Error(`unknown tag ${JSON.stringify(o[TAG])}`);
    }
  };

  return {
    encode: (value) => JSON.stringify(enc(value, [])),
    decode: (text) => dec(JSON.parse(text)),
  };
}
