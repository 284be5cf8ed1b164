/**
 * What the render pages share: the fixed-seed 20,000-word article and its
 * spans, the font, and the three measurements (first paint, mouse-up to
 * painted span, longest task while scrolling) so ours and the peer are
 * measured by the same code.
 */
import '@fontsource/noto-naskh-arabic/400.css';
import './render.css';
import type { SpanRecord } from '@core/model.ts';
import { generateArticle, generateSpans, tokenizeByLine } from '../lib/corpus.ts';
import type { DragPlan, ScrollResult } from '../lib/page-api.ts';
import { mulberry32 } from '../lib/prng.ts';
import { vocabulary } from './bench-vocab.ts';

export const ARTICLE_WORDS = 20_000;
export const BENCH_DOC_ID = 'a'.repeat(64);
export const BENCH_ANNOTATOR = 'bench-analyst';

/** The article and `spanCount` spans over it, the same on every page. */
export function benchDocument(spanCount: number): { text: string; spans: SpanRecord[] } {
  const text = generateArticle(vocabulary, mulberry32(1), ARTICLE_WORDS);
  const spans = generateSpans(
    text,
    mulberry32(2),
    spanCount,
    { docId: BENCH_DOC_ID, annotatorId: BENCH_ANNOTATOR, idPrefix: 'span' },
    tokenizeByLine(text),
  );
  return { text, spans };
}

/** Loads the Arabic font before any timing starts (both sides alike). */
export async function loadFont(): Promise<void> {
  await document.fonts.load('20px "Noto Naskh Arabic"', 'العراق');
  await document.fonts.ready;
}

/** Resolves after two animation frames: what was drawn is on screen. */
export function afterPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
  );
}

/** The scrolling element of the page under test. */
export function scroller(): HTMLElement {
  const el = document.getElementById('scroller');
  if (!el) throw new Error('the page has no #scroller');
  return el;
}

/** Time stamp of the last primary-button mouse-up, captured before anyone. */
let lastUp = 0;
window.addEventListener('pointerup', (e) => (lastUp = e.timeStamp), { capture: true });

/** Milliseconds from the last mouse-up until `painted` (a performance.now()). */
export function sinceMouseUp(painted: number): number {
  return painted - lastUp;
}

/**
 * Picks a drag over 1–6 whole words around a random point of the middle of
 * the viewport: from the logical start of the first word to the logical end
 * of the last (right to left: from its right edge to the left edge).
 */
export function planDrag(seed: number, root: HTMLElement): DragPlan | null {
  const rng = mulberry32(seed);
  const box = scroller().getBoundingClientRect();
  const rootBox = root.getBoundingClientRect();
  for (let attempt = 0; attempt < 50; attempt++) {
    const x = rootBox.left + rootBox.width * (0.2 + 0.6 * rng.next());
    const y = box.top + box.height * (0.3 + 0.4 * rng.next());
    const caret = document.caretRangeFromPoint(x, y);
    const node = caret?.startContainer;
    if (!node || node.nodeType !== Node.TEXT_NODE || !root.contains(node)) continue;
    const text = node.textContent ?? '';
    const words = [...text.matchAll(/[^\s]+/gu)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    const at = words.findIndex((w) => w.end >= caret.startOffset);
    if (at < 0 || at + 6 >= words.length) continue;
    const last = at + rng.int(0, 5);
    const first = words[at]!;
    const end = words[last]!;
    const r1 = document.createRange();
    r1.setStart(node, first.start);
    r1.setEnd(node, first.start + 1);
    const r2 = document.createRange();
    r2.setStart(node, end.end - 1);
    r2.setEnd(node, end.end);
    const a = r1.getBoundingClientRect();
    const b = r2.getBoundingClientRect();
    if (a.top < box.top + 40 || b.bottom > box.bottom - 40) continue;
    return {
      from: { x: a.right - 1, y: (a.top + a.bottom) / 2 },
      to: { x: b.left + 1, y: (b.top + b.bottom) / 2 },
      quote: text.slice(first.start, end.end),
    };
  }
  return null;
}

/**
 * Scrolls the whole document top to bottom in steps of 80% of the viewport,
 * waiting for two frames at each step, and reports the longest task
 * (PerformanceObserver 'longtask': only tasks over 50 ms are reported) and
 * the longest gap between frames.
 */
export async function scrollThrough(): Promise<ScrollResult> {
  const el = scroller();
  el.scrollTop = 0;
  await afterPaint();
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let maxGap = 0;
  let last = performance.now();
  let running = true;
  const tick = (now: number): void => {
    maxGap = Math.max(maxGap, now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const t0 = performance.now();
  let steps = 0;
  const step = Math.round(el.clientHeight * 0.8);
  while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
    el.scrollTop += step;
    steps++;
    await afterPaint();
  }
  // Let debounced redraws after the last step land inside the window.
  await new Promise((r) => setTimeout(r, 300));
  await afterPaint();
  running = false;
  // Long-task entries are delivered asynchronously: give them a turn.
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return {
    longestTask: tasks.length ? Math.max(...tasks) : 0,
    tasksOver50: tasks.length,
    maxFrameGap: maxGap,
    steps,
    ms: performance.now() - t0,
    height: el.scrollHeight,
  };
}

/** Scrolls so that fraction `f` of the document is at the top. */
export function scrollToFraction(f: number): void {
  const el = scroller();
  el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) * f);
}
