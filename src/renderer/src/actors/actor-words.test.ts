// The actor form's refusals and warnings, and a dataset's holder actors that
// cannot be stored, read in the interface language: core gives codes and
// values, the catalogs word them (Arabic counts in their plural forms).
import { describe, expect, it } from 'vitest';
import { checkActor } from '@core/actors/model.ts';
import { createActor } from '@core/actors/operations.ts';
import type { UiLanguage } from '@core/i18n/locale.ts';
import type { ActorRecord } from '@core/model.ts';
import { atPath, problem } from '@core/problems/problem.ts';
import { phraseWords, problemWords } from '../i18n/problems.ts';
import type { Translate } from '../i18n/T.tsx';
import { translateIn, withoutIsolates } from '../test/translate.ts';

const translate = (lang: UiLanguage): Translate => translateIn(lang);

const kadhimi: ActorRecord = {
  id: 'k',
  nameAr: 'مصطفى الكاظمي',
  nameEn: 'Mustafa al-Kadhimi',
  kind: 'person',
  affiliation: null,
  aliases: ['رئيس الوزراء العراقي'],
  createdAt: 1,
  updatedAt: 1,
};

describe('actor problems in words', () => {
  it('a name taken by another actor: the form says which, in Arabic and English', () => {
    const r = createActor(
      { nameAr: 'مصطفى الكاظمى', nameEn: '', kind: 'person', affiliation: null, aliases: [] },
      [kadhimi],
      { id: 'x', now: 1 },
    );
    if (r.ok) throw new Error('accepted a duplicate');
    const e = r.errors[0]!;
    const line = (lang: UiLanguage) => {
      const t = translate(lang);
      return withoutIsolates(
        phraseWords(t, 'actors.errorIn', { field: e.field, message: problemWords(t, e.problem) }),
      );
    };
    expect(line('en')).toBe(
      'nameAr: “مصطفى الكاظمى” is already the actor مصطفى الكاظمي: choose it, or merge the two',
    );
    expect(line('ar')).toBe(
      'nameAr: «مصطفى الكاظمى» هو الفاعل مصطفى الكاظمي من قبل: اختره، أو ادمج الاثنين',
    );
  });

  it('a shared alias warns in both languages', () => {
    const r = createActor(
      {
        nameAr: 'عادل عبد المهدي',
        nameEn: '',
        kind: 'person',
        affiliation: null,
        aliases: ['رئيس الوزراء العراقي'],
      },
      [kadhimi],
      { id: 'a', now: 1 },
    );
    if (!r.ok) throw new Error('refused');
    const w = r.edit.warnings[0]!;
    expect(withoutIsolates(problemWords(translate('en'), w))).toMatch(
      /^“رئيس الوزراء العراقي” also names مصطفى الكاظمي: /u,
    );
    expect(withoutIsolates(problemWords(translate('ar'), w))).toMatch(
      /^«رئيس الوزراء العراقي» اسم لـمصطفى الكاظمي أيضًا: /u,
    );
  });

  it('field limits read with their numbers, Arabic in its plural forms', () => {
    const r = checkActor({ ...kadhimi, nameEn: 'x'.repeat(201), aliases: Array(101).fill('a') });
    if (r.ok) throw new Error('accepted');
    const [tooLong, tooMany] = r.errors.map((e) => e.problem);
    expect(problemWords(translate('en'), tooLong!)).toBe('at most 200 characters');
    expect(problemWords(translate('ar'), tooLong!)).toBe('200 حرف على الأكثر');
    expect(problemWords(translate('en'), tooMany!)).toBe('at most 100 aliases');
    expect(problemWords(translate('ar'), tooMany!)).toBe('100 اسم بديل على الأكثر');
    const few = problem('actor.tooManyAliases', { max: 3 });
    expect(problemWords(translate('ar'), few)).toBe('3 أسماء بديلة على الأكثر');
    const noName = checkActor({ ...kadhimi, nameAr: '', nameEn: '', aliases: [] });
    if (noName.ok) throw new Error('accepted');
    expect(problemWords(translate('ar'), noName.errors[0]!.problem)).toBe(
      'يحتاج الفاعل إلى اسم عربي أو إنجليزي',
    );
  });

  it("a dataset's holder actor kept as free text names it and why", () => {
    const note = problem('import.holderActorKept', {
      actor: 'a1',
      why: atPath('nameAr', problem('actor.nameTooLong', { max: 200 })),
    });
    expect(withoutIsolates(problemWords(translate('en'), note))).toBe(
      'holder actor a1: nameAr: at most 200 characters; its name is kept as free text',
    );
    expect(withoutIsolates(problemWords(translate('ar'), note))).toBe(
      'الفاعل صاحب الموقف a1: nameAr: 200 حرف على الأكثر؛ يبقى اسمه نصًا حرًا',
    );
  });
});
