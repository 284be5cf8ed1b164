// Holder proposals on the five seed articles, as the app stores them
// (prepareArticle), for the five stances of issue 15 and more statements by
// the same people: the first proposal names who said it, among nineteen
// actors (people, factions, governments, states) named all over the texts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposeFromScan } from '../../src/core/actors/propose.ts';
import { scanText } from '../../src/core/actors/text-scan.ts';
import { prepareArticle } from '../../src/core/import/prepare.ts';
import type { AttributionKind } from '../../src/core/model.ts';
import { utf16ToCp } from '../../src/core/offsets.ts';
import { IRAQ_ACTORS } from './fixtures/iraq-actors.ts';

const FILES = [
  '000_1657261326c80e5f',
  '001_29400f97fdbec8ff',
  '002_11f411e90ec78642',
  '003_fa21b2dda6de4db5',
  '004_8671c16eaac51af9',
];

function article(n: number): string {
  const name = `${FILES[n]}.txt`;
  const r = prepareArticle({ name, bytes: readFileSync(`resources/corpus/${name}`) });
  if (!r.ok) throw new Error(r.reason);
  return r.input.text;
}

const scans = FILES.map((_, i) => {
  const text = article(i);
  return { text, scan: scanText(text, IRAQ_ACTORS) };
});

/** The proposal for a span over the first occurrence of `quote` in article `n`. */
function propose(n: number, quote: string) {
  const { text, scan } = scans[n]!;
  const u = text.indexOf(quote);
  expect(u, `“${quote}” is in article ${n}`).toBeGreaterThanOrEqual(0);
  return proposeFromScan(scan, {
    start: utf16ToCp(text, u),
    end: utf16ToCp(text, u + quote.length),
  });
}

type Case = [article: number, quote: string, attribution: AttributionKind];

const STANCES: Record<string, { who: string; cases: Case[] }> = {
  'Kadhimi: no foreign combat forces are needed': {
    who: 'kadhimi',
    cases: [
      [0, 'لا توجد حاجة لأي قوات قتالية أجنبية على الأراضي العراقية', 'direct-quote'],
      [0, 'بلاده لم تعد بحاجة إلى قوات قتالية أميركية', 'reported-speech'],
      [0, 'أي جدول زمني للانسحاب سيعتمد على احتياجات القوات العراقية', 'reported-speech'],
      [0, 'الحرب ضد داعش واستعداد قواتنا تتطلب جدولاً زمنياً خاصاً', 'direct-quote'],
      [3, 'عدم حاجة العراق إلى وجود أي قوات قتالية أجنبية على أراضيه', 'direct-quote'],
      [
        0,
        'قال رئيس الوزراء العراقي، مصطفى الكاظمي، إن بلاده لم تعد بحاجة إلى قوات قتالية أميركية',
        'reported-speech',
      ],
    ],
  },
  "Khazali: Fuad Hussein's remark is regrettable": {
    who: 'khazali',
    cases: [
      [0, 'مؤسف للغاية ومرفوض', 'direct-quote'],
      [0, 'تسويق لمبررات الإدارة الأميركية لاستمرار تواجدها في البلاد', 'direct-quote'],
      [2, 'مؤسف', 'direct-quote'],
      [2, 'التصريح مرفوض ولا يعكس حقيقة القدرات التي وصلت إليها القوات العراقية', 'direct-quote'],
    ],
  },
  'Fuad Hussein: training is still needed': {
    who: 'fuad',
    cases: [
      [
        1,
        'نحتاج إلى تعاون في المجال الاستخباراتي، وتقديم المساعدة في ما يتعلق بالتدريب',
        'direct-quote',
      ],
      [1, 'لا نحتاج لأي مقاتلين لأن لدينا قواتنا', 'direct-quote'],
      [
        2,
        'لا تزال بحاجة إلى البرامج التي تقدمها الولايات المتحدة المتعلقة بالتدريب',
        'direct-quote',
      ],
      [
        3,
        'القوات الأمنيّة ما تزال بحاجة إلى البرامج التي تقدمها الولايات المتحدة الأميركية المتعلقة بالتدريب',
        'direct-quote',
      ],
    ],
  },
  'Safeen Dizayee: the region does not back withdrawal': {
    who: 'dizayee',
    cases: [
      [0, 'الإقليم ليس مع انسحابها', 'reported-speech'],
      [0, 'العراق لا يزال بحاجة إلى بقاء قوات التحالف الدولي', 'reported-speech'],
      [0, 'هناك فراغاً أمنياً كبيراً في هذا البلد', 'direct-quote'],
    ],
  },
  'Nechirvan Barzani: welcomes a long-term partnership': {
    who: 'nechirvan',
    cases: [
      [4, 'أرحب بنتائج الحوار الستراتيجي بين الولايات المتحدة والعراق', 'direct-quote'],
      [4, 'إنها خطوة مهمة نحو تعزيز الشراكة الستراتيجية طويلة الأمد', 'direct-quote'],
      [4, 'ترحيبه بنتائج الحوار الستراتيجي بين الولايات المتحدة والعراق', 'reported-speech'],
      [4, 'نتائج الحوار الستراتيجي خطوة مهمة نحو تعزيز شراكة طويلة الأمد', 'reported-speech'],
    ],
  },
};

describe('holder proposals on the seed articles', () => {
  for (const [stance, { who, cases }] of Object.entries(STANCES))
    it(stance, () => {
      for (const [n, quote, attribution] of cases) {
        const p = propose(n, quote);
        const where = `article ${n}: “${quote}”`;
        expect(p.holders[0]?.actorId, where).toBe(who);
        expect(p.holders[0]?.basis, where).toBe('speaker');
        // The runner-up, if any, is far behind: one key confirms with confidence.
        expect(p.holders[1]?.score ?? 0, where).toBeLessThan(p.holders[0]!.score / 1.5);
        expect(p.attribution[0]!.kind, where).toBe(attribution);
      }
    });

  it("the outlet's own voice: no speaker is proposed with confidence", () => {
    const p = propose(
      2,
      'يبدو أن الولايات المتحدة تحاول توظيف الأسلوب الدبلوماسي الهادئ لتحقيق أهدافها',
    );
    expect(p.holders.filter((h) => h.basis === 'speaker')).toEqual([]);
    expect(p.attribution[0]!.kind).toBe('outlet-voice');
  });

  it('a speaker who is not an actor yet is offered for creation', () => {
    const p = propose(2, 'الخيار الوحيد لإخراج القوات الأمريكية المحتلة من العراق');
    expect(p.holders.filter((h) => h.basis === 'speaker')).toEqual([]);
    expect(p.unknownSpeaker?.text).toBe('فصائل المقاومة');
  });
});
