/**
 * What each bench page exposes on `window`, for bench/pages (which install
 * it) and the Node sections (which call it inside `page.evaluate`, where the
 * Node type-check has no DOM: they go through `globalThis`).
 */
import type { ExportVariant } from './export-work.ts';

/** bench/pages/store.ts */
export interface StoreBench {
  prepare(count: number): number;
  dexieWrite(count: number, chunk: number): Promise<number>;
  /** `bare`: no indexes and relaxed durability (the ceiling). */
  rawWrite(count: number, chunk: number, bare?: boolean): Promise<number>;
  fillBig(docs: number, annotators: number, perDoc: number): Promise<number>;
  loadOne(docs: number, samples: number): Promise<{ ms: number[]; spans: number }>;
  dropBig(): Promise<void>;
}

/** One timed run of the article import: total and per-batch milliseconds. */
export interface ArticleRun {
  ms: number;
  batchMs: number[];
}

/** bench/pages/articles.ts */
export interface ArticlesBench {
  /** Through the data layer (storeDocuments), in batches of `batch`. */
  dataLayer(count: number, batch: number): Promise<ArticleRun>;
  /** Raw IndexedDB: the same documents, list rows and tokens. */
  raw(count: number, batch: number): Promise<ArticleRun>;
  /** Raw IndexedDB: the document records alone. */
  rawDocsOnly(count: number, batch: number): Promise<ArticleRun>;
}

/** bench/pages/sync.ts */
export interface SyncBench {
  /** PouchDB replicating the project into an empty PouchDB (the floor). */
  floor(server: string, project: string): Promise<{ ms: number; docs: number; peakMB: number }>;
  /**
   * A fresh profile's first sync through the app, until `spans` spans are
   * in Dexie and the engine says synced (`ms`); then until the articles'
   * tokens are stored too (`tokensMs`, from the same start).
   */
  ours(
    server: string,
    project: string,
    spans: number,
  ): Promise<{ ms: number; tokensMs: number; spans: number; docs: number; peakMB: number }>;
  /** A's new span to B's Dexie, `samples` times; milliseconds each. */
  latency(
    server: string,
    project: string,
    docId: string,
    text: string,
    samples: number,
  ): Promise<number[]>;
}

/** A mouse drag in viewport coordinates, and the words it covers. */
export interface DragPlan {
  from: { x: number; y: number };
  to: { x: number; y: number };
  quote: string;
}

/** What scrolling through the whole document measured. */
export interface ScrollResult {
  /** Longest long task (> 50 ms), or 0 when there was none. */
  longestTask: number;
  tasksOver50: number;
  /** Longest interval between two animation frames. */
  maxFrameGap: number;
  steps: number;
  ms: number;
  height: number;
}

/** The render pages (peer.ts, ours.tsx) expose the same API. */
export interface RenderBench {
  /** Builds the document and spans and loads the font; nothing timed. */
  prepare(spans: number, variant: string): Promise<{ chars: number; spans: number }>;
  /** Renders from nothing to painted highlights; milliseconds. */
  firstPaint(): Promise<number>;
  /** Arms a watcher: resolves with mouse-up to painted new span, in ms. */
  awaitNewSpan(): Promise<number>;
  /** Plans a drag over whole words in the middle of the viewport. */
  planDrag(seed: number): DragPlan | null;
  /** Scrolls to a fraction of the document and lets it settle. */
  scrollTo(fraction: number): Promise<void>;
  /** Clears the selection so the next drag starts fresh. */
  reset(): Promise<void>;
  scrollThrough(): Promise<ScrollResult>;
  /** How many highlights/spans the page holds (sanity check). */
  count(): number;
}

/** bench/pages/formats.ts */
export interface FormatsBench {
  /** Builds the records and packs their tokens as the app stores them; nothing timed. */
  prepareExport(docs: number, perDoc: number): number;
  exportRun(
    which: ExportVariant,
    countBytes: boolean,
  ): { ms: number; bytes: number; chars: number };
  agreementRun(docs: number, perDoc: number): { total: number; compute: number };
  /** Tokenizes every export record's text: the writer's share of tokenizing. */
  tokenizeRun(): { ms: number; tokens: number };
  /** Unpacks every record's stored tokens: the stored writer's share of unpacking. */
  unpackRun(): { ms: number; tokens: number };
}

