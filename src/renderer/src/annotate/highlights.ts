/**
 * Paints spans without touching the text: CSS Custom Highlight API ranges
 * (one Highlight per label, translucent fills that blend where spans
 * overlap) plus a layer of stacked underlines, one lane per overlap depth,
 * drawn from Range.getClientRects. Letters keep their shaping because no
 * element ever wraps text. Colours come from a constructable stylesheet
 * (the CSP forbids inline <style>).
 */
import type { LabelDef, SpanRecord } from '@core/model.ts';
import { assignLanes } from '@core/spans.ts';
import type { DomTextMap } from './text-map.ts';

const SELECTED = 'sw-selected';
const PENDING = 'sw-pending';

function safeColor(c: string): string {
  return CSS.supports('color', c) ? c : '#777777';
}

export class HighlightPainter {
  private readonly sheet = new CSSStyleSheet();
  private names = new Map<string, string>();
  private colors = new Map<string, string>();

  /** Defines one highlight name and colour rule per label. */
  setLabels(labels: readonly LabelDef[]): void {
    if (!document.adoptedStyleSheets.includes(this.sheet))
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    this.clearHighlights();
    this.names = new Map(labels.map((l, i) => [l.key, `sw-l${i}`]));
    this.colors = new Map(labels.map((l) => [l.key, safeColor(l.color)]));
    const rules = labels.map(
      (l, i) =>
        `::highlight(sw-l${i}) { background-color: color-mix(in srgb, ${safeColor(l.color)} 30%, transparent); }`,
    );
    rules.push(
      `::highlight(${SELECTED}) { background-color: color-mix(in srgb, #000 16%, transparent); text-decoration: underline dotted #000; }`,
      `::highlight(${PENDING}) { background-color: color-mix(in srgb, #0072b2 22%, transparent); }`,
    );
    this.sheet.replaceSync(rules.join('\n'));
  }

  /**
   * Paints `spans` (in reading order) over the text of `map`, and their
   * underlines into `layer`, positioned relative to `layer`'s offset parent.
   */
  paint(
    map: DomTextMap,
    spans: readonly SpanRecord[],
    selectedId: string | null,
    pending: { start: number; end: number } | null,
    layer: HTMLElement,
  ): void {
    const byName = new Map<string, Range[]>();
    const painted: SpanRecord[] = [];
    let selected: Range | null = null;
    for (const s of spans) {
      const range = map.rangeFor(s.start, s.end);
      if (!range) continue;
      painted.push(s);
      const name = this.names.get(s.label);
      if (name) {
        let list = byName.get(name);
        if (!list) byName.set(name, (list = []));
        list.push(range);
      }
      if (s.id === selectedId) selected = range;
    }
    this.clearHighlights();
    for (const [name, list] of byName) CSS.highlights.set(name, new Highlight(...list));
    if (selected) CSS.highlights.set(SELECTED, new Highlight(selected));
    const pend = pending && map.rangeFor(pending.start, pending.end);
    if (pend) CSS.highlights.set(PENDING, new Highlight(pend));
    this.drawUnderlines(map, painted, layer);
  }

  private drawUnderlines(map: DomTextMap, spans: SpanRecord[], layer: HTMLElement): void {
    const lanes = assignLanes(spans);
    const origin = layer.getBoundingClientRect();
    const frag = document.createDocumentFragment();
    const rects = spans.map((s) =>
      map.paragraphRanges(s.start, s.end).flatMap((r) => [...r.getClientRects()]),
    );
    spans.forEach((span, k) => {
      const lane = lanes.get(span.id) ?? 0;
      const color = this.colors.get(span.label) ?? '#777777';
      for (const rect of rects[k]!) {
        if (rect.width < 1) continue;
        const bar = document.createElement('div');
        bar.className = 'sw-underline';
        bar.style.left = `${rect.left - origin.left}px`;
        bar.style.width = `${rect.width}px`;
        bar.style.top = `${rect.bottom - origin.top + 1 + lane * 4}px`;
        bar.style.background = color;
        frag.appendChild(bar);
      }
    });
    layer.replaceChildren(frag);
  }

  private clearHighlights(): void {
    for (const name of this.names.values()) CSS.highlights.delete(name);
    CSS.highlights.delete(SELECTED);
    CSS.highlights.delete(PENDING);
  }

  /** Removes every highlight and the stylesheet. */
  dispose(): void {
    this.clearHighlights();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }
}
