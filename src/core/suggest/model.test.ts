// The clause model: clauses as analysts mark them, hashed n-gram features
// that ignore what the matcher ignores, a deterministic seeded softmax
// regression trained in steps, proposals whose offsets slice to their
// quotes, and the "most uncertain sentence" ranking.
import { describe, expect, it } from 'vitest';
import { clauses } from './clauses.ts';
import { clauseFeatures, ngramFeatures } from './features.ts';
import { DEFAULT_LINEAR, predictInto, Trainer, type Example } from './linear.ts';
import {
  clauseLabel,
  modelExamples,
  modelSuggestions,
  trainModel,
  uncertainSentences,
} from './model.ts';
import { scanWords } from './normalize.ts';
import type { AnnotatedText } from './types.ts';

const pySlice = (text: string, start: number, end: number): string =>
  Array.from(text).slice(start, end).join('');

describe('clauses', () => {
  it('break at clause punctuation, line breaks and contrastive openers, leaving quotes outside', () => {
    const text =
      'قال الوزير: "لا نحتاج لأي مقاتلين"، لكن العراق يحتاج إلى التدريب غير أن الموعد مجهول.\nوتابع 👍🏽 بيانه؛ انتهى';
    expect(clauses(text).map((c) => pySlice(text, c.start, c.end))).toEqual([
      'قال الوزير',
      'لا نحتاج لأي مقاتلين',
      'لكن العراق يحتاج إلى التدريب',
      'غير أن الموعد مجهول',
      // An emoji between words stays inside the clause, as written.
      'وتابع 👍🏽 بيانه',
      'انتهى',
    ]);
  });

  it('break at quotation marks: reported speech is a clause of its own', () => {
    const text = 'أكد أن "الانسحاب ضروري" في بيان «لا رجعة فيه»';
    expect(clauses(text).map((c) => pySlice(text, c.start, c.end))).toEqual([
      'أكد أن',
      'الانسحاب ضروري',
      'في بيان',
      'لا رجعة فيه',
    ]);
  });

  it('keep a number with its decimal point in one clause', () => {
    const text = 'بلغ السعر 3315.84 دولار، ثم انخفض';
    expect(clauses(text).map((c) => pySlice(text, c.start, c.end))).toEqual([
      'بلغ السعر 3315.84 دولار',
      'ثم انخفض',
    ]);
  });
});

describe('features', () => {
  const words = (t: string) => scanWords(t);
  const f = (t: string) => {
    const w = words(t);
    return clauseFeatures(w, 0, w.length, 18);
  };

  it('are distinct buckets with unit length, the same through tashkeel, tatweel and alef forms', () => {
    const a = f('القُوّاتُ الأجنبيّة');
    const b = f('القـوات الاجنبية');
    expect(Array.from(a.idx)).toEqual(Array.from(b.idx));
    expect(Array.from(a.val)).toEqual(Array.from(b.val));
    expect(new Set(a.idx).size).toBe(a.idx.length);
    expect(a.idx.every((i) => i >= 0 && i < 1 << 18)).toBe(true);
    const norm = Array.from(a.val).reduce((s, v) => s + v * v, 0);
    expect(norm).toBeCloseTo(1, 6);
  });

  it('count every 2- to 5-gram of the space-padded words', () => {
    // " ab " has 3 bigrams, 2 trigrams, 1 four-gram: 6 distinct n-grams, once each.
    const x = ngramFeatures(' ab ', 20);
    expect(x.idx.length).toBe(6);
    expect(Array.from(x.val)).toEqual(Array(6).fill(Math.fround(1 / Math.sqrt(6))));
    // " aa aa " repeats n-grams: " a" "aa" "a " " aa" "aa " " aa " twice, six others once.
    const y = ngramFeatures(' aa aa ', 20);
    const w = (c: number) => Math.fround(c / Math.sqrt(30));
    expect(Array.from(y.val).sort()).toEqual([...Array(6).fill(w(1)), ...Array(6).fill(w(2))]);
    expect(f('').idx.length).toBe(0);
  });
});

/** Three well-separated classes of clauses. */
function toyExamples(bits: number): Example[] {
  const make = (t: string, y: number): Example => {
    const w = scanWords(t);
    return { x: clauseFeatures(w, 0, w.length, bits), y };
  };
  return [
    make('لا نحتاج إلى قوات أجنبية', 1),
    make('يجب انسحاب القوات الأجنبية', 1),
    make('نحتاج إلى التدريب والتعاون', 2),
    make('استمرار دعم التحالف في التدريب', 2),
    make('وصل الوفد إلى واشنطن', 0),
    make('عقد الاجتماع يوم الخميس', 0),
  ];
}

