// Labels are told apart by pattern as well as colour.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '@core/labels.ts';
import { PATTERNS, patternOf } from './label-patterns.ts';

describe('label patterns', () => {
  it('gives each of the first five labels its own pattern', () => {
    const labels = DEFAULT_LABELS.slice(0, 5);
    const used = labels.map((l) => patternOf(labels, l.key));
    expect(new Set(used).size).toBe(Math.min(5, labels.length));
    expect(used[0]).toBe('solid');
  });
  it('a label outside the set is underlined solid', () => {
    expect(patternOf(DEFAULT_LABELS, 'not-a-label')).toBe('solid');
    expect(PATTERNS).toHaveLength(5);
  });
});
