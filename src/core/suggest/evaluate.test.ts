// Held-out evaluation: leave-one-document-out span F1 per label, exactly as
// docs/agreement.md defines it, checked against figures worked out by hand;
// what each figure rests on; and when a suggester switches on.
import { describe, expect, it } from 'vitest';
import { evaluateSuggesters, suggesterSwitches } from './evaluate.ts';
import { DEFAULT_MODEL, trainModel } from './model.ts';
import type { AnnotatedText } from './types.ts';

const PHRASE = 'لا حاجة لوجود القوات الأجنبية';
const cpAt = (t: string, p: string) => {
  const start = Array.from(t.slice(0, t.indexOf(p))).length;
  return { start, end: start + Array.from(p).length };
};
const d1 = `${PHRASE}. وصل الوفد.`;
const d2 = `وصل الوزير. ${PHRASE}.`;
const d3 = `${PHRASE} هنا. وصل الوفد.`;
const TEXTS: AnnotatedText[] = [
  {
    docId: 'd1',
    text: d1,
    annotatorId: 'omar',
    spans: [{ ...cpAt(d1, PHRASE), label: 'pro-withdrawal' }],
  },
  {
    docId: 'd2',
    text: d2,
    annotatorId: 'omar',
    spans: [{ ...cpAt(d2, PHRASE), label: 'pro-withdrawal' }],
  },
  // Annotated, nothing marked: the phrase here is a negative.
  { docId: 'd3', text: d3, annotatorId: 'omar', spans: [] },
];

describe('evaluateSuggesters', () => {
  it('gives the matcher and the cue-sentence baseline the F1 worked out by hand', async () => {
    const ev = await evaluateSuggesters(TEXTS, { suggesters: ['matcher', 'cue-sentence'] });
    // Held out d1 (or d2): the phrase was seen in d2 and d3, labelled in d2 → score 1/2,
    // proposed exactly. Held out d3: seen and labelled in d1 and d2 → score 1, a false
    // positive. 2 reference spans, 3 proposals, 2 exact: F1 = 2·2/(2+3).
    const figure = { f1_exact: 0.8, f1_overlap: 0.8, documents: 2, reference: 2, suggested: 3 };
    expect(ev).toEqual({
      scheme: 'leave-one-document-out',
      folds: 3,
      documents: 3,
      annotations: 3,
      spans: 2,
      minScore: 0.5,
      labels: ['pro-withdrawal'],
      suggesters: {
        matcher: {
          labels: { 'pro-withdrawal': figure },
          macro: { f1_exact: 0.8, f1_overlap: 0.8 },
          reference: 2,
          suggested: 3,
        },
        // The whole sentence around the cue, trimmed to its words, is the span here.
        'cue-sentence': {
          labels: { 'pro-withdrawal': figure },
          macro: { f1_exact: 0.8, f1_overlap: 0.8 },
          reference: 2,
          suggested: 3,
        },
      },
    });
  });

  it('counts only proposals scoring at least minScore', async () => {
    const ev = await evaluateSuggesters(TEXTS, { suggesters: ['matcher'], minScore: 0.6 });
    // Only d3's proposal (score 1) is made: no match.
    expect(ev.suggesters.matcher!.labels['pro-withdrawal']).toEqual({
      f1_exact: 0,
      f1_overlap: 0,
      documents: 2,
      reference: 2,
      suggested: 1,
    });
  });

  it('deals documents into folds when asked for fewer folds than documents, and says so', async () => {
    const ev = await evaluateSuggesters(TEXTS, { suggesters: ['matcher'], maxFolds: 2 });
    expect([ev.scheme, ev.folds]).toEqual(['k-fold-by-document', 2]);
  });

  it('evaluates the model the same way, never above overlap F1, and reports progress per fold', async () => {
    const progress: number[] = [];
    const ev = await evaluateSuggesters(
      TEXTS,
      { suggesters: ['model'], model: { bits: 14, epochs: 20 } },
      { onProgress: (done) => progress.push(done) },
    );
    expect(progress).toEqual([1, 2, 3]);
    const f = ev.suggesters.model!.labels['pro-withdrawal']!;
    expect(f.reference).toBe(2);
    expect(f.f1_exact).not.toBeNull();
    expect(f.f1_exact!).toBeLessThanOrEqual(f.f1_overlap!);
  });
});

describe('label keys', () => {
  it('are only keys: __proto__, constructor and none are labels like any other', async () => {
    const texts = TEXTS.map((t, i) => ({
      ...t,
      spans: t.spans.map((s) => ({ ...s, label: ['__proto__', 'none'][i % 2]! })),
    }));
    texts[2] = { ...texts[2]!, spans: [{ start: 0, end: 2, label: 'constructor' }] };
    const ev = await evaluateSuggesters(texts, { model: { bits: 14, epochs: 5 } });
    expect(ev.labels).toEqual(['__proto__', 'constructor', 'none']);
    for (const s of Object.values(ev.suggesters))
      expect(Object.keys(s.labels)).toEqual(['__proto__', 'constructor', 'none']);
    expect(ev.suggesters.matcher!.labels['__proto__']!.reference).toBe(1);
    const { summary } = trainModel(texts, { ...DEFAULT_MODEL, bits: 14 });
    expect(Object.keys(summary.labelled)).toEqual(['__proto__', 'constructor', 'none']);
    expect(summary.labelled.none).toBe(1);
  }, 120_000);
});

describe('suggesterSwitches', () => {
  it('switches a suggester on when its held-out F1 reaches the threshold on enough spans', async () => {
    const ev = await evaluateSuggesters(TEXTS, { suggesters: ['matcher'] });
    expect(suggesterSwitches(ev, { threshold: 0.8, minSpans: 2 }).matcher).toEqual({
      on: true,
      f1: 0.8,
      reason: 'held-out overlap F1 0.800 reaches the threshold 0.8',
      why: { kind: 'reaches', metric: 'overlap', f1: 0.8, threshold: 0.8 },
      labels: ['pro-withdrawal'],
    });
    expect(suggesterSwitches(ev, { threshold: 0.9, minSpans: 2, metric: 'exact' }).matcher).toEqual(
      {
        on: false,
        f1: 0.8,
        reason: 'held-out exact F1 0.800 is below the threshold 0.9',
        why: { kind: 'below', metric: 'exact', f1: 0.8, threshold: 0.9 },
        labels: [],
      },
    );
    expect(suggesterSwitches(ev).matcher).toMatchObject({
      on: false,
      reason: "only 2 analysts' span(s) to judge by (needs 10)",
      why: { kind: 'few', spans: 2, minSpans: 10 },
    });
  });
});
