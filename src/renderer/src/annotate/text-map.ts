/**
 * Maps between the reading pane's DOM (one text node per paragraph) and
 * code-point offsets into the document text. UTF-16 ↔ code points goes
 * through OffsetMap only; this module adds the paragraph bookkeeping.
 */
import type { OffsetMap } from '@core/offsets.ts';
import type { Paragraph } from '@core/paragraphs.ts';

export class DomTextMap {
  private readonly index = new Map<Node, number>();

  /** `nodes[i]` is the text node rendering `paras[i]`. */
  constructor(
    readonly map: OffsetMap,
    readonly paras: readonly Paragraph[],
    readonly nodes: readonly Text[],
  ) {
    nodes.forEach((n, i) => this.index.set(n, i));
  }

  /**
   * The code-point offset of a DOM boundary point (as found in a Selection
   * or from caretPositionFromPoint). A point between paragraphs maps to the
   * end of the one before (`edge` 'end') or the start of the next ('start').
   */
  pointToCp(node: Node, offset: number, edge: 'start' | 'end'): number {
    const i = this.index.get(node);
    if (i !== undefined) {
      const p = this.paras[i]!;
      return this.map.toCodePoint(p.u16Start + Math.min(offset, p.u16End - p.u16Start));
    }
    // Not one of our text nodes: find the first paragraph the point is not after.
    let lo = 0;
    let hi = this.nodes.length;
    const r = document.createRange();
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      r.selectNodeContents(this.nodes[mid]!);
      let cmp: number;
      try {
        cmp = r.comparePoint(node, offset);
      } catch {
        cmp = -1;
      }
      if (cmp > 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.paras.length) return this.paras.at(-1)?.end ?? 0;
    if (edge === 'end' && lo > 0) return this.paras[lo - 1]!.end;
    return this.paras[lo]!.start;
  }

  /** A DOM Range over code points [start, end), or null if it covers no text. */
  rangeFor(start: number, end: number): Range | null {
    const us = this.map.toUtf16(start);
    const ue = this.map.toUtf16(end);
    const a = this.paraAtOrAfter(us);
    const b = this.paraAtOrBefore(ue);
    if (a < 0 || b < 0 || a > b) return null;
    const pa = this.paras[a]!;
    const pb = this.paras[b]!;
    const r = document.createRange();
    r.setStart(this.nodes[a]!, Math.max(0, us - pa.u16Start));
    r.setEnd(this.nodes[b]!, Math.min(ue, pb.u16End) - pb.u16Start);
    return r.collapsed ? null : r;
  }

  /** One Range per paragraph touched by [start, end): for underlines and rects. */
  paragraphRanges(start: number, end: number): Range[] {
    const us = this.map.toUtf16(start);
    const ue = this.map.toUtf16(end);
    const a = this.paraAtOrAfter(us);
    const b = this.paraAtOrBefore(ue);
    const out: Range[] = [];
    if (a < 0) return out;
    for (let i = a; i <= b; i++) {
      const p = this.paras[i]!;
      const r = document.createRange();
      r.setStart(this.nodes[i]!, Math.max(us, p.u16Start) - p.u16Start);
      r.setEnd(this.nodes[i]!, Math.min(ue, p.u16End) - p.u16Start);
      if (!r.collapsed) out.push(r);
    }
    return out;
  }

  /**
   * The code-point extent of the paragraphs that intersect the vertical
   * band [top, bottom] of the viewport (by binary search over their boxes).
   */
  visibleExtent(top: number, bottom: number): { start: number; end: number } {
    const n = this.nodes.length;
    const box = (i: number): DOMRect => this.nodes[i]!.parentElement!.getBoundingClientRect();
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (box(mid).bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (box(mid).top <= bottom) lo = mid + 1;
      else hi = mid;
    }
    const last = lo - 1;
    if (first >= n || last < first) return { start: 0, end: 0 };
    return { start: this.paras[first]!.start, end: this.paras[last]!.end };
  }

  /** Index of the paragraph containing UTF-16 offset `u` or the first after it. */
  private paraAtOrAfter(u: number): number {
    let lo = 0;
    let hi = this.paras.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.paras[mid]!.u16End <= u) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.paras.length ? lo : -1;
  }

  /** Index of the last paragraph starting before UTF-16 offset `u`. */
  private paraAtOrBefore(u: number): number {
    let lo = 0;
    let hi = this.paras.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.paras[mid]!.u16Start < u) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

/** The DOM boundary point under the pointer, or null. */
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const pos = document.caretPositionFromPoint?.(x, y);
  if (pos) return { node: pos.offsetNode, offset: pos.offset };
  const range = (
    document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }
  ).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
