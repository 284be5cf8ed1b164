/**
 * The reading pane's notice ("Undid: add pro-withdrawal span.") in the
 * interface language. Edit names carry the label's key (data); the notice
 * names the label as the label panel does, by its name in the interface
 * language (the Arabic name in Arabic), falling back to the key.
 */
import type { LabelDef } from '@core/model.ts';
import type { UiLanguage } from '@core/i18n/locale.ts';
import type { Phrase, PhraseValue } from '../failures.ts';
import { phraseWords } from '../i18n/problems.ts';
import { labelNameIn } from '../labels/useLabelName.ts';
import type { Translate } from '../i18n/T.tsx';

/** The name label `key` shows in language `lang`, or the key for a label not in `labels`. */
export function labelDisplayName(
  labels: readonly LabelDef[],
  lang: UiLanguage,
  key: string,
): string {
  const l = labels.find((x) => x.key === key);
  return l ? labelNameIn(lang, l) || key : key;
}

/** `p` with every `label` value (a label key), at any depth, replaced by `name(key)`. */
export function withLabelNames(p: Phrase, name: (key: string) => string): Phrase {
  if (!p.values) return p;
  const values: Record<string, PhraseValue> = {};
  for (const [k, v] of Object.entries(p.values))
    values[k] =
      typeof v === 'object'
        ? withLabelNames(v, name)
        : k === 'label' && typeof v === 'string'
          ? name(v)
          : v;
  return { id: p.id, values };
}

/** Notice `p` in words, labels named in language `lang`. */
export function noticeWords(
  t: Translate,
  p: Phrase,
  labels: readonly LabelDef[],
  lang: UiLanguage,
): string {
  const named = withLabelNames(p, (key) => labelDisplayName(labels, lang, key));
  return phraseWords(t, named.id, named.values);
}
