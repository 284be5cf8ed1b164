/**
 * The default label set for the US–Iraq strategic dialogue corpus. Colours
 * come from the Okabe–Ito palette, which stays distinguishable under the
 * common forms of colour blindness.
 */
import type { LabelDef } from './model.ts';

/** Okabe–Ito colours, in the order new labels get them. */
export const LABEL_PALETTE = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#F0E442', // yellow
  // Brown, not Okabe–Ito's black: black vanished on the dark theme
  // (tests/node/label-colours.test.ts checks every colour on both themes).
  '#773300',
] as const;

/** The label set a fresh profile starts with. */
export const DEFAULT_LABELS: readonly LabelDef[] = [
  {
    key: 'pro-withdrawal',
    name: 'Pro-withdrawal',
    nameAr: 'مؤيد للانسحاب',
    color: LABEL_PALETTE[0],
    hotkey: 1,
    definition: 'Supports ending the US combat mission or withdrawing foreign forces from Iraq.',
    examples: ['لا حاجة لوجود قوات قتالية أجنبية على الأراضي العراقية'],
    order: 0,
  },
  {
    key: 'pro-coalition',
    name: 'Pro-coalition',
    nameAr: 'مؤيد لبقاء التحالف',
    color: LABEL_PALETTE[1],
    hotkey: 2,
    definition:
      'Supports keeping the US-led coalition in Iraq, in a combat, training or advisory role.',
    examples: ['استمرار دعم التحالف الدولي في مجالات التدريب والاستشارة'],
    order: 1,
  },
  {
    key: 'kurdish-skepticism',
    name: 'Kurdish skepticism',
    nameAr: 'تشكك كردي',
    color: LABEL_PALETTE[2],
    hotkey: 3,
    definition:
      'Kurdish voices doubting the withdrawal, its timing, or what it means for the Kurdistan Region.',
    examples: ['الانسحاب سيترك فراغاً أمنياً في المناطق المتنازع عليها'],
    order: 2,
  },
];

/** A label key from a free-form name: lower-case, hyphenated, Arabic kept. */
export function labelKeyFromName(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
