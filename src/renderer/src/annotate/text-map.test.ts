// Runs in real Chromium: DOM boundary points ↔ code-point offsets.
import { afterEach, describe, expect, it } from 'vitest';
import { OffsetMap } from '@core/offsets.ts';
import { paragraphs } from '@core/paragraphs.ts';
import { DomTextMap } from './text-map.ts';

let host: HTMLElement | null = null;
afterEach(() => {
  host?.remove();
  host = null;
});

/** Renders `text` as the reading pane does: one <p> and text node per paragraph. */
function render(text: string): DomTextMap {
  const map = new OffsetMap(text);
  const paras = paragraphs(text, map);
  host = document.createElement('div');
  for (const p of paras) {
    const el = document.createElement('p');
    el.dir = 'rtl';
    el.textContent = p.text;
    host.appendChild(el);
  }
  document.body.appendChild(host);
  return new DomTextMap(
    map,
    paras,
    [...host.children].map((p) => p.firstChild as Text),
  );
}

describe('DomTextMap', () => {
  // Emoji (astral), CRLF, an empty line, NBSP, tashkeel, tatweel, lam-alef,
  // Latin and numbers.
  const text =
    'قال 😀 الكاظمي، إن CIA\r\nتراقب 2500 جندي\u00a0في 2021/07/23 👨‍👩‍👧\n\nلا للاحتلال العِرَاقُ قـــوي';

  it('maps every code-point offset to a DOM point and back', () => {
    const m = render(text);
    const cp = new OffsetMap(text);
    const isBreak = (i: number): boolean => /[\r\n]/.test(cp.slice(i, i + 1));
    for (let start = 0; start < cp.cpLength; start++) {
      for (const wanted of [start + 1, start + 3, cp.cpLength]) {
        const end = Math.min(wanted, cp.cpLength);
        const r = m.rangeFor(start, end);
        // Range text omits the line breaks, which have no text node.
        const expected = cp.slice(start, end).replace(/[\r\n]/g, '');
        if (!r) {
          expect(expected).toBe('');
          continue;
        }
        expect(r.toString()).toBe(expected);
        // Back from the DOM: exact, except where an edge sat on a line break.
        if (!isBreak(start))
          expect(m.pointToCp(r.startContainer, r.startOffset, 'start')).toBe(start);
        if (!isBreak(end - 1) && !isBreak(end))
          expect(m.pointToCp(r.endContainer, r.endOffset, 'end')).toBe(end);
      }
    }
  });

  it('gives the exact code-point offsets of a range over an emoji and a Latin word', () => {
    const m = render(text);
    const cp = new OffsetMap(text);
    const at = (s: string): number => cp.toCodePoint(text.indexOf(s));
    const r = m.rangeFor(at('😀'), at('CIA') + 3)!;
    expect(r.toString()).toBe('😀 الكاظمي، إن CIA');
    expect(m.pointToCp(r.startContainer, r.startOffset, 'start')).toBe(4);
    expect(m.pointToCp(r.endContainer, r.endOffset, 'end')).toBe(at('CIA') + 3);
  });

  it('maps points between paragraphs to the nearest paragraph edge', () => {
    const m = render(text);
    const second = host!.children[1]!;
    const ps = m.paras;
    // Before the second paragraph's text node (on its <p>, offset 0).
    expect(m.pointToCp(second, 0, 'start')).toBe(ps[1]!.start);
    expect(m.pointToCp(host!, 1, 'end')).toBe(ps[0]!.end);
    expect(m.pointToCp(host!, 1, 'start')).toBe(ps[1]!.start);
    expect(m.pointToCp(host!, host!.children.length, 'end')).toBe(ps.at(-1)!.end);
  });

  it('keeps one text node per paragraph, so letters are never split into elements', () => {
    render(text);
    for (const p of host!.children) expect(p.childNodes.length).toBe(1);
  });
});
