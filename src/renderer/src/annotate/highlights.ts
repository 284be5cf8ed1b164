/**
 * Paints spans without touching the text: CSS Custom Highlight API ranges
 * (one Highlight per label, translucent fills that blend where spans
 * overlap) plus a layer of stacked underlines, one lane per overlap depth,
 * drawn from Range.getClientRects for the spans in view only (redrawn on
 * scroll), so a long article with thousands of spans paints quickly. Letters keep their shaping because no
 * element ever wraps text. Colours come from a constructable stylesheet
 * (the CSP forbids inline <style>).
 */
import type { LabelDef, SpanRecord } from '@core/model.ts';
import { assignLanes } from '@core/spans.ts';
import type { DomTextMap } from './text-map.ts';
import { patternOf, type Pattern } from './label-patterns.ts';

const SELECTED = 'sw-selected';
const PENDING = 'sw-pending';
/** Suggestions: a dashed underline, the current one also tinted (never a label's fill). */
const SUGGESTED = 'sw-suggested';
const SUGGESTED_CURRENT = 'sw-suggested-current';

function safeColor(c: string): string {
  return CSS.supports('color', c) ? c : '#777777';
}

export class HighlightPainter {
  private readonly sheet = new CSSStyleSheet();
  private names = new Map<string, string>();
  private colors = new Map<string, string>();
  private patterns = new Map<string, Pattern>();
  private painted: SpanRecord[] = [];
  private lanes = new Map<string, number>();

  /** Defines one highlight name and colour rule per label. */
  setLabels(labels: readonly LabelDef[]): void {
    if (!document.adoptedStyleSheets.includes(this.sheet))
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    this.clearHighlights();
    this.names = new Map(labels.map((l, i) => [l.key, `sw-l${i}`]));
    this.colors = new Map(labels.map((l) => [l.key, safeColor(l.color)]));
    this.patterns = new Map(labels.map((l) => [l.key, patternOf(labels, l.key)]));
    const rules = labels.map(
      (l, i) =>
        `::highlight(sw-l${i}) { background-color: color-mix(in srgb, ${safeColor(l.color)} 30%, transparent); }`,
    );
    rules.push(
      `::highlight(${SELECTED}) { background-color: color-mix(in srgb, #000 16%, transparent); text-decoration: underline dotted #000; }`,
      `::highlight(${PENDING}) { background-color: color-mix(in srgb, #0072b2 22%, transparent); }`,
      `::highlight(${SUGGESTED}) { text-decoration: underline dashed #6b6b6b 2px; text-underline-offset: 6px; }`,
      `::highlight(${SUGGESTED_CURRENT}) { background-color: color-mix(in srgb, #e69f00 24%, transparent); text-decoration: underline dashed #8a4b00 3px; text-underline-offset: 6px; }`,
    );
    this.sheet.replaceSync(rules.join('\n'));
  }

  /**
   * Paints `spans` (in reading order) over the text of `map` and remembers
   * them (with their underline lanes) for `drawUnderlines`.
   */
  paintSpans(map: DomTextMap, spans: readonly SpanRecord[]): void {
    const t0 = performance.now();
    const byName = new Map<string, Range[]>();
    const painted: SpanRecord[] = [];
    for (const s of spans) {
      const range = map.rangeFor(s.start, s.end);
      if (!range) continue;
      painted.push(s);
      const name = this.names.get(s.label);
      if (!name) continue;
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(range);
    }
    for (const name of this.names.values()) CSS.highlights.delete(name);
    for (const [name, list] of byName) CSS.highlights.set(name, new Highlight(...list));
    this.painted = painted;
    this.lanes = assignLanes(painted);
    // Visible in performance tools and read by the benchmark.
    performance.measure('sw:paint-spans', { start: t0, detail: { spans: spans.length } });
  }

  /**
   * Paints a span being stored at once, before its write resolves, so the
   * time from hotkey to painted span does not depend on the disk or on how
   * many spans there are. Returns an undo for a failed write; on success the
   * live query's full repaint takes over.
   */
  paintProvisional(map: DomTextMap, label: string, start: number, end: number): () => void {
    const name = this.names.get(label);
    const range = map.rangeFor(start, end);
    if (!name || !range) return () => undefined;
    let h = CSS.highlights.get(name);
    if (!h) CSS.highlights.set(name, (h = new Highlight()));
    h.add(range);
    const highlight = h;
    return () => void highlight.delete(range);
  }

  /** Paints the selected span and the pending selection (cheap: two ranges). */
  paintSelection(
    map: DomTextMap,
    selected: { start: number; end: number } | null,
    pending: { start: number; end: number } | null,
  ): void {
    const sel = selected && map.rangeFor(selected.start, selected.end);
    if (sel) CSS.highlights.set(SELECTED, new Highlight(sel));
    else CSS.highlights.delete(SELECTED);
    const pend = pending && map.rangeFor(pending.start, pending.end);
    if (pend) CSS.highlights.set(PENDING, new Highlight(pend));
    else CSS.highlights.delete(PENDING);
  }

  /**
   * Paints suggestions (a layer apart from the spans: dashed, no label
   * fill) and the current one; an empty list removes them.
   */
  paintSuggestions(
    map: DomTextMap,
    suggestions: readonly { start: number; end: number }[],
    current: { start: number; end: number } | null,
  ): void {
    const ranges = suggestions.flatMap((s) => map.rangeFor(s.start, s.end) ?? []);
    if (ranges.length) CSS.highlights.set(SUGGESTED, new Highlight(...ranges));
    else CSS.highlights.delete(SUGGESTED);
    const cur = current && map.rangeFor(current.start, current.end);
    if (cur) {
      const h = new Highlight(cur);
      h.priority = 1;
      CSS.highlights.set(SUGGESTED_CURRENT, h);
    } else CSS.highlights.delete(SUGGESTED_CURRENT);
  }

  /**
   * Draws the underlines of the painted spans that overlap code points
   * [from, to) into `layer`, positioned relative to `layer` itself.
   */
  drawUnderlines(map: DomTextMap, layer: HTMLElement, from: number, to: number): void {
    const spans = this.painted.filter((s) => s.start < to && s.end > from);
    const origin = layer.getBoundingClientRect();
    const frag = document.createDocumentFragment();
    // Read every rect first, then write: one layout, no thrashing.
    const rects = spans.map((s) =>
      map
        .paragraphRanges(Math.max(s.start, from), Math.min(s.end, to))
        .flatMap((r) => [...r.getClientRects()]),
    );
    spans.forEach((span, k) => {
      const lane = this.lanes.get(span.id) ?? 0;
      const color = this.colors.get(span.label) ?? '#777777';
      for (const rect of rects[k]!) {
        if (rect.width < 1) continue;
        const bar = document.createElement('div');
        bar.className = `sw-underline pattern-${this.patterns.get(span.label) ?? 'solid'}`;
        bar.style.left = `${rect.left - origin.left}px`;
        bar.style.width = `${rect.width}px`;
        bar.style.top = `${rect.bottom - origin.top + 1 + lane * 4}px`;
        bar.style.setProperty('--c', color);
        frag.appendChild(bar);
      }
    });
    layer.replaceChildren(frag);
  }

  private clearHighlights(): void {
    for (const name of this.names.values()) CSS.highlights.delete(name);
    CSS.highlights.delete(SELECTED);
    CSS.highlights.delete(PENDING);
    CSS.highlights.delete(SUGGESTED);
    CSS.highlights.delete(SUGGESTED_CURRENT);
  }

  /** Removes every highlight and the stylesheet. */
  dispose(): void {
    this.clearHighlights();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }
}
