/**
 * Identifiers that come from people and files (label keys, annotator ids,
 * document ids) end up in CoNLL rows, in file names, in tables and on
 * terminals. A tab or newline in one injects rows, columns and comments
 * into CoNLL; ESC reaches the terminal; bidi controls and zero-width
 * characters let two different ids look identical. This module is the one
 * rule for what an id may not contain, used at every boundary (dataset
 * parsers, the CLI, the app's label editor, first run and dataset import),
 * and the one way messages show such characters (`\u{202E}`).
 */
import { problem, problemText, type Problem } from './problems/problem.ts';

/** Names of the characters people are most likely to meet, for messages. */
const NAMES: ReadonlyMap<number, string> = new Map([
  [0x09, 'tab'],
  [0x0a, 'line feed'],
  [0x0d, 'carriage return'],
  [0x1b, 'escape'],
  [0x7f, 'delete'],
  [0x85, 'next line'],
  [0xad, 'soft hyphen'],
  [0x061c, 'Arabic letter mark'],
  [0x200b, 'zero width space'],
  [0x200c, 'zero width non-joiner'],
  [0x200d, 'zero width joiner'],
  [0x200e, 'left-to-right mark'],
  [0x200f, 'right-to-left mark'],
  [0x2028, 'line separator'],
  [0x2029, 'paragraph separator'],
  [0x202a, 'left-to-right embedding'],
  [0x202b, 'right-to-left embedding'],
  [0x202c, 'pop directional formatting'],
  [0x202d, 'left-to-right override'],
  [0x202e, 'right-to-left override'],
  [0x2060, 'word joiner'],
  [0x2066, 'left-to-right isolate'],
  [0x2067, 'right-to-left isolate'],
  [0x2068, 'first strong isolate'],
  [0x2069, 'pop directional isolate'],
  [0xfeff, 'zero width no-break space (BOM)'],
]);

/**
 * Characters an id may not hold: control characters (C0, DEL, C1: Unicode
 * Cc), invisible format characters (Cf: bidi marks, embeddings, overrides
 * and isolates, zero-width characters, the BOM, the soft hyphen…), line
 * and paragraph separators (Zl, Zp) and lone surrogates (Cs).
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const UNSAFE_ALL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** `U+202E (right-to-left override)`: a code point as messages name it. */
export function describeChar(cp: number): string {
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES.get(cp);
  return name ? `U+${hex} (${name})` : `U+${hex}`;
}

/** The first unsafe character of `s` (its code point), or null. */
export function firstUnsafeChar(s: string): number | null {
  const m = UNSAFE.exec(s);
  return m ? m[0].codePointAt(0)! : null;
}

/**
 * `s` with every unsafe character (see above) written as `\u{XXXX}`, so a
 * message shows it instead of obeying it. Newlines are escaped too: pass
 * only the untrusted parts of a message.
 */
export function escapeUnsafe(s: string): string {
  return s.replace(
    UNSAFE_ALL,
    (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`,
  );
}

/** What kind of id is checked, for the message. */
export type IdKind = 'label' | 'annotator id' | 'doc_id' | 'holder_id';

/**
 * Checks an id: returns null when it is acceptable, else a message naming
 * the first offending character and showing the id escaped, e.g.
 * `label "pro\u{202E}x" contains U+202E (right-to-left override): …`.
 * An empty id is the parsers' concern (they say what is required).
 */
export function checkId(kind: IdKind, value: string): string | null {
  const p = idProblem(kind, value);
  return p && problemText(p);
}

/** As checkId, the problem as data (the interface words it). */
export function idProblem(kind: IdKind, value: string): Problem | null {
  const cp = firstUnsafeChar(value);
  if (cp === null) return null;
  return problem('id.unsafe', { kind, value: escapeUnsafe(value), char: describeChar(cp) });
}
