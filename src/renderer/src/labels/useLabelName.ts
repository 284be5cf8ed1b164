/**
 * A label's name in the interface language: its Arabic name in the Arabic
 * interface (when it has one), its English name otherwise. Labels are the
 * team's own data with both names (LabelDef), so every place that shows a
 * label by name (the span panel, the toolbar, the list, Analysis,
 * suggestions) words it the way the rest of the screen reads. The label
 * editor and the label panel show both names and do not use this.
 */
import { useCallback } from 'react';
import type { UiLanguage } from '@core/i18n/locale.ts';
import type { LabelDef } from '@core/model.ts';
import { useUiLocale } from '../i18n/I18nProvider.tsx';

/** `l`'s name in language `lang`; falls back to its name in the other language. */
export function labelNameIn(lang: UiLanguage, l: Pick<LabelDef, 'name' | 'nameAr'>): string {
  const ar = l.nameAr.trim();
  if (lang === 'ar' && ar) return ar;
  return l.name.trim() ? l.name : ar;
}

/**
 * Returns a function naming a label in the interface language; a label not
 * (or no longer) defined is named by its key.
 */
export function useLabelName(): (
  l: Pick<LabelDef, 'name' | 'nameAr'> | undefined,
  key?: string,
) => string {
  const { lang } = useUiLocale();
  return useCallback((l, key = '') => (l ? labelNameIn(lang, l) : key), [lang]);
}