describe('the linear model', () => {
  const classes = [null, 'pro-withdrawal', 'pro-coalition'];
  const options = { ...DEFAULT_LINEAR, bits: 14, epochs: 30 };

  it('learns separable classes', () => {
    const ex = toyExamples(14);
    const t = new Trainer(ex, classes, options);
    t.step();
    const m = t.model();
    const p = new Float64Array(3);
    for (const e of ex) {
      predictInto(m, e.x, p);
      expect(p.indexOf(Math.max(...p))).toBe(e.y);
    }
  });

  it('is deterministic: the same seed gives the same weights, in one go or in steps', () => {
    const a = new Trainer(toyExamples(14), classes, options);
    a.step();
    const b = new Trainer(toyExamples(14), classes, options);
    let steps = 0;
    while (!b.step(7)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(b.progress).toEqual({ done: 180, total: 180 });
    expect(Array.from(b.model().weights)).toEqual(Array.from(a.model().weights));
    expect(Array.from(b.model().bias)).toEqual(Array.from(a.model().bias));
    const c = new Trainer(toyExamples(14), classes, { ...options, seed: 2 });
    c.step();
    expect(Array.from(c.model().weights)).not.toEqual(Array.from(a.model().weights));
  });
});

describe('training examples', () => {
  it('label a clause by the span covering most of it, leave out clauses touched too little', () => {
    const c = { start: 0, end: 20 };
    expect(clauseLabel(c, [])).toBeNull();
    expect(clauseLabel(c, [{ start: 0, end: 12, label: 'a' }])).toBe('a');
    // A short span wholly inside a long clause still labels it (half of the span is inside).
    expect(clauseLabel(c, [{ start: 5, end: 9, label: 'a' }])).toBe('a');
    // A long span barely touching the clause: neither label nor none.
    expect(clauseLabel(c, [{ start: 18, end: 60, label: 'a' }])).toBeUndefined();
    expect(
      clauseLabel(c, [
        { start: 0, end: 5, label: 'a' },
        { start: 5, end: 20, label: 'b' },
      ]),
    ).toBe('b');
  });

  it('keep at most negativesPerPositive "none" clauses, a seeded sample', () => {
    const text = 'جملة أولى. جملة ثانية. جملة ثالثة. جملة رابعة. لا حاجة للقوات الأجنبية.';
    const at = Array.from(text.slice(0, text.indexOf('لا حاجة'))).length;
    const texts: AnnotatedText[] = [
      { docId: 'd', text, annotatorId: 'a', spans: [{ start: at, end: at + 22, label: 'w' }] },
    ];
    const opts = { ...DEFAULT_LINEAR, bits: 14, negativesPerPositive: 2 };
    const r = modelExamples(texts, opts);
    expect(r.classes).toEqual([null, 'w']);
    expect(r.summary).toEqual({
      labelled: { w: 1 },
      none: 2,
      ambiguous: 0,
      unsampled: 2,
      texts: 1,
    });
    expect(modelExamples(texts, opts).examples).toEqual(r.examples);
  });
});

describe('model proposals', () => {
  const train =
    'قال الوزير: لا نحتاج لأي مقاتلين أجانب. نحتاج إلى تعاون في مجال التدريب. وصل الوفد أمس.';
  const cpAt = (t: string, p: string) => {
    const start = Array.from(t.slice(0, t.indexOf(p))).length;
    return { start, end: start + Array.from(p).length };
  };
  const texts: AnnotatedText[] = [
    {
      docId: 't',
      text: train,
      annotatorId: 'a',
      spans: [
        { ...cpAt(train, 'لا نحتاج لأي مقاتلين أجانب'), label: 'pro-withdrawal' },
        { ...cpAt(train, 'نحتاج إلى تعاون في مجال التدريب'), label: 'pro-coalition' },
      ],
    },
  ];
  const { model } = trainModel(texts, {
    ...DEFAULT_LINEAR,
    bits: 16,
    epochs: 40,
    negativesPerPositive: 3,
  });

  it('propose clause spans with the label and its probability, offsets slicing to the quotes', () => {
    const text = '😀 أكد النائب: لا نحتاجُ لأي مقاتلين أجانب، ونحتاج إلى تعاون في التدريب';
    const s = modelSuggestions(model, { docId: 'n', text }, 0.5);
    expect(s.map((x) => [x.quote, x.label])).toEqual([
      ['لا نحتاجُ لأي مقاتلين أجانب', 'pro-withdrawal'],
      ['ونحتاج إلى تعاون في التدريب', 'pro-coalition'],
    ]);
    for (const x of s) {
      expect(pySlice(text, x.start, x.end)).toBe(x.quote);
      expect(x.score).toBeGreaterThan(0.5);
      expect(x.score).toBeLessThanOrEqual(1);
    }
  });

  it('rank sentences most uncertain first, leaving out those the caller skips', () => {
    const docs = [
      { docId: 'a', text: 'لا نحتاج لأي مقاتلين أجانب. وصل الوفد أمس.' },
      { docId: 'b', text: 'نحتاج مقاتلين للتدريب. رسالة غامضة تماما.' },
    ];
    const ranked = uncertainSentences(model, docs);
    expect(ranked).toHaveLength(4);
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i]!.uncertainty).toBeLessThanOrEqual(ranked[i - 1]!.uncertainty);
    // The clause most like training is among the surest.
    const sure = ranked.find((r) => r.docId === 'a' && r.start === 0)!;
    expect(ranked.indexOf(sure)).toBeGreaterThanOrEqual(2);
    expect(sure.label).toBe('pro-withdrawal');
    const skipped = uncertainSentences(model, docs, { skip: (d) => d === 'b', limit: 1 });
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.docId).toBe('a');
  });
});
