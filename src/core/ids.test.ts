import { describe, expect, it } from 'vitest';
import { checkId, escapeUnsafe, firstUnsafeChar } from './ids.ts';

// Every character the issue names, and a few of their kin.
const UNSAFE = [
  0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x7f, 0x85, 0x9b, 0xad, 0x061c, 0x200b, 0x200c, 0x200d, 0x200e,
  0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2067, 0x2068,
  0x2069, 0xfeff,
];

describe('ids', () => {
  it('refuses control, bidi and zero-width characters anywhere in an id, naming the first', () => {
    for (const cp of UNSAFE) {
      const id = `pro${String.fromCodePoint(cp)}withdrawal`;
      expect(firstUnsafeChar(id), cp.toString(16)).toBe(cp);
      const problem = checkId('label', id);
      expect(problem).toContain(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
      // The message never carries the character itself.
      expect(firstUnsafeChar(problem!)).toBeNull();
    }
    expect(checkId('annotator id', 'a\u202Eb')).toBe(
      'annotator id "a\\u{202E}b" contains U+202E (right-to-left override): ids may not contain control, bidi or invisible characters',
    );
  });

  it('accepts Arabic, Latin, digits, punctuation, emoji with modifiers and __proto__', () => {
    for (const id of [
      'مؤيد-للانسحاب',
      'pro-withdrawal',
      'A|B',
      '__proto__',
      'ليلى 2',
      'omar 👍🏽',
      'نعم،',
    ])
      expect(checkId('label', id), id).toBeNull();
  });

  it('escapes each unsafe character as \\u{…} and leaves the rest alone', () => {
    expect(escapeUnsafe('a\tb\nc\u001b[31md\u202Eه\u200Dو')).toBe(
      'a\\u{0009}b\\u{000A}c\\u{001B}[31md\\u{202E}ه\\u{200D}و',
    );
    expect(escapeUnsafe('الانسحاب 👍🏽 ضروري')).toBe('الانسحاب 👍🏽 ضروري');
    // A lone surrogate (a broken string) is shown, not passed on.
    expect(escapeUnsafe('x\uD800y')).toBe('x\\u{D800}y');
  });
});
