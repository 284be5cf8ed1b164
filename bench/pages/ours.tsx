/**
 * Ours: the workbench's own ReadingPane (the component the app mounts, on
 * the app's IndexedDB through its data layer) rendering the benchmark
 * article and spans. The article and spans are written to the profile's
 * database before timing, as an analyst's profile holds them; first paint
 * is timed from mounting the pane (the database already open, as in the
 * app) to two frames after every span is painted. New spans are made in
 * sticky-label mode, where a mouse selection becomes a span at mouse-up.
 */
import '../../src/renderer/src/styles.css';
import { createRoot, type Root } from 'react-dom/client';
import { buildDocumentRecord } from '@core/document.ts';
import type { AnnotatorRecord, SpanRecord } from '@core/model.ts';
import { db, openWorkbenchDb } from '../../src/renderer/src/db/db.ts';
import { createProfile, getSelf } from '../../src/renderer/src/db/profile.ts';
import { ReadingPane } from '../../src/renderer/src/annotate/ReadingPane.tsx';
import { updateSession } from '../../src/renderer/src/annotate/session.ts';
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

let self: AnnotatorRecord | null = null;
let docId = '';
let expected = 0;
let chars = 0;
let root: Root | null = null;

/** Ranges painted by the pane: its per-label highlights (`sw-l0`, …). */
function paintedRanges(): number {
  let n = 0;
  for (const [name, h] of CSS.highlights) if (/^sw-l\d+$/.test(name)) n += h.size;
  return n;
}

/**
 * Calls `check` whenever the pane changes a highlight: the registry's `set`
 * and a Highlight's `add` are wrapped, so the check runs synchronously in
 * the pane's own paint code (no polling, no frame of delay).
 */
const watchers = new Set<() => void>();
function notify(): void {
  for (const w of [...watchers]) w();
}
const registry = Object.getPrototypeOf(CSS.highlights) as { set: (...a: unknown[]) => unknown };
const registrySet = registry.set;
registry.set = function (this: unknown, ...a: unknown[]) {
  const r = registrySet.apply(this, a);
  notify();
  return r;
};
const highlightAdd = Highlight.prototype.add;
Highlight.prototype.add = function (this: Highlight, range: AbstractRange) {
  const r = highlightAdd.call(this, range);
  notify();
  return r;
};

/** Resolves once at least `count` ranges are painted. */
function paintedAtLeast(count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (paintedRanges() >= count) return resolve();
    const timer = setTimeout(() => {
      watchers.delete(check);
      reject(new Error(`only ${paintedRanges()} of ${count} spans painted after 60 s`));
    }, 60_000);
    function check(): void {
      if (paintedRanges() < count) return;
      clearTimeout(timer);
      watchers.delete(check);
      resolve();
    }
    watchers.add(check);
  });
}

/** Writes the article, the profile and the spans once per profile. */
async function seed(count: number): Promise<void> {
  await openWorkbenchDb();
  self = (await getSelf(db)) ?? (await createProfile(db, 'Bench Analyst'));
  const { text, spans } = benchDocument(count);
  const doc = await buildDocumentRecord({ text, title: 'مقال الاختبار', importedAt: 0 });
  docId = doc.id;
  const annotatorId = self.id;
  const mine: SpanRecord[] = spans.map((s) => ({ ...s, docId: doc.id, annotatorId }));
  const stored = await db.spans.where('[docId+annotatorId]').equals([doc.id, annotatorId]).count();
  if (stored !== count) {
    await db.transaction('rw', [db.documents, db.spans], async () => {
      await db.spans.where('docId').equals(doc.id).delete();
      await db.documents.put(doc);
      await db.spans.bulkPut(mine);
    });
  }
  expected = count;
  chars = text.length;
}

const api: RenderBench = {
  async prepare(count) {
    await seed(count);
    await loadFont();
    return { chars, spans: expected };
  },

  async firstPaint() {
    if (!self) throw new Error('prepare first');
    const me = self;
    const t0 = performance.now();
    root = createRoot(scroller());
    root.render(<ReadingPane self={me} docId={docId} />);
    await paintedAtLeast(expected);
    return (await afterPaint()) - t0;
  },

  async awaitNewSpan() {
    updateSession({ sticky: 'pro-withdrawal' });
    const before = paintedRanges();
    await paintedAtLeast(before + 1);
    return sinceMouseUp(await afterPaint());
  },

  planDrag: (seed) => {
    const text = document.querySelector<HTMLElement>('.rp-text');
    return text ? planDrag(seed, text) : null;
  },

  async scrollTo(fraction) {
    scrollToFraction(fraction);
    await afterPaint();
  },

  async reset() {
    window.getSelection()?.removeAllRanges();
    updateSession({ selectedSpanId: null, pending: null });
    await afterPaint();
  },

  scrollThrough,

  count: () => paintedRanges(),
};

(window as unknown as BenchGlobals).renderBench = api;
