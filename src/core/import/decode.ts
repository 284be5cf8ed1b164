/**
 * Turns the bytes of an imported file into text, or into a clear reason why
 * not. Encodings are detected, not guessed blindly: a BOM decides UTF-8 and
 * UTF-16; otherwise strict UTF-8 is tried, and only when it fails and the
 * bytes read as mostly Arabic letters under Windows-1256 (the legacy Arabic
 * code page) is that used. Bytes that are mostly well-formed UTF-8 with a
 * flaw (a stray byte, a file cut mid-character) are refused rather than read
 * as Windows-1256 mojibake. Empty, binary and oversized files are refused.
 */

import { byteSize, problem, problemText, type Problem } from '../problems/problem.ts';
import { MAX_ARTICLE_BYTES } from '../limits.ts';

/** Files larger than this are refused (20 MB; see src/core/limits.ts). */
export const MAX_IMPORT_BYTES = MAX_ARTICLE_BYTES;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export type DecodeResult =
  { ok: true; text: string; encoding: TextEncodingName; bom: boolean } | Refused;

/** A refusal: why in English (`reason`, the CLI prints it) and as data (`problem`). */
export interface Refused {
  ok: false;
  reason: string;
  problem: Problem;
}

/** A refusal from its problem. */
export function refused(p: Problem): Refused {
  return { ok: false, reason: problemText(p), problem: p };
}

/** Decodes `bytes` strictly; null when they are not valid in `encoding`. */
function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of control characters (other than tab, CR, LF, FF) in `text`. */
function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) n++;
  }
  return n / text.length;
}

/** Share of Arabic letters among the letters of `text`. */
export function arabicLetterRatio(text: string): number {
  let letters = 0;
  let arabic = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (/\p{Script=Arabic}/u.test(ch)) arabic++;
    }
  }
  return letters === 0 ? 0 : arabic / letters;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when it is not one. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  let len: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) len = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    len = 3;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    len = 4;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + len > bytes.length) return 0;
  const second = bytes[i + 1] ?? 0;
  if (second < lo || second > hi) return 0;
  for (let k = 2; k < len; k++) {
    const c = bytes[i + k] ?? 0;
    if (c < 0x80 || c > 0xbf) return 0;
  }
  return len;
}

/**
 * When bytes that are not valid UTF-8 are still mostly well-formed UTF-8
 * (most bytes over 0x7F sit in valid multi-byte sequences), the file is UTF-8
 * with a stray byte or cut off mid-character, not a legacy code page: returns
 * the offset (0-based) of the first invalid byte. Returns null otherwise.
 * Genuine Windows-1256 Arabic rarely forms a valid sequence (an Arabic letter
 * is followed by a byte 0x80–0xBF only before a few signs such as ، or ؟).
 */
function damagedUtf8Offset(bytes: Uint8Array): number | null {
  let high = 0;
  let inSequences = 0;
  let firstBad = -1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceAt(bytes, i);
    if (len > 0) {
      high += len;
      inSequences += len;
      i += len;
    } else {
      if (firstBad < 0) firstBad = i;
      high++;
      i++;
    }
  }
  if (firstBad < 0 || high === 0) return null;
  return inSequences / high >= 0.5 ? firstBad : null;
}

/**
 * The offset of the first byte of `bytes` that does not start or continue
 * a valid UTF-8 sequence (overlong forms, surrogates and sequences cut off
 * at the end included), or -1 when all of `bytes` is valid UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceAt(bytes, i);
    if (len === 0) return i;
    i += len;
  }
  return -1;
}

/**
 * What to tell an analyst about bytes that are not UTF-8, from the bytes
 * around the first bad one: UTF-16 (a UTF-16 byte order mark at the start
 * of the file), damaged UTF-8 (most bytes over 0x7F sit in valid
 * sequences), Arabic in Windows-1256, or bytes of no known kind.
 */
