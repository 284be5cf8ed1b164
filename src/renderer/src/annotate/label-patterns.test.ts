// Labels are told apart by pattern as well as colour.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, LABEL_PALETTE } from '@core/labels.ts';
import type { LabelDef } from '@core/model.ts';
import { PATTERNS, patternOf } from './label-patterns.ts';

describe('label patterns', () => {
  it('gives each default label its own pattern', () => {
    const labels = DEFAULT_LABELS;
    const used = labels.map((l) => patternOf(labels, l.key));
    expect(new Set(used).size).toBe(labels.length);
    expect(used[0]).toBe('solid');
  });
  it('a label outside the set is underlined solid', () => {
    expect(patternOf(DEFAULT_LABELS, 'not-a-label')).toBe('solid');
    expect(PATTERNS).toHaveLength(8);
  });
  it('gives a label of each palette colour its own pattern, so colour is never the only cue', () => {
    // One label per colour, as a project that keeps adding labels gets them
    // (tests/node/label-colours.test.ts checks the colours themselves).
    const labels: LabelDef[] = LABEL_PALETTE.map((color, i) => ({
      ...DEFAULT_LABELS[0]!,
      key: `label-${i}`,
      name: `Label ${i}`,
      color,
      order: i,
    }));
    const used = labels.map((l) => patternOf(labels, l.key));
    expect(new Set(used).size).toBe(LABEL_PALETTE.length);
  });
});
