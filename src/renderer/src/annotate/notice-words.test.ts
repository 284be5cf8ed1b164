// Edit names read in the interface language: "Undid: …", "Redid: …" and
// "Saving the edit “…”" word the edit from the catalogs, counts in Arabic's
// plural forms and digits as chosen, labels by their name in the language.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '@core/labels.ts';
import type { DigitStyle, UiLanguage } from '@core/i18n/locale.ts';
import { phrase } from '../failures.ts';
import { phraseWords } from '../i18n/problems.ts';
import type { Translate } from '../i18n/T.tsx';
import { translateIn } from '../test/translate.ts';
import { editName } from './history.ts';
import { noticeWords } from './notice-words.ts';

const translate = (lang: UiLanguage, digits: DigitStyle, errors: string[]): Translate =>
  translateIn(lang, digits, errors);

describe('edit names', () => {
  it('"Undid: …" names the edit in Arabic, the label by its Arabic name', () => {
    const errors: string[] = [];
    const ar = translate('ar', 'arab', errors);
    const added = editName('edit.addSpan', { label: 'pro-withdrawal' });
    const label = DEFAULT_LABELS.find((l) => l.key === 'pro-withdrawal')!;
    expect(noticeWords(ar, phrase('actors.undone', { what: added }), DEFAULT_LABELS, 'ar')).toBe(
      `تراجعت عن: إضافة مقطع \u2068${label.nameAr}\u2069.`,
    );
    expect(noticeWords(ar, phrase('actors.redone', { what: added }), DEFAULT_LABELS, 'ar')).toBe(
      `أعدت: إضافة مقطع \u2068${label.nameAr}\u2069.`,
    );
    expect(noticeWords(ar, phrase('edit.nothingToUndo'), DEFAULT_LABELS, 'ar')).toBe(
      'لا شيء للتراجع عنه.',
    );
    // A label no longer in the set is named by its key.
    expect(
      noticeWords(
        ar,
        phrase('actors.undone', { what: editName('edit.relabelAs', { label: 'gone' }) }),
        DEFAULT_LABELS,
        'ar',
      ),
    ).toBe('تراجعت عن: تغيير التصنيف إلى \u2068gone\u2069.');
    expect(errors).toEqual([]);
  });

  it('the same edit in English keeps its English wording', () => {
    const errors: string[] = [];
    const en = translate('en', 'latn', errors);
    const label = DEFAULT_LABELS.find((l) => l.key === 'pro-withdrawal')!;
    const added = editName('edit.addSpan', { label: 'pro-withdrawal' });
    expect(noticeWords(en, phrase('actors.undone', { what: added }), DEFAULT_LABELS, 'en')).toBe(
      `Undid: add ${label.name} span.`,
    );
    expect(phraseWords(en, 'failureTask.saveEdit', { name: added })).toBe(
      'Saving the edit “add pro-withdrawal span”',
    );
    expect(
      phraseWords(en, 'actors.undone', { what: editName('edit.labelAll', { count: 1 }) }),
    ).toBe('Undid: label all 1 occurrence.');
    expect(
      phraseWords(en, 'actors.undone', { what: editName('edit.labelAll', { count: 12 }) }),
    ).toBe('Undid: label all 12 occurrences.');
    expect(errors).toEqual([]);
  });

  it('a count in an edit name takes its Arabic plural form, in the chosen digits', () => {
    const errors: string[] = [];
    const ar = translate('ar', 'arab', errors);
    const labelAll = (count: number): string =>
      phraseWords(ar, 'actors.undone', { what: editName('edit.labelAll', { count }) });
    expect(labelAll(1)).toBe('تراجعت عن: تصنيف الموضع الوحيد.');
    expect(labelAll(2)).toBe('تراجعت عن: تصنيف الموضعين كليهما.');
    expect(labelAll(3)).toBe('تراجعت عن: تصنيف المواضع كلها (٣ مواضع).');
    expect(labelAll(11)).toBe('تراجعت عن: تصنيف المواضع كلها (١١ موضعًا).');
    expect(labelAll(100)).toBe('تراجعت عن: تصنيف المواضع كلها (١٠٠ موضع).');
    const latn = translate('ar', 'latn', errors);
    expect(phraseWords(latn, 'edit.labelAll', { count: 11 })).toBe('تصنيف المواضع كلها (11 موضعًا)');
    expect(errors).toEqual([]);
  });

  it('a failed save, undo or redo names the edit in Arabic', () => {
    const errors: string[] = [];
    const ar = translate('ar', 'arab', errors);
    expect(phraseWords(ar, 'failureTask.saveEdit', { name: editName('edit.deleteSpan') })).toBe(
      'حفظ التعديل «حذف المقطع»',
    );
    expect(phraseWords(ar, 'failureTask.undoEdit', { name: editName('edit.setTarget') })).toBe(
      'التراجع عن التعديل «تحديد الهدف»',
    );
    expect(
      phraseWords(ar, 'failureTask.redoEdit', {
        name: editName('edit.labelAll', { count: 4 }),
      }),
    ).toBe('إعادة التعديل «تصنيف المواضع كلها (٤ مواضع)»');
    expect(errors).toEqual([]);
  });
});
