/**
 * Render: the 20,000-word article with 1,000 and 5,000 overlapping spans,
 * rendered by the peer (@recogito/text-annotator, both of its renderers) and
 * by our reading pane, in the same browser and the same run: first paint
 * with highlights, mouse-up to painted new span (real mouse drags), and the
 * longest task while scrolling through the whole document.
 */
import type { BrowserContext, Page } from 'playwright';
import { closeProfile, echoErrors, launchProfile } from '../lib/browser.ts';
import type { BenchContext } from '../lib/context.ts';
import type { BenchGlobals, DragPlan, ScrollResult } from '../lib/page-api.ts';
import { figure, type Figure, type SectionResult } from '../lib/results.ts';

/** A renderer under test: a bench page and a variant it understands. */
export interface Subject {
  key: string;
  label: string;
  page: string;
  variant: string;
  /** False for the text-only floor, which cannot make spans. */
  interactive?: boolean;
}

/** The article as plain paragraphs: what laying out the text alone costs. */
const TEXT_FLOOR: Subject = {
  key: 'text',
  label: 'the text alone, no highlights (floor)',
  page: 'peer.html',
  variant: 'TEXT',
  interactive: false,
};

const PEER_SUBJECTS: Subject[] = [
  {
    key: 'peer',
    label: '@recogito/text-annotator, SPANS renderer (its default)',
    page: 'peer.html',
    variant: 'SPANS',
  },
  {
    key: 'peerCss',
    label: '@recogito/text-annotator, CSS_HIGHLIGHTS renderer',
    page: 'peer.html',
    variant: 'CSS_HIGHLIGHTS',
  },
];

async function openSubject(
  context: BrowserContext,
  ctx: BenchContext,
  s: Subject,
  spans: number,
): Promise<Page> {
  const page = await context.newPage();
  echoErrors(page, s.key);
  await page.goto(`${ctx.origin}/__bench/${s.page}`);
  await page.waitForFunction(() => 'renderBench' in globalThis);
  await page.evaluate(
    ([n, v]) => (globalThis as unknown as BenchGlobals).renderBench.prepare(n, v),
    [spans, s.variant] as const,
  );
  return page;
}

async function drag(page: Page, plan: DragPlan): Promise<void> {
  await page.mouse.move(plan.from.x, plan.from.y);
  await page.mouse.down();
  await page.mouse.move(plan.to.x, plan.to.y, { steps: 8 });
  // Hold like a person does before letting go: the peer treats a press
  // shorter than 300 ms as a click and polls the selection first.
  await page.waitForTimeout(350);
  await page.mouse.up();
}

/** All three measurements of one subject at one span count. */
async function measure(
  context: BrowserContext,
  ctx: BenchContext,
  s: Subject,
  spans: number,
): Promise<{ firstPaint: number[]; newSpan: number[]; scroll: ScrollResult[]; count: number }> {
  const paintRuns = ctx.quick ? 2 : 5;
  const drags = s.interactive === false ? 0 : ctx.quick ? 5 : 20;
  const scrolls = ctx.quick ? 1 : 3;
  const firstPaint: number[] = [];
  let page: Page | null = null;
  for (let i = 0; i < paintRuns; i++) {
    await page?.close();
    page = await openSubject(context, ctx, s, spans);
    firstPaint.push(
      await page.evaluate(() => (globalThis as unknown as BenchGlobals).renderBench.firstPaint()),
    );
  }
  if (!page) throw new Error('no page');
  const count = await page.evaluate(() =>
    (globalThis as unknown as BenchGlobals).renderBench.count(),
  );
  ctx.log(
    `render ${s.key} ${spans}: first paint ${firstPaint.map((x) => x.toFixed(0)).join(', ')} ms; ${count} spans`,
  );

  const newSpan: number[] = [];
  for (let k = 0; k < drags; k++) {
    await page.evaluate(
      (f) => (globalThis as unknown as BenchGlobals).renderBench.scrollTo(f),
      0.05 + (0.9 * k) / drags,
    );
    const plan = await page.evaluate(
      (seed) => (globalThis as unknown as BenchGlobals).renderBench.planDrag(seed),
      500 + k,
    );
    if (!plan) continue;
    await page.evaluate(() => {
      (globalThis as unknown as { pending: Promise<number> }).pending = (
        globalThis as unknown as BenchGlobals
      ).renderBench.awaitNewSpan();
    });
    await drag(page, plan);
    newSpan.push(
      await page.evaluate(() =>
        Promise.race([
          (globalThis as unknown as { pending: Promise<number> }).pending,
          new Promise<number>((_, reject) =>
            setTimeout(() => reject(new Error('no new span painted within 10 s')), 10_000),
          ),
        ]),
      ),
    );
    await page.evaluate(() => (globalThis as unknown as BenchGlobals).renderBench.reset());
  }
  if (newSpan.length > 0)
    ctx.log(`render ${s.key} ${spans}: new span ${newSpan.map((x) => x.toFixed(0)).join(', ')} ms`);

  const scroll: ScrollResult[] = [];
  for (let i = 0; i < scrolls; i++)
    scroll.push(
      await page.evaluate(() =>
        (globalThis as unknown as BenchGlobals).renderBench.scrollThrough(),
      ),
    );
  ctx.log(
    `render ${s.key} ${spans}: scrolling, longest task ${scroll.map((x) => x.longestTask.toFixed(0)).join(', ')} ms, frame gap ${scroll.map((x) => x.maxFrameGap.toFixed(0)).join(', ')} ms`,
  );
  await page.close();
  return { firstPaint, newSpan, scroll, count };
}

