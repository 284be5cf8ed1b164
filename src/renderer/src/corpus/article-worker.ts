/**
 * The module Web Worker the app reads articles in (see
 * src/core/import/prepare-queue.ts): decoding, HTML extraction and cleanup
 * off the main thread, so a hostile page never freezes the window and can
 * be stopped after the time limit. A worker has no DOMParser: pages are
 * parsed with linkedom's worker build, as `stance prepare` parses them, so
 * an article gets the same text in the app and the CLI.
 */
import { parseHTML } from 'linkedom/worker';
import type { HtmlDocument } from '@core/import/html.ts';
import { answerPrepareRequest, READY, type PrepareRequest } from '@core/import/prepare-queue.ts';

const parse = (html: string): HtmlDocument => parseHTML(html).document as unknown as HtmlDocument;

self.onmessage = (e: MessageEvent<PrepareRequest>): void => {
  self.postMessage(answerPrepareRequest(e.data, parse));
};
self.postMessage(READY);
