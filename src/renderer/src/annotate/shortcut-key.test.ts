import { describe, expect, it } from 'vitest';
import { shortcutKey } from './useAnnotationKeys.ts';

const key = (k: string, code: string, shiftKey = false) => shortcutKey({ key: k, code, shiftKey });

describe('shortcutKey', () => {
  it('reads ASCII keys as typed, so other Latin layouts keep their letters', () => {
    expect(key('n', 'KeyN')).toBe('n');
    expect(key('z', 'KeyW')).toBe('z'); // AZERTY: Z sits where QWERTY has W
    expect(key('ArrowLeft', 'ArrowLeft')).toBe('ArrowLeft');
  });

  it('reads Arabic-layout keys by their position', () => {
    expect(key('ى', 'KeyN')).toBe('n');
    expect(key('ح', 'KeyP')).toBe('p');
    expect(key('ج', 'BracketLeft')).toBe('[');
    expect(key('د', 'BracketRight')).toBe(']');
    expect(key('؟', 'Slash', true)).toBe('?');
    expect(key('ئ', 'KeyZ')).toBe('z');
  });
});
