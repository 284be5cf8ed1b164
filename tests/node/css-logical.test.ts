// The renderer's layout mirrors in Arabic only if nothing is placed by
// physical side: every stylesheet and inline style uses logical properties
// (inline-start/end), never left/right. A declaration that really is
// physical (geometry measured with getBoundingClientRect) says so in a
// `/* physical: why */` comment right above it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../src/renderer');

function files(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, ext, out);
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

/** CSS declarations that name a physical horizontal side. */
const PHYSICAL_CSS = [
  /(?:^|[\s;{])(left|right)\s*:/,
  /\b(margin|padding|border|scroll-margin|scroll-padding)-(left|right)\b/,
  /\bborder-(top|bottom)-(left|right)-radius\b/,
  /\btext-align\s*:\s*(left|right)\b/,
  /\bfloat\s*:\s*(left|right)\b/,
  /\bclear\s*:\s*(left|right)\b/,
  // Four values set the two horizontal sides apart.
  /(?:^|[\s;{])(margin|padding|inset|border-width|border-style|border-color)\s*:\s*[^;{}\s]+\s+[^;{}\s]+\s+[^;{}\s]+\s+[^;{}\s]+\s*(;|$)/,
];

/** Inline style keys (React camelCase) that name a physical horizontal side. */
const PHYSICAL_JSX = [
  /\b(marginLeft|marginRight|paddingLeft|paddingRight|borderLeft\w*|borderRight\w*)\s*:/,
  /[{,]\s*(left|right)\s*:/,
  /\btextAlign\s*:\s*['"](left|right)['"]/,
  /\bfloat\s*:\s*['"](left|right)['"]/,
];

/** The offending lines of `text`, skipping those a `physical:` comment excuses. */
function physicalLines(text: string, patterns: RegExp[]): string[] {
  const lines = text.split('\n');
  const bad: string[] = [];
  let excused = false;
  lines.forEach((line, i) => {
    if (/\/\*\s*physical:/.test(line)) excused = true;
    const code = line.replace(/\/\*.*?\*\//g, '');
    if (patterns.some((p) => p.test(code))) {
      if (!excused) bad.push(`${i + 1}: ${line.trim()}`);
      excused = false;
    } else if (/;\s*$/.test(code)) excused = false;
  });
  return bad;
}

describe('logical properties only', () => {
  it('finds the physical declarations it is meant to refuse', () => {
    const css =
      'a {\n  margin-left: 1px;\n  left: 0;\n  text-align: right;\n  padding: 1px 2px 3px 4px;\n}';
    expect(physicalLines(css, PHYSICAL_CSS)).toHaveLength(4);
    const ok =
      'a {\n  margin-inline-start: 1px;\n  inset-inline-start: 0;\n  text-align: start;\n  padding: 1px 2px 3px;\n}';
    expect(physicalLines(ok, PHYSICAL_CSS)).toEqual([]);
    expect(
      physicalLines("<div style={{ marginLeft: 4, textAlign: 'right' }} />", PHYSICAL_JSX),
    ).toHaveLength(1);
  });

  it('no stylesheet of the renderer positions by left or right', () => {
    const bad = files(ROOT, /\.css$/).flatMap((f) =>
      physicalLines(readFileSync(f, 'utf8'), PHYSICAL_CSS).map((l) => `${relative(ROOT, f)}:${l}`),
    );
    expect(bad).toEqual([]);
  });

  it('no inline style of a component positions by left or right', () => {
    const bad = files(ROOT, /\.tsx$/).flatMap((f) =>
      physicalLines(readFileSync(f, 'utf8'), PHYSICAL_JSX).map((l) => `${relative(ROOT, f)}:${l}`),
    );
    expect(bad).toEqual([]);
  });
});
