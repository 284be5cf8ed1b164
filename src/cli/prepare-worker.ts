/**
 * The worker thread `stance prepare` reads articles in (see
 * src/core/import/prepare-queue.ts): decoding, HTML extraction with
 * linkedom, cleanup. Started through ts-worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { parseHTML } from 'linkedom';
import type { HtmlDocument } from '../core/import/html.ts';
import { answerPrepareRequest, READY, type PrepareRequest } from '../core/import/prepare-queue.ts';

const parse = (html: string): HtmlDocument => parseHTML(html).document as unknown as HtmlDocument;

parentPort!.on('message', (req: PrepareRequest) => {
  parentPort!.postMessage(answerPrepareRequest(req, parse));
});
parentPort!.postMessage(READY);