/** bench/pages/seed.ts */
export interface SeedBench {
  seed(docs: number, spansPerDoc: number): Promise<{ docs: number; spans: number; ms: number }>;
  /** Times the document list's reads and the start-up check on the seeded profile. */
  probe(): Promise<{
    docMeta: number;
    spanCounts: number;
    documentsEach: number;
    check: number;
  }>;
  /** Times a full rebuild of the derived tables (the marker removed first). */
  rebuild(): Promise<number>;
}

/** bench/pages/review.tsx */
export interface ReviewBench {
  seed(docs: number): Promise<{ docs: number; spans: number; ms: number; ids: string[] }>;
  /** Mounts one document's review: ms to its lanes painted. */
  openReview(docId: string): Promise<number>;
  /**
   * Accepts and rejects (alternately) up to `n` pending proposals, one at a
   * time: ms from each click to the frame after its row changed, and to the
   * frame after the row shows the stored state (written and read back).
   */
  decide(n: number): Promise<{ painted: number[]; stored: number[] }>;
  /** Times the dashboard's reads one by one. */
  probe(): Promise<Record<string, number>>;
  /**
   * Mounts the dashboard: ms to its figures painted, whether they were
   * marked as being updated (kept from before a change), ms to the exact
   * figures and to their intervals; returns once the view is kept.
   */
  dashboard(): Promise<{
    figures: number;
    marked: boolean;
    exact: number;
    intervals: number;
    scope: string;
    marks: string;
  }>;
  /**
   * Forgets the dashboard's kept counts and summary and runs the background
   * keeper's count (review/agreement-keeper.ts): its ms, and the longest
   * main-thread task meanwhile (ms; 0: none over 50 ms).
   */
  keeperCount(): Promise<{ countMs: number; longestTaskMs: number }>;
}

/** bench/pages/analysis.tsx */
/** One mount of the Analysis view (see AnalysisBench.paint). */
export interface AnalysisPaint {
  ms: number;
  rows: number;
  stale: boolean;
  exactMs: number;
  evidenceMs: number;
}

export interface AnalysisBench {
  /** Builds the project and stores it through the data layer. */
  seed(spans: number, actors: number): Promise<{ docs: number; spans: number; ms: number }>;
  /** Opens the view's data (read, then compute), for everyone or one annotator. */
  open(annotator: string | null): Promise<{
    read: number;
    compute: number;
    total: number;
    spans: number;
    rows: number;
    statements: number;
  }>;
  /**
   * Mounts the app's Analysis view; ms to the first frame painted with its
   * table, its rows, whether that table was marked as being updated, ms to
   * the exact figures (no longer marked) and to the first count's evidence
   * shown. `changed`: a span is written first, so the kept summary is not
   * current; `kept`: as after an earlier visit with nothing changed since.
   */
  paint(mode: 'kept' | 'changed'): Promise<AnalysisPaint>;
  /** computeAnalysis alone on the in-memory data, in ms. */
  computeInMemory(): number;
  drop(): Promise<void>;
}

/** bench/pages/suggest-ui.ts: one retrain of the app's suggestion service. */
export interface SuggestUiRun {
  docs: number;
  spans: number;
  /** From handing the spans over to idle (trained, evaluated, suggestions refreshed). */
  totalMs: number;
  /** Durations of the main thread's long tasks (over 50 ms) meanwhile. */
  tasks: number[];
  /** When each began, in ms after the spans were handed over. */
  at: number[];
  /** Long tasks of the same page as long afterwards with no work given: the machine's floor. */
  floor: number[];
  /** Suggestions shown for the open document at the end. */
  suggestions: number;
}

export interface SuggestUiBench {
  run(spans: number): Promise<SuggestUiRun>;
}

/** Everything the pages may install on `window`. */
export interface BenchGlobals {
  analysisBench: AnalysisBench;
  seedBench: SeedBench;
  storeBench: StoreBench;
  articlesBench: ArticlesBench;
  formatsBench: FormatsBench;
  renderBench: RenderBench;
  reviewBench: ReviewBench;
  syncBench: SyncBench;
  suggestUiBench: SuggestUiBench;
}
