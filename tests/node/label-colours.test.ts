// Label colours stay apart for colour-blind analysts (issue 14): each
// colour a label can get (LABEL_PALETTE, in the order new labels take
// them) is simulated as seen with protanopia, deuteranopia and tritanopia
// (culori's filters: Machado, Oliveira & Fernandes 2009, full severity),
// and every pair must stay at least MIN_PAIR apart in CIEDE2000, and every
// colour at least MIN_GROUND from the page and panel backgrounds of both
// themes (tokens.css), so its underline shows. Colour is never the only
// cue: each of those labels also gets an underline pattern of its own
// (src/renderer/src/annotate/label-patterns.test.ts).
import { readFileSync } from 'node:fs';
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  formatHex,
  parse,
  type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { LABEL_PALETTE } from '../../src/core/labels.ts';

/**
 * Least CIEDE2000 difference between two label colours as a dichromat sees
 * them. About 2 is "just noticeable side by side"; 10 keeps two thin
 * underlines apart at a glance, a line apart in running text.
 */
const MIN_PAIR = 10;
/** Least difference between a label colour and a background it is drawn on. */
const MIN_GROUND = 15;

const VISIONS: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};
const delta = differenceCiede2000();

function colour(hex: string): Color {
  const c = parse(hex);
  if (!c) throw new Error(`not a colour: ${hex}`);
  return c;
}

/** The values of `names` in the light theme (`:root`) and the dark one, from tokens.css. */
function themeColours(names: string[]): Record<'light' | 'dark', string[]> {
  const css = readFileSync(new URL('../../src/renderer/src/tokens.css', import.meta.url), 'utf8');
  const dark = css.indexOf('prefers-color-scheme: dark');
  expect(dark).toBeGreaterThan(0);
  const pick = (part: string): string[] =>
    names.map((n) => {
      const m = new RegExp(`${n}:\\s*(#[0-9a-fA-F]{3,8})`).exec(part);
      if (!m) throw new Error(`tokens.css: no ${n} in this theme`);
      return m[1]!;
    });
  return { light: pick(css.slice(0, dark)), dark: pick(css.slice(dark)) };
}

describe('label colours under colour-blindness', () => {
  for (const [vision, see] of Object.entries(VISIONS)) {
    it(`every pair of label colours stays apart with ${vision}`, () => {
      const seen = LABEL_PALETTE.map((hex) => see(colour(hex)));
      const close: string[] = [];
      for (let i = 0; i < seen.length; i++) {
        for (let j = i + 1; j < seen.length; j++) {
          const d = delta(seen[i]!, seen[j]!);
          if (d < MIN_PAIR) {
            close.push(
              `${LABEL_PALETTE[i]} / ${LABEL_PALETTE[j]} seen as ${formatHex(seen[i]!)} / ${formatHex(seen[j]!)}: ΔE00 ${d.toFixed(1)}`,
            );
          }
        }
      }
      expect(close).toEqual([]);
    });

    it(`every label colour shows on both themes' backgrounds with ${vision}`, () => {
      const grounds = themeColours(['--bg', '--surface']);
      const faint: string[] = [];
      for (const [theme, hexes] of Object.entries(grounds)) {
        for (const ground of hexes) {
          for (const hex of LABEL_PALETTE) {
            const d = delta(see(colour(hex)), see(colour(ground)));
            if (d < MIN_GROUND) faint.push(`${hex} on ${theme} ${ground}: ΔE00 ${d.toFixed(1)}`);
          }
        }
      }
      expect(faint).toEqual([]);
    });
  }
});
