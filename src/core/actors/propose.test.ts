import { describe, expect, it } from 'vitest';
import type { ActorRecord } from '../model.ts';
import { cpLength, utf16ToCp } from '../offsets.ts';
import { proposeAttribution } from './propose.ts';
import { cueOf } from './reporting.ts';
import { scanWords } from './text-scan.ts';

function actor(
  id: string,
  nameAr: string,
  aliases: string[] = [],
  kind: ActorRecord['kind'] = 'person',
): ActorRecord {
  return { id, nameAr, nameEn: '', kind, affiliation: null, aliases, createdAt: 0, updatedAt: 0 };
}

const KADHIMI = actor('kadhimi', 'مصطفى الكاظمي', ['الكاظمي', 'رئيس الوزراء العراقي']);
const FUAD = actor('fuad', 'فؤاد حسين', ['وزير الخارجية العراقي']);
const KHAZALI = actor('khazali', 'قيس الخزعلي', ['الخزعلي']);
const IRAQ = actor('iraq', 'العراق', [], 'state');
const ACTORS = [KADHIMI, FUAD, KHAZALI, IRAQ];

/** Proposes for the first occurrence of `quote` in `text`. */
function propose(text: string, quote: string, actors = ACTORS) {
  const u = text.indexOf(quote);
  if (u < 0) throw new Error(`no “${quote}” in the text`);
  return proposeAttribution(
    text,
    { start: utf16ToCp(text, u), end: utf16ToCp(text, u + quote.length) },
    actors,
  );
}

describe('scanning words', () => {
  it('folds words, keeps code-point offsets, and marks quoted words', () => {
    const text = 'قالَ 👍🏽 الكاظمـــي: "لا حاجة".\nثم';
    const { words } = scanWords(text);
    expect(words.map((w) => w.text)).toEqual(['قال', 'الكاظمي', 'لا', 'حاجه', 'ثم']);
    const k = words[1]!;
    expect([...text].slice(k.start, k.end).join('')).toBe('الكاظمـــي');
    expect(words.map((w) => w.quoted)).toEqual([false, false, true, true, false]);
    expect(words[2]!.before).toBe(':"');
    expect(words.map((w) => [w.sentence, w.paragraph])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [2, 1],
    ]);
    expect(words.at(-1)!.end).toBe(cpLength(text));
  });

  it('keeps a decimal number in one word', () => {
    expect(scanWords('بلغ 3315.84 دولار.').words.map((w) => w.text)).toEqual([
      'بلغ',
      '3315.84',
      'دولار',
    ]);
  });

  it('knows reporting cues with their conjunction', () => {
    expect(cueOf('وقال')).toEqual({ kind: 'verb', word: 'قال' });
    expect(cueOf('فاضاف')).toEqual({ kind: 'verb', word: 'اضاف' });
    expect(cueOf('مضيفا')).toEqual({ kind: 'participle', word: 'مضيفا' });
    expect(cueOf('وبحسب')).toEqual({ kind: 'according', word: 'بحسب' });
    expect(cueOf('قوله')).toEqual({ kind: 'said-noun', word: 'قوله' });
    expect(cueOf('وصل')).toBeNull();
    expect(cueOf('يذكر')).toBeNull();
  });
});

