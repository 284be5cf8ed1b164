// The gazetteer a project keeps (cue phrases per label) is read from
// untrusted JSON: every problem is named with where it is.
import { describe, expect, it } from 'vitest';
import { gazetteerFromSpans, parseGazetteer } from './gazetteer.ts';

describe('parseGazetteer', () => {
  it('reads cue phrases per label, dropping repeats', () => {
    const r = parseGazetteer({ 'pro-withdrawal': ['لا حاجة لوجود قوات', 'انسحاب', 'انسحاب'] });
    expect(r).toEqual({ ok: true, value: { 'pro-withdrawal': ['لا حاجة لوجود قوات', 'انسحاب'] } });
  });

  it('names each bad entry by label and position', () => {
    const r = parseGazetteer({ 'pro-withdrawal': ['انسحاب', '', '   '], 'pro-coalition': 'تدريب' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      '"pro-withdrawal"[1]: a cue phrase must hold a word',
      '"pro-withdrawal"[2]: a cue phrase must hold a word',
      '"pro-coalition": Invalid input: expected array, received string',
    ]);
  });

  it('refuses what is not an object of lists, and a label key like __proto__ is just a key', () => {
    for (const v of [null, [], 'x', 3])
      expect(parseGazetteer(v)).toEqual({
        ok: false,
        errors: ['a gazetteer is a JSON object {"label": ["cue phrase", …]}'],
      });
    const r = parseGazetteer(JSON.parse('{"__proto__": ["انسحاب"]}'));
    expect(r.ok && Object.keys(r.value)).toEqual(['__proto__']);
  });

  it('derives cues from the analysts’ spans when the project keeps none', () => {
    const text = 'لا حاجة لوجود قوات أجنبية';
    expect(
      gazetteerFromSpans([
        {
          docId: 'd',
          text,
          annotatorId: 'a',
          spans: [
            { start: 0, end: 7, label: 'pro-withdrawal' },
            { start: 0, end: 7, label: 'pro-withdrawal' },
          ],
        },
      ]),
    ).toEqual({ 'pro-withdrawal': ['لا حاجة'] });
  });
});
