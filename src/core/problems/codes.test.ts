// Every problem code has its message in both catalogs, with the same
// arguments, and no catalog message is left without its code; core's
// English rendering (what the CLI prints) comes from the same catalog.
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import en from '../i18n/messages/en.json' with { type: 'json' };
import ar from '../i18n/messages/ar.json' with { type: 'json' };
import { PROBLEM_CODES } from './codes.ts';
import { atPath, problem, problemOf, problemText, ProblemError } from './problem.ts';

const EN = en as Record<string, string>;
const AR = ar as Record<string, string>;

/** The argument names a message uses. */
function args(ast: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of ast) {
    if ('value' in el && el.type !== TYPE.literal && typeof el.value === 'string')
      out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const o of Object.values(el.options)) args(o.value, out);
    if (el.type === TYPE.tag) args(el.children, out);
  }
  return out;
}

describe('problem codes', () => {
  it('every code has a message in English and in Arabic, with the same arguments', () => {
    expect(PROBLEM_CODES.length).toBeGreaterThan(40);
    for (const code of PROBLEM_CODES) {
      const id = `problem.${code}`;
      expect(EN[id], `${id} in en.json`).toBeTypeOf('string');
      expect(AR[id], `${id} in ar.json`).toBeTypeOf('string');
      expect(AR[id], `${id} is translated`).not.toBe(EN[id]);
      expect([...args(parse(AR[id]!))].sort(), id).toEqual([...args(parse(EN[id]!))].sort());
    }
  });

  it('every count in an Arabic problem message has the six plural forms', () => {
    const forms = ['few', 'many', 'one', 'other', 'two', 'zero'];
    const plurals = (ast: MessageFormatElement[], out: string[][] = []): string[][] => {
      for (const el of ast) {
        if (el.type === TYPE.plural) out.push(Object.keys(el.options).sort());
        if (el.type === TYPE.plural || el.type === TYPE.select)
          for (const o of Object.values(el.options)) plurals(o.value, out);
      }
      return out;
    };
    for (const code of PROBLEM_CODES)
      for (const keys of plurals(parse(AR[`problem.${code}`]!)))
        expect(keys, `problem.${code}`).toEqual(forms);
    // Edit names ("Undid: …", "Saving the edit “…”") and sizes are worded
    // inside problems and failures too.
    const named = Object.keys(AR).filter((id) => id.startsWith('edit.'));
    expect(named.length).toBeGreaterThan(10);
    for (const id of named) {
      expect(AR[id], `${id} is translated`).not.toBe(EN[id]);
      for (const keys of plurals(parse(AR[id]!))) expect(keys, id).toEqual(forms);
    }
  });

  it('every problem message of the catalogs belongs to a code', () => {
    const codes = new Set<string>(PROBLEM_CODES);
    const frames = new Set(['problem.atPath']);
    for (const id of Object.keys(EN).filter((k) => k.startsWith('problem.') && !frames.has(k)))
      expect(codes.has(id.slice('problem.'.length)), id).toBe(true);
  });

  it('words a problem in English for the CLI: its field first, numbers as JavaScript writes them', () => {
    const p = atPath(
      'spans[2]',
      problem('span.outOfRange', { start: 1200, end: 12345, length: 1000 }),
    );
    expect(problemText(p)).toBe(
      'spans[2]: offsets 1200–12345 are out of range (the text has 1000 code points)',
    );
    expect(problemText(problem('line.unknownSchema', { schema: 'x@9', reads: 'y@1' }))).toBe(
      "unknown schema 'x@9' (this version reads y@1)",
    );
  });

  it('an error carries its problem; its message is the English wording', () => {
    const err = new ProblemError(problem('file.empty'));
    expect(err.message).toBe('the file is empty');
    expect(problemOf(err)).toEqual({ code: 'file.empty' });
    expect(problemOf(new Error('x'))).toBeNull();
    expect(problemOf({ code: 'no-such-code' })).toBeNull();
  });
});