describe('holder proposals', () => {
  it('names the speaker of the reporting verb, whatever the diacritics and clitics', () => {
    const text = 'وأضافَ الكاظِمـي: "لا توجد حاجة لأي قوات قتالية أجنبية".';
    const p = propose(text, 'لا توجد حاجة لأي قوات قتالية أجنبية');
    expect(p.holders[0]).toMatchObject({ actorId: 'kadhimi', basis: 'speaker' });
    expect(p.holders[0]!.reasons[0]).toBe('“الكاظمي” is the speaker of the reporting word “وأضافَ”');
    expect(p.attribution[0]!.kind).toBe('direct-quote');
    const withClitic = propose('وقال للكاظمي مستشاره إن الانسحاب ضروري.', 'الانسحاب ضروري');
    expect(withClitic.holders[0]?.actorId).toBe('kadhimi');
  });

  it('passes over an actor named in what the speaker says', () => {
    const text =
      'قال الأمين العام لحركة "عصائب أهل الحق" قيس الخزعلي، إن تصريح وزير الخارجية العراقي فؤاد حسين "مؤسف ومرفوض".';
    const p = propose(text, 'مؤسف ومرفوض');
    expect(p.holders[0]).toMatchObject({ actorId: 'khazali', basis: 'speaker' });
    // Fuad Hussein is nearer, but he is what Khazali talks about.
    expect(p.holders.find((h) => h.actorId === 'fuad')).toBeUndefined();
  });

  it('continues the speaker through a cue that names no one (وتابع، مشيراً)', () => {
    const text =
      'وقال وزير الخارجية العراقي فؤاد حسين: "لا نحتاج لأي مقاتلين". وتابع: "نحتاج إلى التدريب".';
    const p = propose(text, 'نحتاج إلى التدريب');
    expect(p.holders[0]).toMatchObject({ actorId: 'fuad', basis: 'speaker' });
    expect(p.holders[0]!.reasons[0]).toContain('“وتابع” names no speaker: it continues “وقال”');
    const part = propose(
      'قال الخزعلي إن تصريح وزير الخارجية العراقي "مؤسف"، مشيراً إلى أن "التصريح مرفوض".',
      'التصريح مرفوض',
    );
    expect(part.holders[0]?.actorId).toBe('khazali');
  });

  it('finds the speaker after the span, before the verb, and before a colon', () => {
    expect(propose('"الانسحاب ضروري"، قال الخزعلي.', 'الانسحاب ضروري').holders[0]?.actorId).toBe(
      'khazali',
    );
    expect(
      propose('وكان فؤاد حسين صرّح أن القوات بحاجة إلى التدريب.', 'القوات بحاجة إلى التدريب')
        .holders[0]?.actorId,
    ).toBe('fuad');
    expect(
      propose('الكاظمي: العراق لا يحتاج قوات قتالية', 'العراق لا يحتاج قوات قتالية').holders[0]
        ?.actorId,
    ).toBe('kadhimi');
  });

  it('finds the speaker when the span includes the attribution', () => {
    const text = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي، إن بلاده لم تعد بحاجة إلى قوات قتالية.';
    const p = propose(text, text.slice(0, -1));
    expect(p.holders[0]).toMatchObject({ actorId: 'kadhimi', basis: 'speaker' });
    expect(p.attribution[0]!.kind).toBe('reported-speech');
  });

  it('says when two actors share the name it found', () => {
    const other = actor('other', 'عادل عبد المهدي', ['رئيس الوزراء العراقي']);
    const p = propose('قال رئيس الوزراء العراقي إن الانسحاب ضروري.', 'الانسحاب ضروري', [
      KADHIMI,
      other,
    ]);
    expect(p.holders.map((h) => h.actorId).sort()).toEqual(['kadhimi', 'other']);
    expect(p.holders[0]!.reasons.at(-1)).toMatch(/“رئيس الوزراء العراقي” also names/);
  });

  it('offers the words naming an unknown speaker as a new actor', () => {
    const p = propose(
      'وقال المتحدث باسم البنتاغون جون كيربي إن المهمة لم تكن دائمة.',
      'المهمة لم تكن دائمة',
    );
    expect(p.holders).toEqual([]);
    expect(p.unknownSpeaker?.text).toBe('المتحدث باسم البنتاغون جون كيربي');
    expect(p.attribution[0]!.kind).toBe('reported-speech');
  });

  it("proposes the outlet's voice when nothing attributes the span, and nobody confidently", () => {
    const p = propose(
      'يبدو أن الولايات المتحدة تحاول البقاء أطول مدة ممكنة في العراق.',
      'الولايات المتحدة تحاول البقاء أطول مدة ممكنة',
    );
    expect(p.attribution[0]!.kind).toBe('outlet-voice');
    expect(p.holders.every((h) => h.basis === 'proximity')).toBe(true);
  });

  it('returns nothing for a span over no word', () => {
    const p = proposeAttribution('قال الكاظمي  إن', { start: 11, end: 13 }, ACTORS);
    expect(p.holders).toEqual([]);
    expect(p.unknownSpeaker).toBeNull();
  });
});
