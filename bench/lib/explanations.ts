/**
 * Why a target is missed, keyed by the target's `what`: written after
 * investigating the measurements (CPU profiles of the bench pages, the
 * floors measured beside each figure), shown in RESULTS.md only when the
 * target is missed. Each names what is slow, where, and the fix.
 */
export const WHY: Record<string, string> = {
  'render, first paint (5,000 spans)':
    'Laying out the 20,000-word article alone takes about 100 ms here (the text-only floor in the Render table), so the rest is ours. ' +
    'A CPU profile of the first paint (bench page ours.html, 5,000 spans) puts about 460 ms in `HighlightPainter.paint` ' +
    '(src/renderer/src/annotate/highlights.ts), nearly all of it in `drawUnderlines`: it calls `Range.getClientRects()` for the paragraph ' +
    'ranges of every one of the 5,000 spans (forcing layout, ~330 ms in getBoundingClientRect/getClientRects) and creates one absolutely ' +
    'positioned div per line box per span, which the browser then has to style, lay out and paint. The pane also reaches its data in two ' +
    'rounds of IndexedDB reads (the document, then its spans, the labels and the font size, each a useLiveQuery) before it can paint. ' +
    'Fix (annotate): draw underlines only for spans that intersect the viewport (plus a margin), with a spatial index updated on scroll and ' +
    'resize, as the peer does; the CSS highlights themselves (one Highlight per label) are cheap and can stay whole-document.',
  'new span, mouse-up to painted (5,000 spans)':
    'Ours repaints everything for one new span. At mouse-up in sticky mode, `addSpan` commits a durable IndexedDB transaction, the live ' +
    'query re-reads all 5,000 spans of the document (`spansOf`), ReadingPane re-sorts them and `HighlightPainter.paint` rebuilds every ' +
    'label Highlight and re-creates every underline div, with `getClientRects()` for all 5,000 spans; then selecting the new span ' +
    '(`updateSession({selectedSpanId})`) triggers the same full repaint again. A CPU profile over 5 drags at 5,000 spans: 3.6 s in `paint`, ' +
    '3.4 s of it in `drawUnderlines` (2.0 s self time in getClientRects, 0.25 s in replaceChildren). At 1,000 spans the same path costs ' +
    'about a fifth. Fix (annotate): paint incrementally (add the new range to its label Highlight with `highlight.add(range)`; cache each ' +
    "span's client rects and invalidate them only on layout changes (font size, resize); draw underlines only for visible spans; repaint " +
    'only the selected-span highlight when the selection changes), and paint the new span at mouse-up, before the write commits (undoing ' +
    "it if the write fails, which runWrite already reports). Note that the measurement ends two frames after the change (the issue's " +
    'double requestAnimationFrame), which alone costs 17–33 ms; the peer, which draws only visible highlights, is at about 60 ms p95 here.',
  'scrolling the whole document (5,000 spans)':
    'Ours does no work on scroll (everything is painted up front), so the long tasks are rendering: thousands of absolutely positioned ' +
    'underline divs (one per line box per span, for all 5,000 spans) are rasterised in software (--disable-gpu) as they scroll into view. ' +
    'The peer’s default renderer, which redraws its highlight spans on every scroll, has long tasks of the same order, while the ' +
    'text alone has none, so this is the cost of drawing highlights, not of the text; on this shared machine single runs also vary ' +
    '(see the run counts and min/max). Fix (annotate): the same viewport-only underline layer as for first paint.',
  'store 100,000 spans':
    'The data layer is within the ratio of raw IndexedDB; the absolute throughput is below 20,000 spans/s because raw IndexedDB itself is: ' +
    'with strict durability every transaction waits for an fsync, and every span is five LevelDB writes (the record and four indexes), on a ' +
    'shared 2-core machine. Nothing in the data layer is the bottleneck; fewer, larger transactions (fewer fsyncs) are the lever for both.',
  'export 10,000 docs × 20 spans to spans JSONL':
    'The writer is not a stringify: for every record it tokenizes the text (`tokenize`, Intl.Segmenter) to write `tokens` and ' +
    '`token_start`/`token_end`, checks every span against its quote, and builds a line that is about 4.4× the bytes of the floor (the ' +
    'token list is most of each line). Tokenizing is most of the time: in Chromium about two thirds of the writer\'s time (see "tokenizing ' +
    'the same texts alone"), and in Node 20 (V8 11.3), whose Intl.Segmenter is about 17× slower than Chromium 156\'s on the same text, ' +
    'even more, hence the larger Node ratio; the app exports in the renderer, where the Chromium ratio applies. ' +
    'Fixes (datasets, core): tokenize once per document and keep the tokens with the document (documents are immutable), so export only ' +
    'serialises; in `tokenize` (src/core/tokenize.ts) skip `cpLength()` per segment when the text is BMP-only (OffsetMap.isBmpOnly: ' +
    'offsets equal UTF-16 indexes); and run the CLI on Node 22+ (V8 12.4), whose Segmenter is fast.',
  'import of a 100 MB spans JSONL file, streaming':
    "The streaming core path (fs stream → JsonlLineReader → parseRecordLine) stays far below the limit; the app's import does not " +
    'stream: `analyzeFile` (src/renderer/src/db/dataset-import.ts) is handed the whole file as bytes (outside the heap) and keeps every ' +
    'parsed record in memory until the analyst confirms, so that the write is one transaction. Its heap growth is therefore proportional ' +
    'to the file. Fix (datasets): keep only what the confirmation dialog needs (counts, labels, annotators, errors) while analysing, then ' +
    're-read the file in chunks for the write, writing each chunk in its own transaction of a resumable import marked complete at the end ' +
    '(or hold compact records: texts are needed only once per document).',
  'agreement, 1,000 docs × 3 annotators':
    '`computeAgreement` itself takes about a tenth of a second (see "computeAgreement alone"); the rest is tokenizing the 1,000 documents ' +
    '(the dashboard and the CLI tokenize every document for the token-level kappa and alpha). In Node 20 the Segmenter makes that several ' +
    'seconds (see the export note). Fix (review, core): cache tokens per document id (documents never change), or store them at import; ' +
    'speed up `tokenize` for BMP-only texts as noted under export; run the CLI on Node 22+.',
  'start with 10,000 documents, to an interactive list':
    'The document list reads every full document record to keep five small fields: `useDocumentRows` (src/renderer/src/hooks/' +
    'useDocumentRows.ts) iterates `db.documents.each(...)`, which deserialises each record whole (text, rawText, the folded search key and ' +
    "the removals: about three copies of each article), and also walks every one of the analyst's spans to count them per label. The " +
    'Start table times these reads on their own: reading the titles from their index instead takes a fraction of the full-record read. Fix ' +
    "(corpus): keep the list's fields in their own small table (a schema version that adds a `docMeta` store, filled in upgrade() and " +
    'written with each document), and count spans from an index (keys only) instead of reading span records.',
};
