// The suggestion worker as the app starts it, in real Chromium: Vite bundles
// the module worker, training runs there with progress, and suggestions
// come back with code-point offsets that slice to their quotes.
import { afterEach, describe, expect, it } from 'vitest';
import { startSuggestWorker, type SuggestWorker } from './suggest-client.ts';

const TEXT = 'قال الوزير: "لا حاجة لوجود القوات الأجنبية". نحتاج إلى تعاون في التدريب. وصل الوفد.';
const cpAt = (t: string, p: string) => {
  const start = Array.from(t.slice(0, t.indexOf(p))).length;
  return { start, end: start + Array.from(p).length };
};

let running: SuggestWorker | null = null;
afterEach(() => {
  running?.stop();
  running = null;
});

describe('the suggestion worker', () => {
  it('trains off the main thread and returns suggestions', async () => {
    running = startSuggestWorker();
    const { client } = running;
    await client.setAnnotations(
      Array.from({ length: 20 }, (_, i) => ({
        docId: `d${i}`,
        text: TEXT,
        annotatorId: 'omar',
        spans: [
          { ...cpAt(TEXT, 'لا حاجة لوجود القوات الأجنبية'), label: 'pro-withdrawal' },
          { ...cpAt(TEXT, 'نحتاج إلى تعاون في التدريب'), label: 'pro-coalition' },
        ],
      })),
    );
    const progress: number[] = [];
    const trained = await client.train({ bits: 16, epochs: 30 }, (done) => progress.push(done))
      .result;
    expect(trained?.summary.texts).toBe(20);
    expect(progress.length).toBeGreaterThan(1);
    const text = '👍🏽 أكد النائب أن "لا حاجة لوجود القوات الأجنبيّة"، ونحتاج إلى تعاون في التدريب.';
    const suggestions = await client.suggest({ docId: 'new', text });
    expect(suggestions.filter((s) => s.source === 'model').map((s) => [s.quote, s.label])).toEqual([
      ['لا حاجة لوجود القوات الأجنبيّة', 'pro-withdrawal'],
      ['ونحتاج إلى تعاون في التدريب', 'pro-coalition'],
    ]);
    for (const s of suggestions)
      expect(Array.from(text).slice(s.start, s.end).join('')).toBe(s.quote);
    const all = await client.occurrences('القوات الأجنبية', { label: 'pro-withdrawal' });
    expect(all.map((s) => s.docId)).toContain('new');
  }, 120_000);
});
