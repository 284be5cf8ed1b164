// Proves the suggesters' offsets in Python's own terms: python3 slices each
// proposed span out of its text (code points), and must get its quote, for
// texts with emoji, flags, ZWJ sequences and combining marks before the
// spans. Where python3 is absent the reference is Array.from code points,
// and the test title says so.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SuggestEngine } from '../../src/core/suggest/engine.ts';
import { cpLength } from '../../src/core/offsets.ts';

const hasPython = spawnSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' }).stdout === '1\n';
const REF = hasPython ? 'python3' : 'JavaScript (Array.from code points; python3 is absent)';

function slices(items: { text: string; start: number; end: number }[]): string[] {
  if (!hasPython) return items.map((i) => Array.from(i.text).slice(i.start, i.end).join(''));
  const py =
    'import json,sys\nfor d in json.load(sys.stdin): print(json.dumps(d["text"][d["start"]:d["end"]]))';
  const out = execFileSync('python3', ['-c', py], {
    input: JSON.stringify(items),
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as string);
}

const TRAIN = 'قال 👨‍👩‍👧 الوزير: لا حاجة لوجود القوات الأجنبية. نحتاج إلى تعاون في التدريب.';
const NEW = [
  '🇮🇶 e\u0301 قال النائب: لا حاجة لوجود القوات الأجنبيّة، وقال آخر: نحتاج إلى تعاون في التدريب.',
  '👍🏽👍🏽 والقوات الأجنبية باقية. ولا حاجة لوجود القوات الاجنبية!',
];

function at(text: string, phrase: string): { start: number; end: number } {
  const start = cpLength(text.slice(0, text.indexOf(phrase)));
  return { start, end: start + cpLength(phrase) };
}

describe(`suggestion offsets in Python terms, reference: ${REF}`, () => {
  it(`${REF} slices every matcher, baseline and model proposal to its quote`, async () => {
    const engine = new SuggestEngine();
    engine.setAnnotations([
      {
        docId: 't',
        text: TRAIN,
        annotatorId: 'omar',
        spans: [
          { ...at(TRAIN, 'لا حاجة لوجود القوات الأجنبية'), label: 'pro-withdrawal' },
          { ...at(TRAIN, 'نحتاج إلى تعاون في التدريب'), label: 'pro-coalition' },
        ],
      },
    ]);
    await engine.train({ epochs: 20 });
    const proposals = NEW.flatMap((text, i) =>
      engine.suggest({ docId: `n${i}`, text }).map((s) => ({ ...s, text })),
    );
    // Each suggester proposed something in each new text.
    for (const source of ['matcher', 'cue-sentence', 'model'])
      expect(proposals.filter((p) => p.source === source).length).toBeGreaterThanOrEqual(2);
    expect(slices(proposals)).toEqual(proposals.map((p) => p.quote));
    const all = engine.occurrences('القوات الأجنبية', { label: 'pro-withdrawal' });
    expect(all).toHaveLength(4);
    expect(
      slices(all.map((o) => ({ ...o, text: o.docId === 't' ? TRAIN : NEW[Number(o.docId[1])]! }))),
    ).toEqual(all.map((o) => o.quote));
  }, 120_000);
});
