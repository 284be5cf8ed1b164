/**
 * Text measured for SVG charts (the Analysis charts, the agreement axis):
 * SVG text does not wrap or flow, so a chart that places labels side by
 * side must know how wide each one is, or Arabic and English labels overlap.
 * Widths come from a canvas in the chart's own font; the direction of a
 * label comes from its first strong character (as `dir="auto"` would), so
 * each label is anchored on the side where it starts.
 */
import { useEffect, useState } from 'react';

let context: CanvasRenderingContext2D | null | undefined;

/** The width in px of `text` set in `size`px `font` (a generous estimate without a canvas). */
export function textWidth(text: string, size: number, font: string): number {
  if (context === undefined) {
    context =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  if (!context) return text.length * size * 0.7;
  context.font = `${size}px ${font}`;
  return context.measureText(text).width;
}

const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const STRONG_LTR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/u;

/** The direction of `text` from its first strong character; `fallback` when it has none. */
export function textDirection(text: string, fallback: 'ltr' | 'rtl'): 'ltr' | 'rtl' {
  for (const ch of text) {
    if (STRONG_RTL.test(ch)) return 'rtl';
    if (STRONG_LTR.test(ch)) return 'ltr';
  }
  return fallback;
}

/**
 * The SVG text-anchor that makes text of direction `dir` start at x and
 * run to the right (`grows: 'right'`) or to the left of it.
 */
export function anchorFor(dir: 'ltr' | 'rtl', grows: 'left' | 'right'): 'start' | 'end' {
  return (dir === 'ltr') === (grows === 'right') ? 'start' : 'end';
}

/**
 * A number that changes once the document's web fonts have loaded, so a
 * chart measured with a fallback font measures again with its own.
 */
export function useFontsLoaded(): number {
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    const fonts = typeof document === 'undefined' ? undefined : document.fonts;
    if (!fonts) return;
    const bump = (): void => setLoaded((n) => n + 1);
    let live = true;
    void fonts.ready.then(() => live && bump());
    fonts.addEventListener('loadingdone', bump);
    return () => {
      live = false;
      fonts.removeEventListener('loadingdone', bump);
    };
  }, []);
  return loaded;
}