export function notUtf8Advice(around: Uint8Array, fileStart: boolean): string {
  return UTF8_ADVICE[utf8AdviceKind(around, fileStart)];
}

/** What the bytes around a bad one suggest the file is (see notUtf8Advice). */
export type Utf8AdviceKind = 'utf16' | 'damaged' | 'cp1256' | 'other';

const UTF8_ADVICE: Record<Utf8AdviceKind, string> = {
  utf16: 'the file is UTF-16; save it as UTF-8 and try again',
  damaged: 'a stray byte or a character cut off; repair the file or save it as UTF-8 and try again',
  cp1256: 'the file looks like Windows-1256 (legacy Arabic); save it as UTF-8 and try again',
  other: 'save the file as UTF-8 and try again',
};

/** Which advice fits the bytes `around` a bad one (the interface words it). */
export function utf8AdviceKind(around: Uint8Array, fileStart: boolean): Utf8AdviceKind {
  if (
    fileStart &&
    ((around[0] === 0xff && around[1] === 0xfe) || (around[0] === 0xfe && around[1] === 0xff))
  )
    return 'utf16';
  if (damagedUtf8Offset(around) !== null) return 'damaged';
  // JSON keys are Latin: judge by the characters of the bytes over 0x7F only.
  let high = '';
  for (const c of tryDecode(around, 'windows-1256') ?? '') if (c.codePointAt(0)! > 0x7f) high += c;
  if (high.length > 0 && arabicLetterRatio(high) >= 0.6) return 'cp1256';
  return 'other';
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

/**
 * Decodes an imported text file. Refuses, with a reason an analyst can act
 * on: an empty file, a file over 20 MB, a binary file (NUL bytes or many
 * control characters), damaged UTF-8 (naming the first bad byte's 0-based
 * offset), and bytes that are neither UTF-8, UTF-16 with a BOM, nor Arabic in
 * Windows-1256.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return refused(problem('file.empty'));
  if (bytes.length > MAX_IMPORT_BYTES) {
    const limit = byteSize(MAX_IMPORT_BYTES);
    return refused(problem('article.tooBig', { size: byteSize(bytes.length), limit }));
  }
  let result: { text: string; encoding: TextEncodingName; bom: boolean } | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(bytes.subarray(3), 'utf-8');
    if (text === null) return refused(problem('article.badBom', { encoding: 'UTF-8' }));
    result = { text, encoding: 'utf-8', bom: true };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = tryDecode(bytes.subarray(2), 'utf-16le');
    if (text === null) return refused(problem('article.badBom', { encoding: 'UTF-16' }));
    result = { text, encoding: 'utf-16le', bom: true };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = tryDecode(bytes.subarray(2), 'utf-16be');
    if (text === null) return refused(problem('article.badBom', { encoding: 'UTF-16' }));
    result = { text, encoding: 'utf-16be', bom: true };
  } else {
    if (hasNul(bytes)) return refused(problem('article.binary'));
    const utf8 = tryDecode(bytes, 'utf-8');
    if (utf8 !== null) {
      result = { text: utf8, encoding: 'utf-8', bom: false };
    } else {
      const damagedAt = damagedUtf8Offset(bytes);
      if (damagedAt !== null) {
        return refused(problem('article.damagedUtf8', { at: damagedAt }));
      }
      const cp1256 = tryDecode(bytes, 'windows-1256');
      if (cp1256 !== null && controlRatio(cp1256) < 0.01 && arabicLetterRatio(cp1256) >= 0.6) {
        result = { text: cp1256, encoding: 'windows-1256', bom: false };
      } else {
        return refused(problem('article.unknownEncoding'));
      }
    }
  }
  if (controlRatio(result.text) > 0.01 || result.text.includes('\u0000')) {
    return refused(problem('article.binary'));
  }
  if (result.text.trim().length === 0) {
    return refused(problem('article.blank'));
  }
  return { ok: true, ...result };
}
