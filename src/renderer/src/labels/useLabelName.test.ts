// A label is named in the interface language: its Arabic name in the Arabic
// interface, its English name in the English one, and the English name when
// the Arabic one is left blank (a label added by a colleague in English).
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '@core/labels.ts';
import { labelNameIn } from './useLabelName.ts';

describe('labelNameIn', () => {
  const withdrawal = DEFAULT_LABELS.find((l) => l.key === 'pro-withdrawal')!;
  it('uses the Arabic name in Arabic and the English name in English', () => {
    expect(labelNameIn('ar', withdrawal)).toBe('مؤيد للانسحاب');
    expect(labelNameIn('en', withdrawal)).toBe('Pro-withdrawal');
  });
  it('falls back to the English name when the Arabic one is blank', () => {
    expect(labelNameIn('ar', { name: 'Economic framing', nameAr: '  ' })).toBe('Economic framing');
  });
});
