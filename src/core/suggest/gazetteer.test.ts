// The gazetteer a project keeps (cue phrases per label) is read from
// untrusted JSON: every problem is named with where it is.
import { describe, expect, it } from 'vitest';
import { problemText } from '../problems/problem.ts';
import { gazetteerFromSpans, GAZETTEER_LIMITS, parseGazetteer } from './gazetteer.ts';

describe('parseGazetteer', () => {
  it('reads cue phrases per label, dropping repeats', () => {
    const r = parseGazetteer({ 'pro-withdrawal': ['لا حاجة لوجود قوات', 'انسحاب', 'انسحاب'] });
    expect(r).toEqual({ ok: true, value: { 'pro-withdrawal': ['لا حاجة لوجود قوات', 'انسحاب'] } });
  });

  it('names each bad entry by label and position', () => {
    const r = parseGazetteer({ 'pro-withdrawal': ['انسحاب', '', '   '], 'pro-coalition': 'تدريب' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual([
      '"pro-withdrawal"[1]',
      '"pro-withdrawal"[2]',
      '"pro-coalition"',
    ]);
    // The CLI's English wording, from the same catalog the interface words it with.
    expect(r.errors.map(problemText)).toEqual([
      '"pro-withdrawal"[1]: a cue phrase must hold a word',
      '"pro-withdrawal"[2]: a cue phrase must hold a word',
      '"pro-coalition": Invalid input: expected array, received string',
    ]);
  });

  it('refuses what is not an object of lists, and a label key like __proto__ is just a key', () => {
    for (const v of [null, [], 'x', 3])
      expect(parseGazetteer(v)).toEqual({ ok: false, errors: [{ code: 'gazetteer.notObject' }] });
    expect(problemText({ code: 'gazetteer.notObject' })).toBe(
      'a gazetteer is a JSON object {"label": ["cue phrase", …]}',
    );
    const r = parseGazetteer(JSON.parse('{"__proto__": ["انسحاب"]}'));
    expect(r.ok && Object.keys(r.value)).toEqual(['__proto__']);
  });

  it('names the limits a hostile list runs into, with the limit as a number', () => {
    const long = 'ق'.repeat(GAZETTEER_LIMITS.phraseLength + 1);
    const many = Array.from({ length: GAZETTEER_LIMITS.phrasesPerLabel + 1 }, (_, i) => `ع${i}`);
    const r = parseGazetteer({ a: [long], b: many, '': ['x'] });
    expect(r.ok === false && r.errors).toEqual([
      { code: 'gazetteer.phraseTooLong', values: { max: 500 }, path: '"a"[0]' },
      { code: 'gazetteer.tooManyPhrases', values: { max: 5000 }, path: '"b"' },
      { code: 'gazetteer.emptyLabel', path: '""' },
    ]);
    const labels = Object.fromEntries(
      Array.from({ length: GAZETTEER_LIMITS.labels + 1 }, (_, i) => [`l${i}`, ['x']]),
    );
    const r2 = parseGazetteer(labels);
    expect(r2.ok === false && r2.errors.map(problemText)).toEqual(['at most 200 labels']);
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
