// The user guide exists in both interface languages, and every interface
// word it quotes («…») is one the interface really shows in that language,
// so the guide cannot drift from the catalogs unnoticed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../src/core/i18n/messages/en.json' with { type: 'json' };
import ar from '../../src/core/i18n/messages/ar.json' with { type: 'json' };

/** The catalog's texts with ICU arguments and tags taken out. */
function shownTexts(catalog: Record<string, string>): string[] {
  return Object.values(catalog).map((v) => v.replace(/<\/?\w+>/gu, ''));
}

function quoted(path: string): string[] {
  const text = readFileSync(new URL(`../../docs/${path}`, import.meta.url), 'utf8');
  return [...text.matchAll(/«([^»]+)»/gu)].map((m) => m[1]!);
}

describe('the user guide', () => {
  for (const [path, catalog, lang] of [
    ['user-guide.md', en, 'English'],
    ['user-guide.ar.md', ar, 'Arabic'],
  ] as const) {
    it(`${path} quotes only words the ${lang} interface shows`, () => {
      const texts = shownTexts(catalog);
      const terms = quoted(path).filter((t) => t !== 'quotes' && t !== '');
      expect(terms.length).toBeGreaterThan(10);
      const missing = terms.filter((t) => !texts.some((x) => x.includes(t)));
      expect(missing).toEqual([]);
    });
  }

  it('the Arabic guide is written right to left', () => {
    const text = readFileSync(new URL('../../docs/user-guide.ar.md', import.meta.url), 'utf8');
    expect(text.startsWith('<div dir="rtl" lang="ar">')).toBe(true);
  });
});