export async function benchRender(ctx: BenchContext, ours: Subject | null): Promise<SectionResult> {
  const started = performance.now();
  const subjects = [...(ours ? [ours] : []), ...PEER_SUBJECTS, TEXT_FLOOR];
  const figures: Record<string, Figure> = {};
  const notes: string[] = [];
  const context = await launchProfile('render');
  try {
    for (const spans of [1000, 5000]) {
      for (const s of subjects) {
        const m = await measure(context, ctx, s, spans);
        figures[`firstPaint.${s.key}.${spans}`] = figure(
          `first paint, ${spans.toLocaleString('en')} spans: ${s.label}`,
          'ms',
          m.firstPaint,
        );
        if (m.newSpan.length > 0)
          figures[`newSpan.${s.key}.${spans}`] = figure(
            `mouse-up to painted new span (p50 = median), ${spans.toLocaleString('en')} spans: ${s.label}`,
            'ms',
            m.newSpan,
          );
        figures[`scrollLongestTask.${s.key}.${spans}`] = figure(
          `longest task while scrolling (0 = none over 50 ms), ${spans.toLocaleString('en')} spans: ${s.label}`,
          'ms',
          m.scroll.map((x) => x.longestTask),
        );
        figures[`scrollFrameGap.${s.key}.${spans}`] = figure(
          `longest gap between frames while scrolling, ${spans.toLocaleString('en')} spans: ${s.label}`,
          'ms',
          m.scroll.map((x) => x.maxFrameGap),
        );
        if (s.key === 'peer' && spans === 5000) {
          const sc = m.scroll[0];
          if (sc)
            notes.push(
              `The document is ${sc.height.toLocaleString('en')} px tall; scrolling takes ${sc.steps} steps of 80% of the 800 px viewport, two frames each.`,
            );
        }
      }
      if (ours) {
        const o = figures[`firstPaint.ours.${spans}`]!;
        for (const p of PEER_SUBJECTS) {
          const t = figures[`firstPaint.${p.key}.${spans}`]!;
          figures[`firstPaintRatio.${p.key}.${spans}`] = figure(
            `first paint ours/theirs, ${spans.toLocaleString('en')} spans, vs ${p.label}`,
            '×',
            [o.median / t.median],
          );
        }
      }
    }
    notes.push(
      'Same article (20,000 words from the seed vocabulary, seed 1), same spans (seed 2, 1–12 tokens, three labels, overlapping), same font and metrics as the reading pane (Noto Naskh Arabic 20px, line height 2.3, a 52rem column, paragraphs in pre-wrap with unicode-bidi: plaintext) and a 1280×800 viewport, for every renderer. The peer’s mouse-up path includes its own 10 ms selection debounce; ours makes the span in sticky-label mode (a selection becomes a span at mouse-up); it paints the span before its IndexedDB write resolves (and takes it back if the write fails), and the measurement watches the pane’s own highlight calls (CSS.highlights.set, Highlight.add) to know when it is applied.',
      'First paint: from an empty page with the text and spans in memory to two animation frames after the highlights are drawn; a fresh page each run.',
      'New span: a real mouse drag (Playwright) over 1–6 words in the middle of the viewport at 20 places down the document; timed from the mouseup event timestamp to two frames after the new highlight is drawn.',
      'Scrolling: top to bottom in steps of 80% of the viewport, two frames per step; long tasks from PerformanceObserver("longtask"), which reports only tasks over 50 ms.',
      'The peer gets its spans with setAnnotations(list), its replace path; for its CSS_HIGHLIGHTS renderer that path (the core store’s sync) skips range revival and the renderer throws on undefined ranges (v4.1.1), so that renderer gets them through its upsert path, setAnnotations(list, false).',
    );
    if (!ours)
      notes.push(
        'Ours was not measured: the reading pane with highlights is not on this branch yet.',
      );
    return { measured: true, seconds: (performance.now() - started) / 1000, figures, notes };
  } finally {
    await closeProfile(context, 'render');
  }
}
