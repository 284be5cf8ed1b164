// Runs in real Chromium: the pointer hook's contract, on a bare text
// element. A drag is never lost, whatever the pane does with its element
// or however late its text map arrives.
import { beforeEach, describe, expect, it } from 'vitest';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { OffsetMap } from '@core/offsets.ts';
import { paragraphs } from '@core/paragraphs.ts';
import { tokenize } from '@core/tokenize.ts';
import { updateSession } from './session.ts';
import { DomTextMap } from './text-map.ts';
import { usePointer } from './usePointer.ts';
import { hostPerTest } from '../test/host.tsx';
import { waitFor } from '../test/wait.ts';

const TEXT = 'قال رئيس الوزراء إن القوات ستغادر.\nفقرة ثانية عن الانسحاب.';

const page = hostPerTest();
let selections: [number, number][] = [];

/**
 * The hook on a text element that is replaced whenever `generation`
 * changes, with its map built only when `mapped` is true.
 */
function Harness({ generation, mapped }: { generation: number; mapped: boolean }) {
  const textRef = useRef<HTMLDivElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const map = useMemo(() => new OffsetMap(TEXT), []);
  const paras = useMemo(() => paragraphs(TEXT, map), [map]);
  const [domMap, setDomMap] = useState<DomTextMap | null>(null);
  useLayoutEffect(() => {
    const el = textRef.current!;
    const nodes = [...el.children].map((p) => p.firstChild as Text);
    setDomMap(mapped ? new DomTextMap(map, paras, nodes) : null);
  }, [map, paras, mapped, generation]);
  usePointer(textRef, tipRef, {
    map,
    tokens: () => tokenize(TEXT),
    domMap,
    spans: [],
    labels: [],
    select: (start, end) => selections.push([start, end]),
  });
  return (
    <>
      <div key={generation} ref={textRef} className="text">
        {paras.map((p) => (
          <p key={p.index}>{p.text}</p>
        ))}
      </div>
      <div ref={tipRef} hidden />
    </>
  );
}

/** Selects `needle` (partly: one character in from each end) and releases the mouse once. */
function dragOver(needle: string): void {
  const p = [...page.el.querySelectorAll('.text p')].find((x) => x.textContent!.includes(needle))!;
  const node = p.firstChild as Text;
  const at = node.data.indexOf(needle);
  window.getSelection()!.setBaseAndExtent(node, at + needle.length - 1, node, at + 1);
  p.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
  p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
}

/** The code-point extent of `needle` in TEXT. */
function extentOf(needle: string): [number, number] {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(needle))).length;
  return [start, start + Array.from(needle).length];
}

beforeEach(() => {
  selections = [];
  updateSession({ selectedSpanId: null, pending: null, sticky: null });
});

describe('usePointer', () => {
  it('snaps a drag on the text element to whole words', async () => {
    page.render(<Harness generation={0} mapped />);
    await waitFor(() => expect(page.el.querySelector('.text p')).not.toBeNull());
    dragOver('رئيس الوزراء');
    expect(selections).toEqual([extentOf('رئيس الوزراء')]);
  });

  it('hears a drag on a text element that replaced the one present at mount', async () => {
    page.render(<Harness generation={0} mapped />);
    await waitFor(() => expect(page.el.querySelector('.text p')).not.toBeNull());
    const first = page.el.querySelector('.text');
    page.render(<Harness generation={1} mapped />);
    await waitFor(() => expect(page.el.querySelector('.text')).not.toBe(first));
    dragOver('القوات ستغادر');
    expect(selections).toEqual([extentOf('القوات ستغادر')]);
  });

  it('keeps a mouse-up that comes before the text map and handles it once the map exists', async () => {
    page.render(<Harness generation={0} mapped={false} />);
    await waitFor(() => expect(page.el.querySelector('.text p')).not.toBeNull());
    dragOver('الانسحاب');
    expect(selections).toEqual([]);
    page.render(<Harness generation={0} mapped />);
    await waitFor(() => expect(selections).toEqual([extentOf('الانسحاب')]));
  });

  it('ignores a drag that starts outside the text', async () => {
    page.render(<Harness generation={0} mapped />);
    await waitFor(() => expect(page.el.querySelector('.text p')).not.toBeNull());
    const node = page.el.querySelector('.text p')!.firstChild as Text;
    window.getSelection()!.setBaseAndExtent(node, 0, node, 5);
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
    document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
    expect(selections).toEqual([]);
  });
});
