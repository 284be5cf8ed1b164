// The interface's message catalogs: Arabic has every English message, with
// the same arguments, every message is valid ICU, Arabic counts read right
// in all six plural categories, and digits follow the chosen numbering
// system.
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import en from '../../src/core/i18n/messages/en.json';
import ar from '../../src/core/i18n/messages/ar.json';
import { intlLocale, systemLanguage } from '../../src/core/i18n/locale.ts';

const EN = en as Record<string, string>;
const AR = ar as Record<string, string>;

/** Argument names of a message and the options of each plural in it. */
function shape(ast: MessageFormatElement[], args = new Set<string>(), plurals: string[][] = []) {
  for (const el of ast) {
    if (
      el.type === TYPE.argument ||
      el.type === TYPE.number ||
      el.type === TYPE.date ||
      el.type === TYPE.time
    )
      args.add(el.value);
    if (el.type === TYPE.tag) {
      args.add(el.value);
      shape(el.children, args, plurals);
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      args.add(el.value);
      if (el.type === TYPE.plural) plurals.push(Object.keys(el.options));
      for (const o of Object.values(el.options)) shape(o.value, args, plurals);
    }
  }
  return { args, plurals };
}

const format = (locale: string, id: string, values: Record<string, unknown>): string =>
  String(new IntlMessageFormat(AR[id]!, locale).format(values as never));

describe('message catalogs', () => {
  it('Arabic has exactly the English message ids', () => {
    expect(Object.keys(AR).sort()).toEqual(Object.keys(EN).sort());
  });

  it('every message is valid ICU and Arabic uses the same arguments as English', () => {
    for (const id of Object.keys(EN)) {
      const e = shape(parse(EN[id]!));
      const a = shape(parse(AR[id]!));
      expect([...a.args].sort(), id).toEqual([...e.args].sort());
    }
  });

  it('every Arabic plural has the one, two, few, many and other forms', () => {
    for (const id of Object.keys(AR)) {
      for (const options of shape(parse(AR[id]!)).plurals) {
        if (options.every((o) => o.startsWith('='))) continue;
        for (const form of ['one', 'two', 'few', 'many', 'other'])
          expect(options, `${id} lacks "${form}"`).toContain(form);
      }
    }
  });

  it('document counts read right in Arabic for 0, 1, 2, 3, 11 and 100', () => {
    const read = (n: number): string =>
      format(intlLocale('ar', 'latn'), 'docs.count', { shown: n, count: n });
    expect(read(0)).toBe('0 من 0 وثيقة');
    expect(read(1)).toBe('1 من وثيقة واحدة');
    expect(read(2)).toBe('2 من وثيقتين');
    expect(read(3)).toBe('3 من 3 وثائق');
    expect(read(11)).toBe('11 من 11 وثيقة');
    expect(read(100)).toBe('100 من 100 وثيقة');
  });

  it('span counts read right in Arabic for 0, 1, 2, 3, 11 and 100', () => {
    const read = (n: number): string =>
      format(intlLocale('ar', 'latn'), 'spans.heading', { count: n }) +
      ' | ' +
      format(intlLocale('ar', 'latn'), 'cleanup.locked', { count: n });
    expect(read(0)).toBe('المقاطع (0) | النص ثابت: في هذه الوثيقة 0 مقطع.');
    expect(read(1)).toBe('المقاطع (1) | النص ثابت: في هذه الوثيقة مقطع واحد.');
    expect(read(2)).toBe('المقاطع (2) | النص ثابت: في هذه الوثيقة مقطعان.');
    expect(read(3)).toBe('المقاطع (3) | النص ثابت: في هذه الوثيقة 3 مقاطع.');
    expect(read(11)).toBe('المقاطع (11) | النص ثابت: في هذه الوثيقة 11 مقطعًا.');
    expect(read(100)).toBe('المقاطع (100) | النص ثابت: في هذه الوثيقة 100 مقطع.');
  });

  it('writes Arabic-Indic or Western digits as chosen', () => {
    expect(format(intlLocale('ar', 'arab'), 'docs.count', { shown: 3, count: 11 })).toBe(
      '٣ من ١١ وثيقة',
    );
    expect(format(intlLocale('ar', 'latn'), 'docs.count', { shown: 3, count: 11 })).toBe(
      '3 من 11 وثيقة',
    );
    const en3 = new IntlMessageFormat(EN['docs.count']!, intlLocale('en', 'arab'));
    expect(en3.format({ shown: 1, count: 2 })).toBe('١ of ٢ documents');
  });

  it('follows the system language: Arabic for any ar tag, else English', () => {
    expect(systemLanguage(['ar-EG'])).toBe('ar');
    expect(systemLanguage(['fr-FR', 'ar'])).toBe('ar');
    expect(systemLanguage(['en-US', 'ar'])).toBe('en');
    expect(systemLanguage(['de-DE'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });
});
