// Numbers typed in either digit set read as the same value; anything else
// is refused rather than guessed.
import { describe, expect, it } from 'vitest';
import { parseDecimal } from './parse-number.ts';

describe('parseDecimal', () => {
  it('reads Western, Arabic-Indic and Eastern Arabic-Indic digits alike', () => {
    expect(parseDecimal('0.35')).toBe(0.35);
    expect(parseDecimal('٠٫٣٥')).toBe(0.35);
    expect(parseDecimal('٠.٣٥')).toBe(0.35);
    expect(parseDecimal('۰٫۳۵')).toBe(0.35);
    expect(parseDecimal(' 1 ')).toBe(1);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('0,5')).toBe(0.5);
  });

  it('refuses what is not one decimal number', () => {
    for (const bad of ['', ' ', 'abc', '0.3.5', '1e3', '٠٫٣x', '--1', 'Infinity'])
      expect(parseDecimal(bad), bad).toBeNull();
  });
});
