/**
 * The peer: @recogito/text-annotator (v4) rendering the benchmark article
 * and spans, with the renderer named by the variant (its default `SPANS`, or
 * `CSS_HIGHLIGHTS`). Its selectors are UTF-16 offsets into the container's
 * textContent, which is exactly the article text (paragraphs joined by the
 * newline text nodes between them); ours are code points, converted here
 * with OffsetMap.
 */
import '@recogito/text-annotator/text-annotator.css';
import {
  createTextAnnotator,
  type HighlightStyleExpression,
  type TextAnnotation,
  type TextAnnotator,
} from '@recogito/text-annotator';
import { DEFAULT_LABELS } from '@core/labels.ts';
import type { SpanRecord } from '@core/model.ts';
import { OffsetMap } from '@core/offsets.ts';
import type { BenchGlobals, RenderBench } from '../lib/page-api.ts';
import {
  afterPaint,
  benchDocument,
  loadFont,
  planDrag,
  scroller,
  scrollThrough,
  scrollToFraction,
  sinceMouseUp,
} from './render-common.ts';

const COLORS = new Map(DEFAULT_LABELS.map((l) => [l.key, l.color]));

let text = '';
let spans: SpanRecord[] = [];
let renderer: 'SPANS' | 'CSS_HIGHLIGHTS' | 'TEXT' = 'SPANS';
let anno: TextAnnotator | null = null;
let article: HTMLElement | null = null;

function toPeer(s: SpanRecord, map: OffsetMap): TextAnnotation {
  return {
    id: s.id,
    bodies: [{ id: `${s.id}-label`, annotation: s.id, purpose: 'tagging', value: s.label }],
    target: {
      annotation: s.id,
      selector: [{ quote: s.quote, start: map.toUtf16(s.start), end: map.toUtf16(s.end) }],
    },
  } as unknown as TextAnnotation;
}

/** Each span filled with its label's colour, as ours. */
const labelStyle = ((a: TextAnnotation) => ({
  fill: COLORS.get(a.bodies[0]?.value ?? '') ?? '#888888',
  fillOpacity: 0.25,
})) as HighlightStyleExpression;

/** Whether the highlight with `id` (or any, without one) is drawn. */
function drawn(id?: string): boolean {
  if (!article) return false;
  if (renderer === 'CSS_HIGHLIGHTS')
    return id ? CSS.highlights.has(`_${id}`) : CSS.highlights.size > 0;
  const layer = article.querySelector('.r6o-span-highlight-layer');
  if (!layer) return false;
  return id
    ? layer.querySelector(`[data-annotation="${CSS.escape(id)}"]`) !== null
    : layer.childElementCount > 0;
}

/** Resolves on the first redraw after which `id` (or anything) is drawn. */
function redrawn(id?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!anno) return reject(new Error('no annotator'));
    const timer = setTimeout(
      () => reject(new Error(`peer never drew ${id ?? 'anything'}`)),
      30_000,
    );
    const off = anno.renderer.on('onRedraw', () => {
      if (drawn(id)) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}

const api: RenderBench = {
  async prepare(count, variant) {
    ({ text, spans } = benchDocument(count));
    renderer = variant === 'CSS_HIGHLIGHTS' || variant === 'TEXT' ? variant : 'SPANS';
    await loadFont();
    return { chars: text.length, spans: spans.length };
  },

  async firstPaint() {
    const t0 = performance.now();
    const el = document.createElement('article');
    el.className = 'bench-doc';
    el.dir = 'rtl';
    el.lang = 'ar';
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const p = document.createElement('p');
      p.textContent = line;
      el.append(p);
      if (i < lines.length - 1) el.append('\n');
    });
    scroller().append(el);
    article = el;
    // The floor: the same article as plain paragraphs, no annotator at all.
    if (renderer === 'TEXT') return (await afterPaint()) - t0;
    anno = createTextAnnotator(el, {
      renderer,
      style: labelStyle,
    });
    const map = new OffsetMap(text);
    const painted = redrawn();
    // setAnnotations(list) replaces through the core store's sync, which
    // skips text-annotator's range revival: fine for SPANS (it revives while
    // measuring) but CSS_HIGHLIGHTS then throws on undefined ranges. Its
    // upsert path (replace = false) revives, so that renderer gets it.
    anno.setAnnotations(
      spans.map((s) => toPeer(s, map)),
      renderer === 'SPANS',
    );
    await painted;
    return (await afterPaint()) - t0;
  },

  awaitNewSpan() {
    return new Promise((resolve, reject) => {
      if (!anno) return reject(new Error('no annotator'));
      const known = new Set(anno.getAnnotations().map((a) => a.id));
      const unobserve = anno.state.store.observe(({ changes }) => {
        const created = (changes.created ?? []).find((a) => !known.has(a.id));
        if (!created) return;
        anno?.state.store.unobserve(unobserve as never);
        const check = (): void => {
          if (drawn(created.id)) {
            void afterPaint().then((t) => resolve(sinceMouseUp(t)));
          } else {
            void redrawn(created.id).then(
              () => afterPaint().then((t) => resolve(sinceMouseUp(t))),
              reject,
            );
          }
        };
        check();
      });
    });
  },

  planDrag: (seed) => (article ? planDrag(seed, article) : null),

  async scrollTo(fraction) {
    scrollToFraction(fraction);
    // The peer redraws on scroll after a debounce: let it settle.
    await new Promise((r) => setTimeout(r, 200));
    await afterPaint();
  },

  async reset() {
    window.getSelection()?.removeAllRanges();
    anno?.setSelected();
    await new Promise((r) => setTimeout(r, 50));
    await afterPaint();
  },

  scrollThrough,

  count: () => anno?.getAnnotations().length ?? 0,
};

(window as unknown as BenchGlobals).renderBench = api;
